// The tab reads language tags with the bot's own matcher, so both pick the same language for the same tag.
export {
  SUPPORTED_LOCALES as LOCALES,
  firstSupportedLocale,
  isLocale,
  supportedLocale,
  type Locale,
} from '../../../bot/i18n/locale';
