// Every Action.Execute verb any card uses. The bot's verb router is checked against this list, and the card
// tests check that no card uses a verb missing here (and that every verb here is used by some card).
//
// Conventions (DESIGN.md "Never trust the card"):
// - verbs are `<subject>.<action>`; `nav.*` only shows a card and changes nothing;
// - action `data` carries ids (`…Id`), `etag` (the version the card was rendered from), `step` and `page`,
//   never business data: the values a user typed travel as inputs, and the server reloads everything else;
// - a form verb with `step: 'open'` asks for the form, `step: 'submit'` applies it.
export const CARD_VERBS = [
  'nav.whatsNext',
  'nav.help',
  'nav.eligibility',
  'nav.enrollment',
  'nav.profile',
  'nav.people',
  'nav.settings',
  'nav.intake',
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
] as const;

export type CardVerb = (typeof CARD_VERBS)[number];

export type FormStep = 'open' | 'submit';

/** The only things an action may carry. Extra keys must be ids, ending in `Id`. */
export interface ActionData {
  etag?: string;
  step?: FormStep | 'training' | 'competency' | 'assessment';
  page?: number;
  [id: `${string}Id`]: string | undefined;
}

const NON_ID_KEYS = new Set(['etag', 'step', 'page']);

/** True for a key an action's data may carry (used by tests and by the router's own checks). */
export function isAllowedDataKey(key: string): boolean {
  return NON_ID_KEYS.has(key) || /^[a-z][A-Za-z]*Id$/.test(key);
}

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}
