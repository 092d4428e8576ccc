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

function nextAction(
  id: NextAction['id'],
  step: NextAction['step'],
  roles: Role[],
  params: NextAction['params'],
  dueDate?: IsoDate,
): NextAction {
  return dueDate ? { id, step, roles, params, dueDate } : { id, step, roles, params };
}

// Every series is built here, so all have one shape (the scan reads thousands of them).
function series(
  kind: ReminderKind,
  subject: ReminderSubject,
  dueDate: IsoDate,
  offsets: readonly number[],
  to: string[],
  resolvedBy: NextAction,
  toProgramChannel = false,
): Series {
  return { kind, subject, dueDate, offsets, recipients: to, toProgramChannel, action: resolvedBy };
}

function voucherParams(v: Voucher) {
  return { voucherId: v.id, voucherNumber: v.voucherNumber, offeringId: v.offeringId };
}

function voucherSubject(v: Voucher): ReminderSubject {
  return { type: 'voucher', voucherId: v.id, voucherNumber: v.voucherNumber, offeringId: v.offeringId };
}

/**
 * The organisation's day on which `auditAction` was last recorded on the voucher (else the day it entered its
 * state): news is keyed to when it was recorded, not to a backdated date the user typed.
 */
function recordedOn(v: Voucher, auditAction: string, dateOf: OrganizationDateOf): IsoDate {
  let at = v.stateSince;
  for (const e of v.audit) if (e.action === auditAction) at = e.at;
  return dateOf(new Date(at));
}

/** Enrolment renewals and the stale business profile. */
function organizationSeries({ org, rules, partnerAdmins }: SeriesScope): Series[] {
  const out: Series[] = [];
  for (const e of org.enrollments) {
    if (e.lapsedOn) continue; // recorded as lapsed: the partner knows; the next action is to enrol again
    const due = enrollmentRenewalDue(e, rules);
    const admins = recipients(org, ['globalAdmin', 'mpnPartnerAdmin']);
    const renew = nextAction('enrollment.renew', 2, ['mpnPartnerAdmin'], { offeringId: e.offeringId }, due);
    const subject: ReminderSubject = { type: 'offering', offeringId: e.offeringId };
    out.push(series('enrollmentRenewal', subject, due, rules.reminders.enrollmentRenewal, admins, renew));
  }
  const profileDue = businessProfileDue(org, rules);
  if (profileDue) {
    const params = { lastUpdatedOn: org.businessProfile?.lastUpdatedOn ?? null };
    const update = nextAction('businessProfile.update', 3, ['mpnPartnerAdmin'], params, profileDue);
    const offsets = rules.reminders.businessProfileStale;
    out.push(
      series('businessProfileStale', { type: 'organization' }, profileDue, offsets, partnerAdmins, update),
    );
  }
  return out;
}

/** For the expiry reminder: the action that moves the voucher forward before it expires. */
function nextStepAction(v: Voucher, expiry: IsoDate): NextAction {
  const vp = voucherParams(v);
  switch (v.state) {
    case 'Assigned':
      return nextAction('voucher.reserve', 5, ['mpnPartnerAdmin'], vp, expiry);
    case 'Reserved':
      return nextAction('voucher.markDelivered', 6, ['consultant', 'mpnPartnerAdmin'], vp, expiry);
    case 'Delivered':
      return nextAction('report.submit', 6, ['consultant'], vp, expiry);
    default:
      return nextAction('voucher.redeem', 7, ['mpnPartnerAdmin'], vp, expiry);
  }
}

/** Steps 5–7: reserve a new voucher, before it expires, the completion report, redeem after the report. */
function voucherStepSeries(v: Voucher, { org, rules, partnerAdmins }: SeriesScope, out: Series[]): void {
  const r = rules.reminders;
  const subject = voucherSubject(v);
  const vp = voucherParams(v);
  const consultants = v.reservation?.consultants ?? [];
  const expiry = voucherExpiryDate(v, rules);
  if (v.state === 'Assigned') {
    const reserve = nextAction('voucher.reserve', 5, ['mpnPartnerAdmin'], vp, expiry);
    out.push(series('voucherReserve', subject, v.intakeOn, r.voucherReserve, partnerAdmins, reserve));
  }
  if (EXPIRABLE_STATES.includes(v.state) && expiry) {
    const told = recipients(org, ['mpnPartnerAdmin'], consultants);
    out.push(series('voucherExpiry', subject, expiry, r.voucherExpiry, told, nextStepAction(v, expiry)));
  }
  if ((v.state === 'Reserved' || v.state === 'Delivered') && v.reservation) {
    const end = v.reservation.plannedEnd;
    const id = v.state === 'Reserved' ? 'voucher.markDelivered' : 'report.submit';
    const told = [...new Set([...consultants, ...partnerAdmins])];
    const resolve = nextAction(id, 6, ['consultant', 'mpnPartnerAdmin'], vp, end);
    out.push(series('reportDue', subject, end, r.reportDue, told, resolve));
  }
  if (v.state === 'ReportSubmitted' && v.completionReport) {
    const redeem = nextAction('voucher.redeem', 7, ['mpnPartnerAdmin'], vp, expiry);
    const submittedOn = v.completionReport.submittedOn;
    out.push(series('redeemAfterReport', subject, submittedOn, r.redeemAfterReport, partnerAdmins, redeem));
  }
}

/** Step 8: the payment request window, the payment follow-up, and the outcome once recorded. */
function voucherPaymentSeries(v: Voucher, scope: SeriesScope, out: Series[]): void {
  const { org, rules, dateOf, partnerAdmins } = scope;
  const subject = voucherSubject(v);
  const vp = voucherParams(v);
  const deadline = paymentRequestDeadline(v, rules);
  if (v.state === 'Redeemed' && deadline) {
    const request = nextAction('payment.request', 8, ['mpnPartnerAdmin'], vp, deadline);
    const offsets = rules.reminders.paymentRequestWindow;
    out.push(series('paymentRequestWindow', subject, deadline, offsets, partnerAdmins, request));
  }
  const expected = expectedPaymentDate(v, rules);
  if (v.state === 'PaymentRequested' && expected) {
    const params = { ...vp, savbReference: v.paymentRequest?.savbReference ?? null };
    const followUp = nextAction('payment.followUp', 8, ['mpnPartnerAdmin'], params, expected);
    out.push(
      series('paymentFollowUp', subject, expected, rules.reminders.paymentFollowUp, partnerAdmins, followUp),
    );
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
    const closed = nextAction(
      paid ? 'voucher.closedPaid' : 'voucher.closedDenied',
      8,
      ['mpnPartnerAdmin'],
      params,
    );
    const kind = paid ? 'paymentReceived' : 'paymentDenied';
    out.push(series(kind, subject, outcome, [0], partnerAdmins, closed, org.programChannel !== undefined));
  }
}

/** The one-time SAVB registration of each offering, keyed to the day its first redemption was recorded. */
function savbSeries(vouchers: readonly Voucher[], { org, rules, dateOf }: SeriesScope, out: Series[]): void {
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
  for (const [offeringId, redeemedOn] of firstRedemption) {
    if (org.savbRegistrations.some((s) => s.offeringId === offeringId)) continue;
    const register = nextAction('savb.register', 8, ['globalAdmin'], { offeringId });
    const subject: ReminderSubject = { type: 'offering', offeringId };
    const told = recipients(org, ['globalAdmin']);
    out.push(
      series('savbRegistration', subject, redeemedOn, rules.reminders.savbRegistration, told, register),
    );
  }
}

/** Every series whose cause is unresolved. `dateOf` reads instants in the organisation's time zone. */
export function allSeries(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  dateOf: OrganizationDateOf,
): Series[] {
  const scope: SeriesScope = { org, rules, dateOf, partnerAdmins: recipients(org, ['mpnPartnerAdmin']) };
  const out = organizationSeries(scope);
  for (const v of vouchers) {
    voucherStepSeries(v, scope, out);
    voucherPaymentSeries(v, scope, out);
  }
  savbSeries(vouchers, scope, out);
  return out;
}
