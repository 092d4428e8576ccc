// Every reminder series whose cause is unresolved (PRODUCT.md §5), regardless of today: what it is about, its
// due date and offsets, who is told, and the action that resolves it. reminders.ts picks the current ones.
import {
  businessProfileDue,
  enrollmentRenewalDue,
  expectedPaymentDate,
  paymentRequestDeadline,
  voucherExpiryDate,
} from './deadlines';
import type {
  IsoDate,
  NextAction,
  Organization,
  ReminderKind,
  ReminderSubject,
  Role,
  Rules,
  Voucher,
} from './model';
import { holderIds } from './roles';
import { EXPIRABLE_STATES } from './transitions';

export interface Series {
  kind: ReminderKind;
  subject: ReminderSubject;
  dueDate: IsoDate;
  offsets: readonly number[];
  recipients: string[];
  toProgramChannel: boolean;
  action: NextAction;
}

/** The calendar date of an instant in the organisation's time zone. */
export type OrganizationDateOf = (instant: Date) => IsoDate;

interface SeriesScope {
  org: Organization;
  rules: Rules;
  dateOf: OrganizationDateOf;
  partnerAdmins: string[];
}

/** Holders of `roles`; when nobody holds them, the Global admins (who may do everything). */
function recipients(org: Organization, roles: Role[], extra: readonly string[] = []): string[] {
  let ids = holderIds(org, roles);
  if (ids.length === 0) ids = holderIds(org, ['globalAdmin']);
  return [...new Set([...ids, ...extra])];
}

function action(
  id: NextAction['id'],
  step: NextAction['step'],
  roles: Role[],
  params: NextAction['params'],
  dueDate?: IsoDate,
): NextAction {
  return dueDate ? { id, step, roles, params, dueDate } : { id, step, roles, params };
}

function voucherParams(v: Voucher) {
  return { voucherId: v.id, voucherNumber: v.voucherNumber, offeringId: v.offeringId };
}

/**
 * The organisation's day on which `action` was last recorded on the voucher (else the day it entered its
 * state): news is keyed to when it was recorded, not to a backdated date the user typed.
 */
function recordedOn(v: Voucher, action: string, dateOf: OrganizationDateOf): IsoDate {
  let at = v.stateSince;
  for (const e of v.audit) if (e.action === action) at = e.at;
  return dateOf(new Date(at));
}

/** Enrolment renewals and the stale business profile. */
function organizationSeries({ org, rules, partnerAdmins }: SeriesScope): Series[] {
  const out: Series[] = [];
  for (const e of org.enrollments) {
    if (e.lapsedOn) continue; // recorded as lapsed: the partner knows; the next action is to enrol again
    const due = enrollmentRenewalDue(e, rules);
    out.push({
      kind: 'enrollmentRenewal',
      subject: { type: 'offering', offeringId: e.offeringId },
      dueDate: due,
      offsets: rules.reminders.enrollmentRenewal,
      recipients: recipients(org, ['globalAdmin', 'mpnPartnerAdmin']),
      toProgramChannel: false,
      action: action('enrollment.renew', 2, ['mpnPartnerAdmin'], { offeringId: e.offeringId }, due),
    });
  }
  const profileDue = businessProfileDue(org, rules);
  if (profileDue) {
    const lastUpdatedOn = org.businessProfile?.lastUpdatedOn ?? null;
    out.push({
      kind: 'businessProfileStale',
      subject: { type: 'organization' },
      dueDate: profileDue,
      offsets: rules.reminders.businessProfileStale,
      recipients: partnerAdmins,
      toProgramChannel: false,
      action: action('businessProfile.update', 3, ['mpnPartnerAdmin'], { lastUpdatedOn }, profileDue),
    });
  }
  return out;
}

/** For the expiry reminder: the action that moves the voucher forward before it expires. */
function nextStepAction(v: Voucher, expiry: IsoDate): NextAction {
  const vp = voucherParams(v);
  switch (v.state) {
    case 'Assigned':
      return action('voucher.reserve', 5, ['mpnPartnerAdmin'], vp, expiry);
    case 'Reserved':
      return action('voucher.markDelivered', 6, ['consultant', 'mpnPartnerAdmin'], vp, expiry);
    case 'Delivered':
      return action('report.submit', 6, ['consultant'], vp, expiry);
    default:
      return action('voucher.redeem', 7, ['mpnPartnerAdmin'], vp, expiry);
  }
}

/** Steps 5–7: reserve a new voucher, before it expires, the completion report, redeem after the report. */
function voucherStepSeries(v: Voucher, { org, rules, partnerAdmins }: SeriesScope): Series[] {
  const out: Series[] = [];
  const r = rules.reminders;
  const subject: ReminderSubject = { type: 'voucher', ...voucherParams(v) };
  const vp = voucherParams(v);
  const consultants = v.reservation?.consultants ?? [];
  const expiry = voucherExpiryDate(v, rules);
  const series = (
    kind: ReminderKind,
    dueDate: IsoDate,
    offsets: readonly number[],
    to: string[],
    a: NextAction,
  ) => out.push({ kind, subject, dueDate, offsets, recipients: to, toProgramChannel: false, action: a });
  if (v.state === 'Assigned') {
    series(
      'voucherReserve',
      v.intakeOn,
      r.voucherReserve,
      partnerAdmins,
      action('voucher.reserve', 5, ['mpnPartnerAdmin'], vp, expiry),
    );
  }
  if (EXPIRABLE_STATES.includes(v.state) && expiry) {
    series(
      'voucherExpiry',
      expiry,
      r.voucherExpiry,
      recipients(org, ['mpnPartnerAdmin'], consultants),
      nextStepAction(v, expiry),
    );
  }
  if ((v.state === 'Reserved' || v.state === 'Delivered') && v.reservation) {
    const end = v.reservation.plannedEnd;
    const id = v.state === 'Reserved' ? 'voucher.markDelivered' : 'report.submit';
    const who = [...new Set([...consultants, ...partnerAdmins])];
    series('reportDue', end, r.reportDue, who, action(id, 6, ['consultant', 'mpnPartnerAdmin'], vp, end));
  }
  if (v.state === 'ReportSubmitted' && v.completionReport) {
    const a = action('voucher.redeem', 7, ['mpnPartnerAdmin'], vp, expiry);
    series('redeemAfterReport', v.completionReport.submittedOn, r.redeemAfterReport, partnerAdmins, a);
  }
  return out;
}

/** Step 8: the payment request window, the payment follow-up, and the outcome once recorded. */
function voucherPaymentSeries(v: Voucher, { org, rules, dateOf, partnerAdmins }: SeriesScope): Series[] {
  const out: Series[] = [];
  const subject: ReminderSubject = { type: 'voucher', ...voucherParams(v) };
  const vp = voucherParams(v);
  const deadline = paymentRequestDeadline(v, rules);
  const base = { subject, recipients: partnerAdmins, toProgramChannel: false };
  if (v.state === 'Redeemed' && deadline) {
    const a = action('payment.request', 8, ['mpnPartnerAdmin'], vp, deadline);
    out.push({
      ...base,
      kind: 'paymentRequestWindow',
      dueDate: deadline,
      offsets: rules.reminders.paymentRequestWindow,
      action: a,
    });
  }
  const expected = expectedPaymentDate(v, rules);
  if (v.state === 'PaymentRequested' && expected) {
    const params = { ...vp, savbReference: v.paymentRequest?.savbReference ?? null };
    const a = action('payment.followUp', 8, ['mpnPartnerAdmin'], params, expected);
    out.push({
      ...base,
      kind: 'paymentFollowUp',
      dueDate: expected,
      offsets: rules.reminders.paymentFollowUp,
      action: a,
    });
  }
  if (v.state === 'Paid' || v.state === 'Denied') {
    // "When recorded, immediately" (PRODUCT.md §5): the day the outcome was recorded, whatever date it carries.
    const paid = v.state === 'Paid';
    const outcome = recordedOn(v, paid ? 'voucher.recordPayment' : 'voucher.recordDenial', dateOf);
    const p = v.paymentRequest;
    const params = {
      ...vp,
      amount: p?.paidAmount ?? p?.amount ?? null,
      currency: p?.currency ?? null,
      reason: p?.denialReason ?? null,
    };
    out.push({
      ...base,
      kind: paid ? 'paymentReceived' : 'paymentDenied',
      dueDate: outcome,
      offsets: [0],
      toProgramChannel: org.programChannel !== undefined,
      action: action(paid ? 'voucher.closedPaid' : 'voucher.closedDenied', 8, ['mpnPartnerAdmin'], params),
    });
  }
  return out;
}

/** The one-time SAVB registration of each offering, keyed to the day its first redemption was recorded. */
function savbSeries(vouchers: readonly Voucher[], { org, rules, dateOf }: SeriesScope): Series[] {
  const firstRedemption = new Map<string, IsoDate>();
  for (const v of vouchers) {
    if (!v.redemption) continue;
    // Keyed to the day the redemption was recorded (redeemedOn may be backdated).
    const redeemed = v.audit.some((e) => e.action === 'voucher.redeem')
      ? recordedOn(v, 'voucher.redeem', dateOf)
      : v.redemption.redeemedOn;
    const prev = firstRedemption.get(v.offeringId);
    if (!prev || redeemed < prev) firstRedemption.set(v.offeringId, redeemed);
  }
  const out: Series[] = [];
  for (const [offeringId, redeemedOn] of firstRedemption) {
    if (org.savbRegistrations.some((s) => s.offeringId === offeringId)) continue;
    out.push({
      kind: 'savbRegistration',
      subject: { type: 'offering', offeringId },
      dueDate: redeemedOn,
      offsets: rules.reminders.savbRegistration,
      recipients: recipients(org, ['globalAdmin']),
      toProgramChannel: false,
      action: action('savb.register', 8, ['globalAdmin'], { offeringId }),
    });
  }
  return out;
}

/** Every series whose cause is unresolved. `dateOf` reads instants in the organisation's time zone. */
export function allSeries(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  dateOf: OrganizationDateOf,
): Series[] {
  const scope: SeriesScope = { org, rules, dateOf, partnerAdmins: recipients(org, ['mpnPartnerAdmin']) };
  return [
    ...organizationSeries(scope),
    ...vouchers.flatMap((v) => [...voucherStepSeries(v, scope), ...voucherPaymentSeries(v, scope)]),
    ...savbSeries(vouchers, scope),
  ];
}
