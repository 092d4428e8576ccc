// Proactive messages (PRODUCT.md §5): which reminders are due now, to whom, with a deterministic key.
// The scanner sends each key once (delivery ledger), inside the recipient's business hours.
import { organizationToday } from './context';
import { addDays, localDate } from './dates';
import {
  businessProfileDue,
  enrollmentRenewalDue,
  expectedPaymentDate,
  paymentRequestDeadline,
  voucherExpiryDate,
} from './deadlines';
import type {
  DueReminder,
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

/** How long after its send day a reminder whose offset is the last one (and ≥ 0) is still worth sending. */
export const CATCH_UP_DAYS = 7;

export interface ReminderOptions {
  /** Time zone deciding the organisation's "today" when it has none of its own. */
  defaultTimeZone?: string;
}

interface Series {
  kind: ReminderKind;
  subject: ReminderSubject;
  dueDate: IsoDate;
  offsets: readonly number[];
  recipients: string[];
  toProgramChannel: boolean;
  action: NextAction;
}

function subjectId(s: ReminderSubject): string {
  return s.type === 'voucher' ? s.voucherId : s.type === 'offering' ? s.offeringId : 'organization';
}

export function reminderKey(
  kind: ReminderKind,
  subject: ReminderSubject,
  dueDate: IsoDate,
  offset: number,
): string {
  return `${kind}:${subjectId(subject)}:${dueDate}:${offset}`;
}

/**
 * The one reminder of a series that is current on `today`: the latest offset already reached. An earlier
 * offset that was missed (app down) is superseded by the later one, never sent late as well. The last
 * offset stays current until the due date (negative offsets: the deadline has passed, the reminder is moot)
 * or for CATCH_UP_DAYS (offsets ≥ 0).
 */
function current(series: Series, today: IsoDate): DueReminder | undefined {
  const offsets = [...new Set(series.offsets)].sort((a, b) => a - b);
  let picked: number | undefined;
  for (const o of offsets) if (addDays(series.dueDate, o) <= today) picked = o;
  if (picked === undefined) return undefined;
  const last = offsets[offsets.length - 1] as number;
  if (picked === last) {
    const until = last < 0 ? series.dueDate : addDays(addDays(series.dueDate, last), CATCH_UP_DAYS);
    if (today > until) return undefined;
  }
  if (series.recipients.length === 0 && !series.toProgramChannel) return undefined;
  return {
    key: reminderKey(series.kind, series.subject, series.dueDate, picked),
    kind: series.kind,
    subject: series.subject,
    dueDate: series.dueDate,
    offsetDays: picked,
    sendableOn: addDays(series.dueDate, picked),
    recipients: series.recipients,
    toProgramChannel: series.toProgramChannel,
    action: series.action,
  };
}

/** Holders of `roles`; when nobody holds them, the Global admins (who may do everything). */
function recipients(org: Organization, roles: Role[], extra: readonly string[] = []): string[] {
  let ids = holderIds(org, roles);
  if (ids.length === 0) ids = holderIds(org, ['globalAdmin']);
  return [...new Set([...ids, ...extra])];
}

function voucherSubject(v: Voucher): ReminderSubject {
  return { type: 'voucher', voucherId: v.id, voucherNumber: v.voucherNumber, offeringId: v.offeringId };
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

/**
 * The organisation's calendar day on which `action` was recorded on the voucher (its latest audit entry of
 * that action, else the instant it entered its current state). News about something recorded is keyed to
 * when it was recorded, not to the date the user typed: a backdated payment is still news today.
 */
function recordedOn(v: Voucher, action: string, timeZone: string): IsoDate {
  let at = v.stateSince;
  for (const e of v.audit) if (e.action === action) at = e.at;
  return localDate(new Date(at), timeZone);
}

/** Every series whose cause is unresolved, regardless of today. */
function allSeries(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  defaultTimeZone = 'UTC',
): Series[] {
  const timeZone = org.timeZone ?? defaultTimeZone;
  const out: Series[] = [];
  const r = rules.reminders;
  const partnerAdmins = recipients(org, ['mpnPartnerAdmin']);

  for (const e of org.enrollments) {
    if (e.lapsedOn) continue; // recorded as lapsed: the partner knows; the next action is to enrol again
    const due = enrollmentRenewalDue(e, rules);
    out.push({
      kind: 'enrollmentRenewal',
      subject: { type: 'offering', offeringId: e.offeringId },
      dueDate: due,
      offsets: r.enrollmentRenewal,
      recipients: recipients(org, ['globalAdmin', 'mpnPartnerAdmin']),
      toProgramChannel: false,
      action: action('enrollment.renew', 2, ['mpnPartnerAdmin'], { offeringId: e.offeringId }, due),
    });
  }

  const profileDue = businessProfileDue(org, rules);
  if (profileDue) {
    out.push({
      kind: 'businessProfileStale',
      subject: { type: 'organization' },
      dueDate: profileDue,
      offsets: r.businessProfileStale,
      recipients: partnerAdmins,
      toProgramChannel: false,
      action: action(
        'businessProfile.update',
        3,
        ['mpnPartnerAdmin'],
        { lastUpdatedOn: org.businessProfile?.lastUpdatedOn ?? null },
        profileDue,
      ),
    });
  }

  const firstRedemption = new Map<string, IsoDate>();
  for (const v of vouchers) {
    const subject = voucherSubject(v);
    const vp = { voucherId: v.id, voucherNumber: v.voucherNumber, offeringId: v.offeringId };
    const consultants = v.reservation?.consultants ?? [];
    if (v.redemption) {
      // Keyed to the day the redemption was recorded (redeemedOn may be backdated).
      const redeemed = v.audit.some((e) => e.action === 'voucher.redeem')
        ? recordedOn(v, 'voucher.redeem', timeZone)
        : v.redemption.redeemedOn;
      const prev = firstRedemption.get(v.offeringId);
      if (!prev || redeemed < prev) firstRedemption.set(v.offeringId, redeemed);
    }
    const expiry = voucherExpiryDate(v, rules);
    if (v.state === 'Assigned') {
      out.push({
        kind: 'voucherReserve',
        subject,
        dueDate: v.intakeOn,
        offsets: r.voucherReserve,
        recipients: partnerAdmins,
        toProgramChannel: false,
        action: action('voucher.reserve', 5, ['mpnPartnerAdmin'], vp, expiry),
      });
    }
    if (EXPIRABLE_STATES.includes(v.state) && expiry) {
      out.push({
        kind: 'voucherExpiry',
        subject,
        dueDate: expiry,
        offsets: r.voucherExpiry,
        recipients: recipients(org, ['mpnPartnerAdmin'], consultants),
        toProgramChannel: false,
        action: nextStepAction(v, expiry),
      });
    }
    if ((v.state === 'Reserved' || v.state === 'Delivered') && v.reservation) {
      out.push({
        kind: 'reportDue',
        subject,
        dueDate: v.reservation.plannedEnd,
        offsets: r.reportDue,
        recipients: [...new Set([...consultants, ...partnerAdmins])],
        toProgramChannel: false,
        action: action(
          v.state === 'Reserved' ? 'voucher.markDelivered' : 'report.submit',
          6,
          ['consultant', 'mpnPartnerAdmin'],
          vp,
          v.reservation.plannedEnd,
        ),
      });
    }
    if (v.state === 'ReportSubmitted' && v.completionReport) {
      out.push({
        kind: 'redeemAfterReport',
        subject,
        dueDate: v.completionReport.submittedOn,
        offsets: r.redeemAfterReport,
        recipients: partnerAdmins,
        toProgramChannel: false,
        action: action('voucher.redeem', 7, ['mpnPartnerAdmin'], vp, expiry),
      });
    }
    const deadline = paymentRequestDeadline(v, rules);
    if (v.state === 'Redeemed' && deadline) {
      out.push({
        kind: 'paymentRequestWindow',
        subject,
        dueDate: deadline,
        offsets: r.paymentRequestWindow,
        recipients: partnerAdmins,
        toProgramChannel: false,
        action: action('payment.request', 8, ['mpnPartnerAdmin'], vp, deadline),
      });
    }
    const expected = expectedPaymentDate(v, rules);
    if (v.state === 'PaymentRequested' && expected) {
      out.push({
        kind: 'paymentFollowUp',
        subject,
        dueDate: expected,
        offsets: r.paymentFollowUp,
        recipients: partnerAdmins,
        toProgramChannel: false,
        action: action(
          'payment.followUp',
          8,
          ['mpnPartnerAdmin'],
          { ...vp, savbReference: v.paymentRequest?.savbReference ?? null },
          expected,
        ),
      });
    }
    // "When recorded, immediately" (PRODUCT.md §5): the day the outcome was recorded, whatever date it carries.
    const outcome =
      v.state === 'Paid'
        ? recordedOn(v, 'voucher.recordPayment', timeZone)
        : v.state === 'Denied'
          ? recordedOn(v, 'voucher.recordDenial', timeZone)
          : undefined;
    if (outcome) {
      const paid = v.state === 'Paid';
      out.push({
        kind: paid ? 'paymentReceived' : 'paymentDenied',
        subject,
        dueDate: outcome,
        offsets: [0],
        recipients: partnerAdmins,
        toProgramChannel: org.programChannel !== undefined,
        action: action(paid ? 'voucher.closedPaid' : 'voucher.closedDenied', 8, ['mpnPartnerAdmin'], {
          ...vp,
          amount: v.paymentRequest?.paidAmount ?? v.paymentRequest?.amount ?? null,
          currency: v.paymentRequest?.currency ?? null,
          reason: v.paymentRequest?.denialReason ?? null,
        }),
      });
    }
  }

  for (const [offeringId, redeemedOn] of firstRedemption) {
    if (org.savbRegistrations.some((s) => s.offeringId === offeringId)) continue;
    out.push({
      kind: 'savbRegistration',
      subject: { type: 'offering', offeringId },
      dueDate: redeemedOn,
      offsets: r.savbRegistration,
      recipients: recipients(org, ['globalAdmin']),
      toProgramChannel: false,
      action: action('savb.register', 8, ['globalAdmin'], { offeringId }),
    });
  }
  return out;
}

/** For the expiry reminder: the action that moves the voucher forward before it expires. */
function nextStepAction(v: Voucher, expiry: IsoDate): NextAction {
  const vp = { voucherId: v.id, voucherNumber: v.voucherNumber, offeringId: v.offeringId };
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

/**
 * Reminders to send now. Same inputs → same reminders and keys; a reminder whose cause is resolved (voucher
 * reserved, enrolment renewed, payment requested, …) is simply not produced. Sorted by key.
 */
export function dueReminders(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  now: Date,
  options: ReminderOptions = {},
): DueReminder[] {
  const today = organizationToday(org, now, options.defaultTimeZone);
  return allSeries(org, vouchers, rules, options.defaultTimeZone)
    .map((s) => current(s, today))
    .filter((r): r is DueReminder => r !== undefined)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every future send day of every unresolved series (for the tab's "next 30 days" and for tests). */
export function upcomingReminders(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  from: IsoDate,
  to: IsoDate,
  options: ReminderOptions = {},
): DueReminder[] {
  const out: DueReminder[] = [];
  for (const s of allSeries(org, vouchers, rules, options.defaultTimeZone)) {
    for (const o of s.offsets) {
      const day = addDays(s.dueDate, o);
      if (day < from || day > to) continue;
      const r = current(s, day);
      if (r && r.offsetDays === o) out.push(r);
    }
  }
  return out.sort((a, b) =>
    a.sendableOn < b.sendableOn ? -1 : a.sendableOn > b.sendableOn ? 1 : a.key < b.key ? -1 : 1,
  );
}
