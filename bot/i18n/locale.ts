// Which of the app's three languages a person sees (PRODUCT.md §6).
// The per-user override wins over the Teams locale; regional variants fall back to their language, then English.

export const SUPPORTED_LOCALES = ['en', 'pt-BR', 'es-ES'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The locale each language falls back to when the exact region is not one we translate (pt-PT → pt-BR). */
const BY_LANGUAGE: Record<string, Locale> = { en: 'en', pt: 'pt-BR', es: 'es-ES' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** One candidate tag → a supported locale, or undefined when its language is not one we speak. */
function match(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  // Teams sends BCP 47 ("pt-BR"); some clients and OS settings send "pt_BR" or different casing.
  const cleaned = tag.trim().replace(/_/g, '-');
  if (cleaned === '') return undefined;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === cleaned.toLowerCase());
  if (exact) return exact;
  const language = cleaned.split('-')[0]?.toLowerCase() ?? '';
  return BY_LANGUAGE[language];
}

/** A stored language choice as the bot honours it (case, `_` and regional variants allowed), else undefined. */
export function supportedLocale(tag: string | null | undefined): Locale | undefined {
  return match(tag);
}

/**
 * The locale to speak to one person in. Install and system events often carry no locale at all: English then.
 * An override we cannot honour (say "fr") does not block the Teams locale behind it.
 */
export function resolveLocale(teamsLocale?: string | null, userOverride?: string | null): Locale {
  return match(userOverride) ?? match(teamsLocale) ?? DEFAULT_LOCALE;
}
