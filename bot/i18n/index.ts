// bot/i18n public surface: locale resolution, translation, formatting, and words for domain data.
export {
  SUPPORTED_LOCALES,
  DEFAULT_LOCALE,
  isLocale,
  resolveLocale,
  supportedLocale,
  firstSupportedLocale,
  type Locale,
} from './locale';
export { t, hasKey, interpolate, type MessageParams, type ParamValue } from './translate';
export type { MessageKey } from './catalog';
export {
  formatDate,
  zonedDate,
  formatDateTime,
  formatNumber,
  formatMoney,
  formatRelativeDays,
  formatCountry,
  formatList,
  daysBetween,
  compareText,
} from './format';
export { refusalMessage, REFUSAL_PARAMS, type RefusalLike } from './refusals';
export { nextActionMessage, isNextActionId, NEXT_ACTION_PARAMS, type NextActionLike } from './next-actions';
export { stateLabel, roleLabel, auditActionLabel, reminderMessage } from './words';
export { localizeParams } from './params';
export { stepOrderMessage, type StepOrderLike } from './step-order';
