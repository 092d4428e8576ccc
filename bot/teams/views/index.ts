// Domain documents → the cards/ builders' view data, in the reader's language and with what the reader's
// roles allow: one file per card family.
export { CardMemo } from './card-memo';
export { helpCard, noticeCard } from './help';
export {
  intakeCard,
  intakeCardData,
  intakeCardFromEmail,
  intakeDraftFromEmail,
  intakeDraftFromText,
  type IntakeDraft,
} from './intake';
export {
  eligibilityCard,
  enrollmentCard,
  peopleCard,
  profileCard,
  settingsCard,
  type ChannelView,
} from './organization';
export { closestOutOfOrderCard, outOfOrderCard } from './step-order';
export { offeringName, settingsEtag, type Card, type Extras, type ViewEnv } from './view-env';
export { voucherCard, VOUCHER_STEPS, type VoucherStep } from './voucher';
export { listCard, PAGE_SIZE } from './voucher-list';
export { welcomeCard, type WelcomeOptions, type WelcomeVouchers } from './welcome';
