// Which of the app's three languages a person sees (PRODUCT.md §6). Imports nothing: the tab bundles it too.
// The per-user override wins over the Teams locale; regional variants fall back to their language, then English.

export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'es-ES'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The locale each language falls back to when the exact region is not one we translate (pt-PT → pt-BR). */
const BY_LANGUAGE = new Map<string, Locale>([
  ['en', 'en'],
  ['pt', 'pt-BR'],
  ['es', 'es-ES'],
]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * One language tag → the supported locale for it (case, `_` and regional variants allowed), else undefined.
 * The language is the tag's first subtag: "estonian" or "ptBR" is no language we speak.
 */
export function supportedLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  // Teams sends BCP 47 ("pt-BR"); some clients and OS settings send "pt_BR" or different casing.
  const cleaned = tag.trim().replace(/_/g, '-');
  if (cleaned === '') return undefined;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === cleaned.toLowerCase());
  if (exact) return exact;
  // A Map, not an object: "constructor" or "__proto__" must not find an inherited property.
  return BY_LANGUAGE.get(cleaned.split('-')[0]?.toLowerCase() ?? '');
}

/** The first candidate in a language we speak, else English; candidates we cannot honour are skipped. */
export function firstSupportedLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const locale = supportedLocale(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The locale to speak to one person in: their override, else the Teams locale (absent on install events), else English. */
export function resolveLocale(teamsLocale?: string | null, userOverride?: string | null): Locale {
  return firstSupportedLocale(userOverride, teamsLocale);
}
