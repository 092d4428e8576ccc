// Every Action.Execute verb any card uses, `<subject>.<action>` (`nav.*` only shows a card). The bot's verb
// router and the card tests are checked against this list.
export const CARD_VERBS = [
  'nav.whatsNext',
  'nav.help',
  'nav.eligibility',
  'nav.enrollment',
  'nav.profile',
  'nav.people',
  'nav.settings',
  'nav.intake',
  'nav.organizationData',
  'eligibility.record',
  'enrollment.record',
  'enrollment.renew',
  'savb.register',
  'profile.update',
  'intake.confirm',
  'voucher.show',
  'voucher.list',
  'voucher.reserve',
  'voucher.cancelReservation',
  'voucher.markDelivered',
  'report.submit',
  'voucher.redeem',
  'voucher.setExpiry',
  'payment.request',
  'payment.recordOutcome',
  'people.assignRole',
  'people.removeRole',
  'people.claimGlobalAdmin',
  'settings.save',
  'reminder.snooze',
  'reminder.done',
  'reminder.test',
  'tenant.export',
  'tenant.delete',
] as const;

export type CardVerb = (typeof CARD_VERBS)[number];

/** A form verb with `open` asks for the form; `submit` applies it. */
export type FormStep = 'open' | 'submit';

/** The only things an action may carry, never business data (typed values travel as inputs). Extra keys are ids. */
export interface ActionData {
  etag?: string;
  /** The person's own settings revision (settings.save), instead of the organisation's ETag. */
  settingsEtag?: string;
  step?: FormStep | 'training' | 'competency' | 'assessment';
  page?: number;
  [id: `${string}Id`]: string | undefined;
}

const NON_ID_KEYS = new Set(['etag', 'settingsEtag', 'step', 'page']);

/** True for a key an action's data may carry (used by tests and by the router's own checks). */
export function isAllowedDataKey(key: string): boolean {
  return NON_ID_KEYS.has(key) || /^[a-z][A-Za-z]*Id$/.test(key);
}

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}
