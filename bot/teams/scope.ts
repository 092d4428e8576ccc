// Who is speaking, for which organisation, in which language and time zone. Every turn starts here: the
// tenant and user come from what Teams puts on the activity (never from card data), the organisation is
// loaded (and created on first contact), the person is recorded, the locale and time zone are resolved.
import type { Activity } from 'botbuilder';
import { ensurePerson, findPerson, type Actor, type Organization } from '../program';
import { resolveLocale, type Locale } from '../i18n';
import { clientInfo } from '../reminders/references';
import { ConcurrencyConflict, type Stored } from '../store';
import type { Repos } from './repos';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface Identity {
  tenantId: string;
  userId: string;
  name: string;
  /** The Teams user id (`from.id`, `29:…`): what Adaptive Card refresh.userIds names. */
  teamsUserId?: string;
}

export interface TurnScope extends Identity {
  actor: Actor;
  org: Stored<Organization>;
  locale: Locale;
  timeZone: string;
  conversation: ConversationKind;
  /** The locale Teams sent, kept so clearing the override falls back to it. */
  teamsLocale?: string;
}

interface TeamsChannelData {
  tenant?: { id?: unknown };
}

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The tenant id Teams puts on the activity: channelData.tenant.id, else conversation.tenantId. */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
  const fromChannel = (activity.channelData as TeamsChannelData | undefined)?.tenant?.id;
  const candidate =
    typeof fromChannel === 'string' && fromChannel !== '' ? fromChannel : activity.conversation?.tenantId;
  return typeof candidate === 'string' && ID.test(candidate) ? candidate : undefined;
}

/** The Entra object id of the sender; Teams always sends it for people. */
export function identityOf(activity: Partial<Activity>): Identity | undefined {
  const tenantId = tenantIdOf(activity);
  const userId = activity.from?.aadObjectId;
  if (!tenantId || typeof userId !== 'string' || !ID.test(userId)) return undefined;
  const name = typeof activity.from?.name === 'string' ? activity.from.name.slice(0, 200) : '';
  const teamsId = activity.from?.id;
  const teamsUserId = typeof teamsId === 'string' && /^29:[^\s]{1,250}$/.test(teamsId) ? teamsId : undefined;
  return { tenantId, userId, name, ...(teamsUserId ? { teamsUserId } : {}) };
}

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  return 'personal';
}

/** Locale for a turn with no known person yet (install events, refusals before the organisation is read). */
export function activityLocale(activity: Partial<Activity>): Locale {
  return resolveLocale(activity.locale ?? clientInfo(activity).locale);
}

export interface ScopeOptions {
  now: Date;
  initialGlobalAdmins: readonly string[];
  defaultTimeZone: string;
  /** The turn only shows something: a copy of the organisation this recent will do (see store/cache.ts). */
  maxAgeMs?: number;
}

/**
 * Reads the organisation (one point read), creating it on first contact and recording a new person (one
 * write, only when something changed). A concurrent write is retried on the fresh document.
 */
export async function loadScope(
  repos: Repos,
  activity: Partial<Activity>,
  who: Identity,
  options: ScopeOptions,
): Promise<TurnScope> {
  const recent = options.maxAgeMs !== undefined ? { maxAgeMs: options.maxAgeMs } : {};
  let org = await repos.organizations.getOrCreate(
    who.tenantId,
    options.now,
    options.initialGlobalAdmins,
    recent,
  );
  for (let attempt = 0; who.userId !== ''; attempt++) {
    const seen = ensurePerson(
      org.doc,
      {
        userId: who.userId,
        name: who.name || undefined,
        ...(who.teamsUserId ? { teamsUserId: who.teamsUserId } : {}),
      },
      options.now,
    );
    if (!seen.changed) break;
    try {
      org = await repos.organizations.save(who.tenantId, seen.org, org.etag);
      break;
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict) || attempt >= 3) throw err;
      org = await repos.organizations.getOrCreate(who.tenantId, options.now, options.initialGlobalAdmins);
    }
  }
  const person = who.userId ? findPerson(org.doc, who.userId) : undefined;
  const info = clientInfo(activity);
  const teamsLocale = activity.locale ?? info.locale;
  const { teamsUserId: _teamsUserId, ...identity } = who;
  return {
    ...identity,
    actor: { kind: 'user', userId: who.userId, name: who.name || person?.name || undefined },
    org,
    locale: resolveLocale(teamsLocale, person?.settings.locale),
    timeZone: person?.settings.timeZone ?? info.timeZone ?? org.doc.timeZone ?? options.defaultTimeZone,
    conversation: conversationKindOf(activity),
    ...(teamsLocale ? { teamsLocale } : {}),
  };
}

/** The scope after the organisation changed within the turn (a verb wrote it). */
export function withOrganization(scope: TurnScope, org: Stored<Organization>): TurnScope {
  const person = findPerson(org.doc, scope.userId);
  return {
    ...scope,
    org,
    locale: resolveLocale(scope.teamsLocale, person?.settings.locale),
    timeZone: person?.settings.timeZone ?? scope.timeZone,
  };
}
