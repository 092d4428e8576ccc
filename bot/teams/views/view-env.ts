// What every card view reads — the turn's scope, the rules, the clock — and the helpers over it that several
// card families share. Cards carry ids, the step and the ETag they were rendered from, never business data.
import type { AdaptiveCard, CardOptions, Notice, WelcomeLanguageView } from '../../../cards';
import {
  findOffering,
  findPerson,
  isVoucherAdmin,
  rolesOf,
  type Organization,
  type Rules,
} from '../../program';
import { isLocale, resolveLocale, zonedDate } from '../../i18n';
import type { TurnScope } from '../scope';
import type { CardMemo } from './card-memo';

export type Card = AdaptiveCard;

export interface ViewEnv {
  scope: TurnScope;
  rules: Rules;
  now: Date;
  defaultTimeZone: string;
  /** The bot's finished cards, reused when every input is the same; without it every card is built afresh. */
  cardMemo?: CardMemo;
  /** The app's public host name: voucher cards then carry their shareable link (`https://<host>/v/<id>`). */
  publicHostname?: string;
}

/** What a card shows besides the document: a banner, errors under fields, what the person typed. */
export interface Extras {
  notice?: Notice;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** The organisation's calendar day now (its time zone, else the configured default). */
export function organizationDate(env: ViewEnv): string {
  return zonedDate(env.now, env.scope.org.doc.timeZone ?? env.defaultTimeZone);
}

/** The reader is MPN partner admin or Global admin (a Global admin may do everything). */
export function isPartnerAdmin(env: ViewEnv): boolean {
  return isVoucherAdmin(env.scope.org.doc, env.scope.userId);
}

export function isGlobalAdmin(env: ViewEnv): boolean {
  return rolesOf(env.scope.org.doc, env.scope.userId).includes('globalAdmin');
}

/** Everyone the bot has met gets their own (role-specific) view by refresh; Teams wants their Teams user ids
 *  (`29:…`, never Entra object ids) and allows 60. People it has not met yet have none and are skipped. */
function refreshUserIds(org: Organization): string[] {
  return org.people.flatMap((p) => (p.teamsUserId ? [p.teamsUserId] : [])).slice(0, 60);
}

export function cardOptions(env: ViewEnv, extras: Extras = {}): CardOptions {
  return {
    ...(extras.notice ? { notice: extras.notice } : {}),
    ...(extras.errors ? { errors: extras.errors } : {}),
    refresh: { userIds: refreshUserIds(env.scope.org.doc) },
    timeZone: env.scope.timeZone,
  };
}

export function offeringName(rules: Rules, offeringId: string): string {
  const offering = findOffering(rules, offeringId);
  return offering ? `${offering.id} – ${offering.name}` : offeringId;
}

/** A number the person typed into a form, or undefined when the field is empty or not a number. */
export function typedNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** What settings cards carry instead of the organisation's ETag: the person's own settings revision. */
export function settingsEtag(env: ViewEnv): string {
  return String(env.scope.settings?.doc.revision ?? 0);
}

/** The person's language override (if any) and what "automatic" resolves to: for the language pickers. */
export function languageView(env: ViewEnv): WelcomeLanguageView {
  const override = findPerson(env.scope.org.doc, env.scope.userId)?.settings.locale;
  return {
    etag: env.scope.org.etag,
    settingsEtag: settingsEtag(env),
    ...(override && isLocale(override) ? { localeOverride: override } : {}),
    detectedLocale: resolveLocale(env.scope.teamsLocale),
  };
}
