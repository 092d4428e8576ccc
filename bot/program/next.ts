// "What's next?" (PRODUCT.md §2): the next concrete actions for the organisation (steps 1–3, then 4) and
// for each voucher (steps 4–8), as data — an action id and its parameters — for the bot to word.
import { organizationToday } from './context';
import { addDays, daysBetween } from './dates';
import {
  businessProfileDue,
  enrollmentRenewalDue,
  expectedPaymentDate,
  isEnrollmentLapsed,
  isVoucherExpired,
  paymentRequestDeadline,
  voucherExpiryDate,
} from './deadlines';
import { eligibility } from './eligibility-checklist';
import type {
  IsoDate,
  NextAction,
  Organization,
  OrganizationNextActions,
  Role,
  Rules,
  Voucher,
} from './model';
import { holderIds } from './roles';

export interface NextActionOptions {
  defaultTimeZone?: string;
  /** Day to evaluate on; defaults to the organisation's today at `now`. */
  today?: IsoDate;
}

function make(
  id: NextAction['id'],
  step: NextAction['step'],
  roles: Role[],
  params: NextAction['params'],
  today: IsoDate,
  dueDate?: IsoDate,
): NextAction {
  const a: NextAction = { id, step, roles, params };
  if (dueDate) {
    a.dueDate = dueDate;
    a.overdue = today > dueDate;
  }
  return a;
}

/**
 * The organisation's next actions, most urgent first. A new partner (never enrolled) is walked through
 * steps 1–3; an existing partner goes straight to step 4 unless a renewal, the profile or an expired
 * competency needs attention.
 */
export function organizationNextActions(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  now: Date,
  options: NextActionOptions = {},
): OrganizationNextActions {
  const today = options.today ?? organizationToday(org, now, options.defaultTimeZone);
  const partner = org.enrollments.length > 0 ? 'existing' : 'new';
  const actions: NextAction[] = [];
  const ADMINS: Role[] = ['mpnPartnerAdmin'];

  if (holderIds(org, ['globalAdmin']).length === 0)
    actions.push(make('role.claimGlobalAdmin', 1, ['member'], {}, today));
  else if (holderIds(org, ['mpnPartnerAdmin']).length === 0)
    actions.push(make('role.assignPartnerAdmin', 1, ['globalAdmin'], {}, today));

  // Step 1
  const checklist = eligibility(org, rules, today);
  const eligible = checklist.filter((o) => o.status === 'Met').map((o) => o.offeringId);
  if (!org.complianceTraining) actions.push(make('eligibility.completeTraining', 1, ADMINS, {}, today));
  const lapsedCompetencies = org.competencies.filter((c) => c.validUntil < today).map((c) => c.name);
  if (lapsedCompetencies.length > 0) {
    actions.push(make('eligibility.renewCompetency', 1, ADMINS, { competencies: lapsedCompetencies }, today));
  }
  if (eligible.length === 0 && org.competencies.every((c) => c.validUntil < today)) {
    actions.push(
      make(
        'eligibility.recordCompetency',
        1,
        ADMINS,
        { offerings: checklist.map((o) => o.offeringId) },
        today,
      ),
    );
  }

  // Step 2
  const enrolled = org.enrollments.filter((e) => !isEnrollmentLapsed(e, rules, today));
  const firstOffset = Math.min(0, ...rules.reminders.enrollmentRenewal);
  for (const e of org.enrollments) {
    const due = enrollmentRenewalDue(e, rules);
    const lapsed = isEnrollmentLapsed(e, rules, today);
    if (lapsed && e.lapsedOn) {
      actions.push(make('enrollment.enroll', 2, ADMINS, { offeringId: e.offeringId, lapsed: true }, today));
    } else if (lapsed || today >= addDays(due, firstOffset)) {
      actions.push(
        make(
          'enrollment.renew',
          2,
          ADMINS,
          { offeringId: e.offeringId, daysLeft: daysBetween(today, due) },
          today,
          due,
        ),
      );
    }
  }
  if (partner === 'new' && org.complianceTraining && eligible.length > 0) {
    actions.push(make('enrollment.enroll', 2, ADMINS, { offerings: eligible }, today));
  }

  // Step 3
  const profileDue = businessProfileDue(org, rules);
  if (!profileDue) {
    if (partner === 'existing' || enrolled.length > 0)
      actions.push(make('businessProfile.update', 3, ADMINS, { lastUpdatedOn: null }, today));
  } else if (today >= profileDue) {
    actions.push(
      make(
        'businessProfile.update',
        3,
        ADMINS,
        { lastUpdatedOn: org.businessProfile?.lastUpdatedOn ?? null },
        today,
        profileDue,
      ),
    );
  }

  // One-time SAVB registration, needed before the first payment request of an offering.
  const redeemedOfferings = new Set(vouchers.filter((v) => v.redemption).map((v) => v.offeringId));
  for (const offeringId of [...redeemedOfferings].sort()) {
    if (!org.savbRegistrations.some((s) => s.offeringId === offeringId)) {
      actions.push(make('savb.register', 8, ['globalAdmin'], { offeringId }, today));
    }
  }

  // Step 4: ready for vouchers once enrolled (and the profile exists).
  if (enrolled.length > 0 && org.businessProfile) {
    actions.push(make('voucher.intake', 4, ADMINS, { offerings: enrolled.map((e) => e.offeringId) }, today));
  }
  return { partner, actions };
}

/** The next action for one voucher (steps 4–8), with its deadline. */
export function voucherNextAction(
  voucher: Voucher,
  org: Organization,
  rules: Rules,
  now: Date,
  options: NextActionOptions = {},
): NextAction {
  const today = options.today ?? organizationToday(org, now, options.defaultTimeZone);
  const vp = { voucherId: voucher.id, voucherNumber: voucher.voucherNumber, offeringId: voucher.offeringId };
  const expiry = voucherExpiryDate(voucher, rules);
  const ADMINS: Role[] = ['mpnPartnerAdmin'];
  if (
    ['Assigned', 'Reserved', 'Delivered', 'ReportSubmitted'].includes(voucher.state) &&
    isVoucherExpired(voucher, rules, today)
  ) {
    return make(
      'voucher.closedExpired',
      4,
      ADMINS,
      { ...vp, expiresOn: expiry ?? null, pendingExpiry: true },
      today,
    );
  }
  switch (voucher.state) {
    case 'Assigned':
      return make('voucher.reserve', 5, ADMINS, vp, today, expiry);
    case 'Reserved': {
      const r = voucher.reservation;
      if (r && today < r.plannedStart) {
        return make(
          'voucher.awaitEngagementStart',
          6,
          ['consultant', ...ADMINS],
          { ...vp, plannedStart: r.plannedStart, plannedEnd: r.plannedEnd, consultants: r.consultants },
          today,
        );
      }
      return make(
        'voucher.markDelivered',
        6,
        ['consultant', ...ADMINS],
        { ...vp, consultants: r?.consultants ?? [] },
        today,
        r?.plannedEnd,
      );
    }
    case 'Delivered':
      return make(
        'report.submit',
        6,
        ['consultant'],
        { ...vp, consultants: voucher.reservation?.consultants ?? [] },
        today,
        voucher.reservation?.plannedEnd,
      );
    case 'ReportSubmitted':
      return make('voucher.redeem', 7, ADMINS, vp, today, expiry);
    case 'Redeemed': {
      const deadline = paymentRequestDeadline(voucher, rules);
      if (!org.savbRegistrations.some((s) => s.offeringId === voucher.offeringId)) {
        return make('savb.register', 8, ['globalAdmin'], vp, today, deadline);
      }
      return make('payment.request', 8, ADMINS, vp, today, deadline);
    }
    case 'PaymentRequested': {
      const p = voucher.paymentRequest;
      const params = {
        ...vp,
        savbReference: p?.savbReference ?? null,
        amount: p?.amount ?? null,
        currency: p?.currency ?? null,
      };
      if (!p?.approvedOn) return make('payment.awaitApproval', 8, ADMINS, params, today);
      const expected = expectedPaymentDate(voucher, rules);
      if (expected && today > expected) return make('payment.followUp', 8, ADMINS, params, today, expected);
      return make('payment.awaitPayment', 8, ADMINS, params, today, expected);
    }
    case 'Paid':
      return make(
        'voucher.closedPaid',
        8,
        [],
        {
          ...vp,
          paidOn: voucher.paymentRequest?.paidOn ?? null,
          amount: voucher.paymentRequest?.paidAmount ?? null,
          currency: voucher.paymentRequest?.currency ?? null,
        },
        today,
      );
    case 'Denied':
      return make(
        'voucher.closedDenied',
        8,
        [],
        { ...vp, reason: voucher.paymentRequest?.denialReason ?? null },
        today,
      );
    case 'Expired':
      return make(
        'voucher.closedExpired',
        4,
        [],
        { ...vp, expiresOn: expiry ?? null, pendingExpiry: false },
        today,
      );
  }
}

/** Every voucher's next action, soonest deadline first (closed vouchers last). */
export function voucherNextActions(
  vouchers: readonly Voucher[],
  org: Organization,
  rules: Rules,
  now: Date,
  options: NextActionOptions = {},
): NextAction[] {
  // The organisation's "today" (an Intl call) once per call, not once per voucher.
  const today = options.today ?? organizationToday(org, now, options.defaultTimeZone);
  return vouchers
    .map((v) => voucherNextAction(v, org, rules, now, { ...options, today }))
    .sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31'));
}
