// Who is speaking, for which organisation, in which language and time zone. Every turn starts here: the
// tenant and person come from what Teams put on the activity (never from card data), the organisation is
// loaded (and created on first contact), the person is recorded, the locale and time zone are resolved.
import { ensurePerson, findPerson, type Actor, type Organization, type PersonSettings } from '../program';
import { resolveLocale, type Locale } from '../i18n';
import { withSettings, type Stored } from '../store';
import type { Repos } from './repos';
import type { ConversationKind, Identity, TurnInput } from './turn-input';

export type { ConversationKind, Identity } from './turn-input';

export interface TurnScope extends Identity {
  actor: Actor;
  org: Stored<Organization>;
  /** The person's own settings document (absent until they first change something or are met); the settings
   *  cards carry its revision, never the organisation's ETag. */
  settings?: Stored<PersonSettings>;
  /** The currency the organisation's last payment request used, by delivery country (people's documents). */
  rememberedCurrencies?: Readonly<Record<string, string>>;
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
  const known = who.userId ? findPerson(org.doc, who.userId) : undefined;
  // The Teams id goes to the person's own document: learning it stales no card (issue #14, item 1).
  if (known && who.teamsUserId && known.teamsUserId !== who.teamsUserId)
    await repos.people.learnTeamsUserId(who.tenantId, known, who.teamsUserId);
  const settings = known ? await repos.people.get(who.tenantId, known.userId) : undefined;
  const rememberedCurrencies =
    org.doc.people.length > 0 ? await repos.people.rememberedCurrencies(who.tenantId) : undefined;
  const orgNow = settings ? { ...org, doc: withOwnSettings(org.doc, settings.doc) } : org;
  const person = who.userId ? findPerson(orgNow.doc, who.userId) : undefined;
  const { teamsLocale } = turn;
  const { teamsUserId: _teamsUserId, ...identity } = who;
  return {
    ...identity,
    actor: { kind: 'user', userId: who.userId, name: who.name || person?.name || undefined },
    org: orgNow,
    ...(settings ? { settings } : {}),
    ...(rememberedCurrencies ? { rememberedCurrencies } : {}),
    locale: resolveLocale(teamsLocale, person?.settings.locale),
    timeZone: person?.settings.timeZone ?? turn.timeZone ?? org.doc.timeZone ?? options.defaultTimeZone,
    conversation: turn.conversation,
    ...(teamsLocale ? { teamsLocale } : {}),
  };
}

/** The organisation with the person's own settings exactly as their document has them now (the roster the
 *  organisation was read with may be up to a minute old). */
function withOwnSettings(org: Organization, own: PersonSettings): Organization {
  return { ...org, people: withSettings(org.people, new Map([[own.userId, own]])) };
}

/** The scope after the organisation changed within the turn (a verb wrote it). */
export function withOrganization(scope: TurnScope, org: Stored<Organization>): TurnScope {
  const doc = scope.settings ? withOwnSettings(org.doc, scope.settings.doc) : org.doc;
  return { ...scope, org: { ...org, doc } };
}

/** The scope after the person changed their own settings within the turn: answer in the new language. */
export function withPersonSettings(scope: TurnScope, settings: Stored<PersonSettings>): TurnScope {
  const org = { ...scope.org, doc: withOwnSettings(scope.org.doc, settings.doc) };
  const person = findPerson(org.doc, scope.userId);
  return {
    ...scope,
    org,
    settings,
    locale: resolveLocale(scope.teamsLocale, person?.settings.locale),
    timeZone: person?.settings.timeZone ?? scope.timeZone,
  };
}
