// The tab's languages: the locale matcher shared with the bot, one catalogue per language, and the translator.
export { LOCALES, firstSupportedLocale, isLocale, supportedLocale, type Locale } from './locales';
export type { MessageKey } from './en';
export { CATALOGUES, translator, type Translator } from './translator';
