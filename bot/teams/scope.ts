// Who is speaking, for which organisation, in which language and time zone. Every turn starts here: the
// tenant and person come from what Teams put on the activity (never from card data), the organisation is
// loaded (and created on first contact), the person is recorded, the locale and time zone are resolved.
import { ensurePerson, findPerson, type Actor, type Organization } from '../program';
import { resolveLocale, type Locale } from '../i18n';
import type { Stored } from '../store';
import type { Repos } from './repos';
import type { ConversationKind, Identity, TurnInput } from './turn-input';

export type { ConversationKind, Identity } from './turn-input';

export interface TurnScope extends Identity {
  actor: Actor;
  org: Stored<Organization>;
  locale: Locale;
  timeZone: string;
  conversation: ConversationKind;
  /** The locale Teams sent, kept so clearing the override falls back to it. */
  teamsLocale?: string;
}

export interface ScopeOptions {
  now: Date;
  initialGlobalAdmins: readonly string[];
  defaultTimeZone: string;
}

/**
 * Reads the organisation (one point read), creating it on first contact and recording a new person (one
 * write, only when something changed; a concurrent write is retried on the current document).
 */
export async function loadScope(
  repos: Repos,
  turn: TurnInput,
  who: Identity,
  options: ScopeOptions,
): Promise<TurnScope> {
  const meet = (org: Organization): Organization | undefined => {
    const seen = ensurePerson(
      org,
      {
        userId: who.userId,
        name: who.name || undefined,
        ...(who.teamsUserId ? { teamsUserId: who.teamsUserId } : {}),
      },
      options.now,
    );
    return seen.changed ? seen.org : undefined;
  };
  const org = await repos.organizations.getOrCreate(
    who.tenantId,
    options.now,
    options.initialGlobalAdmins,
    who.userId !== '' ? meet : undefined,
  );
  const person = who.userId ? findPerson(org.doc, who.userId) : undefined;
  const { teamsLocale } = turn;
  const { teamsUserId: _teamsUserId, ...identity } = who;
  return {
    ...identity,
    actor: { kind: 'user', userId: who.userId, name: who.name || person?.name || undefined },
    org,
    locale: resolveLocale(teamsLocale, person?.settings.locale),
    timeZone: person?.settings.timeZone ?? turn.timeZone ?? org.doc.timeZone ?? options.defaultTimeZone,
    conversation: turn.conversation,
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
