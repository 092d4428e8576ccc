// cards/ public surface: one builder per card, the verb list, links and the shared view types.
export {
  CARD_VERBS,
  isCardVerb,
  isAllowedDataKey,
  type CardVerb,
  type ActionData,
  type FormStep,
} from './verbs';
export { LINKS, statusTabDeepLink, voucherLink, type LinkId } from './links';
export type {
  AdaptiveCard,
  CardElement,
  CardOptions,
  Choice,
  Notice,
  NoticeTone,
  RefreshOption,
  VoucherSummary,
} from './types';
export { NEXT_ACTION_TARGETS } from './next-action-targets';
export {
  buildWelcomeCard,
  type WelcomeCardData,
  type WelcomeLanguageView,
  type NextActionView,
  type StepStatus,
} from './welcome';
export { buildHelpCard, type HelpCardData } from './help';
export { buildOrganizationDataCard, type OrganizationDataCardData } from './organization-data';
export {
  buildEligibilityCard,
  type EligibilityCardData,
  type EligibilityGapView,
  type EligibilityStatusView,
} from './eligibility';
export { buildEnrollmentCard, type EnrollmentCardData, type EnrollmentOfferingView } from './enrollment';
export { buildProfileCard, type ProfileCardData } from './profile';
export { buildIntakeCard, type IntakeCardData, type IntakeFieldStatus, type IntakeFields } from './intake';
export { buildReservationCard, type ReservationCardData, type ReservationValues } from './reservation';
export { buildCancelReservationCard, type CancelReservationCardData } from './cancel-reservation';
export {
  buildCompletionReportCard,
  consultantInputId,
  DELIVERABLE_TYPES,
  DELIVERABLE_ROWS,
  type CompletionReportCardData,
  type CompletionReportValues,
  type ReportConsultantView,
} from './completion-report';
export { buildRedeemCard, type RedeemCardData } from './redeem';
export { buildPaymentRequestCard, DEFAULT_CURRENCIES, type PaymentRequestCardData } from './payment-request';
export { currencyFor, defaultCurrency } from './currencies';
export { buildPaymentOutcomeCard, type PaymentOutcomeCardData, type PaymentView } from './payment-outcome';
export {
  buildVoucherDetailCard,
  VOUCHER_ACTIONS,
  VOUCHER_ACTION_VERBS,
  MAX_TIMELINE_ENTRIES,
  type VoucherDetailCardData,
  type VoucherAction,
  type TimelineEntryView,
} from './voucher-detail';
export { buildVoucherListCard, type VoucherListCardData, type VoucherListItemView } from './voucher-list';
export {
  buildPeopleCard,
  ASSIGNABLE_ROLES,
  MAX_PEOPLE_ROWS,
  MAX_PICKER_PEOPLE,
  type PeopleCardData,
  type PersonView,
} from './people';
export {
  buildSettingsCard,
  languageChoices,
  AUTOMATIC_LOCALE,
  DEFAULT_TIME_ZONES,
  type SettingsCardData,
} from './settings';
export { NOT_SET } from './common';
export { buildReminderCard, REMINDER_CARD_KINDS, type ReminderCardData } from './reminder';
export {
  buildReminderListCard,
  MAX_REMINDER_ROWS,
  REMINDER_LIST_STATES,
  type ReminderListCardData,
  type ReminderListItemView,
  type ReminderListState,
} from './reminder-list';
export { buildNoticeCard, staleNotice, savedNotice, refusalNotice, errorNotice } from './notice';
export { toDialogCard, DIALOG_VERB_KEY } from './dialog';
