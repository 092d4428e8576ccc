// Settings: the reader's language and time zone (personal), and the organisation's program channel
// (MPN partner admin / Global admin). "Automatic" clears the override so the Teams locale applies.
import { NOT_SET } from './common';
import { SUPPORTED_LOCALES, t, type Locale } from '../bot/i18n';
import { expand, finish, labels } from './render';
import template from './templates/settings.json';
import type { AdaptiveCard, CardOptions, Choice } from './types';

export interface SettingsCardData {
  /** The organisation's ETag: checked only when the program channel changes. */
  etag: string;
  /** The person's own settings revision: checked for language and time zone. */
  settingsEtag: string;
  /** The user's override; absent = automatic. */
  localeOverride?: Locale;
  /** What automatic currently resolves to (from Teams). */
  detectedLocale: Locale;
  timeZone?: string;
  /** Time zones to offer; defaults to a short list covering the program's main markets. */
  timeZoneChoices?: string[];
  canEditOrganization: boolean;
  /** A Global admin: the card offers the organisation's data (export, deletion). */
  canManageData?: boolean;
  programChannelId?: string;
  /** Channels of the team the app is installed in. */
  channels: Choice[];
}

/** IANA zones a typical partner team works in; the full list (~400) would crowd the card and its size. */
export const DEFAULT_TIME_ZONES = [
  'UTC',
  'America/Sao_Paulo',
  'America/Manaus',
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/Lisbon',
  'Europe/London',
  'Europe/Madrid',
  'Atlantic/Canary',
  'Europe/Paris',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

/**
 * The value of the "Automatic" language choice (clears the personal override, so the Teams locale applies).
 * Not '': web renderers (the Agents Playground's among them) treat an empty value as "nothing chosen" and
 * show a blank dropdown instead of the current choice.
 */
export const AUTOMATIC_LOCALE = 'auto';

const LANGUAGE_KEY = {
  en: 'settings.lang.en',
  'pt-BR': 'settings.lang.pt-BR',
  'es-ES': 'settings.lang.es-ES',
} as const;

/** "Automatic (English)", English, Português (Brasil), Español (España) — in the reader's language. */
export function languageChoices(locale: Locale, detectedLocale: Locale): Choice[] {
  return [
    {
      title: t(locale, 'common.automatic', { value: t(locale, LANGUAGE_KEY[detectedLocale]) }),
      value: AUTOMATIC_LOCALE,
    },
    ...SUPPORTED_LOCALES.map((l) => ({ title: t(locale, LANGUAGE_KEY[l]), value: l })),
  ];
}

export function buildSettingsCard(
  data: SettingsCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const zones = [...(data.timeZoneChoices ?? DEFAULT_TIME_ZONES)];
  // The user's current zone must be selectable even when it is not in the short list.
  if (data.timeZone && !zones.includes(data.timeZone)) zones.unshift(data.timeZone);
  const view = {
    l: labels(locale, {
      title: 'settings.title',
      language: 'settings.language',
      timeZone: 'settings.timeZone',
      channel: 'settings.channel',
      channelHint: 'settings.channelHint',
      save: 'common.save',
      organizationData: 'settings.organizationData',
    }),
    etag: data.etag,
    settingsEtag: data.settingsEtag,
    locale: data.localeOverride ?? AUTOMATIC_LOCALE,
    languageChoices: languageChoices(locale, data.detectedLocale),
    timeZone: data.timeZone ?? NOT_SET,
    // NOT_SET = no personal zone: the organisation's (then the configured) default applies.
    timeZoneChoices: [
      { title: t(locale, 'common.notSet'), value: NOT_SET },
      ...zones.map((z) => ({ title: z.replace(/_/g, ' '), value: z })),
    ],
    canEditOrganization: data.canEditOrganization,
    canManageData: data.canManageData ?? false,
    channelId: data.programChannelId ?? NOT_SET,
    channelChoices: [{ title: t(locale, 'settings.noChannel'), value: NOT_SET }, ...data.channels],
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'nav.settings', data: {} },
  });
}
