// "What's next?" (PRODUCT.md §2): the next concrete actions for the organisation (steps 1–3, then 4) and
// for each voucher (steps 4–8), as data — an action id and its parameters — for the bot to word.
import { organizationToday } from './context';
import { daysBetween } from './dates';
import {
  businessProfileDue,
  enrollmentRenewalDue,
  expectedPaymentDate,
  isEnrollmentLapsed,
  isEnrollmentRenewalOpen,
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
import { EXPIRABLE_STATES } from './transitions';

export interface NextActionOptions {
  defaultTimeZone?: string;
  /** Day to evaluate on; defaults to the organisation's today at `now`. */
  today?: IsoDate;
}

const PARTNER_ADMINS: readonly Role[] = ['mpnPartnerAdmin'];

function nextAction(
  id: NextAction['id'],
  step: NextAction['step'],
  roles: readonly Role[],
  params: NextAction['params'],
  today: IsoDate,
  dueDate?: IsoDate,
): NextAction {
  const a: NextAction = { id, step, roles: [...roles], params };
  if (dueDate) {
    a.dueDate = dueDate;
    a.overdue = today > dueDate;
  }
  return a;
}

/** Bootstrap: somebody claims Global admin, who then names a partner admin. */
function rolesActions(org: Organization, today: IsoDate): NextAction[] {
  if (holderIds(org, ['globalAdmin']).length === 0)
    return [nextAction('role.claimGlobalAdmin', 1, ['member'], {}, today)];
  if (holderIds(org, ['mpnPartnerAdmin']).length === 0)
    return [nextAction('role.assignPartnerAdmin', 1, ['globalAdmin'], {}, today)];
  return [];
}

/** Step 1: compliance training, lapsed competencies, and a competency when none qualifies. */
function eligibilityActions(
  org: Organization,
  offerings: string[],
  eligible: string[],
  today: IsoDate,
): NextAction[] {
  const actions: NextAction[] = [];
  if (!org.complianceTraining)
    actions.push(nextAction('eligibility.completeTraining', 1, PARTNER_ADMINS, {}, today));
  const lapsed = org.competencies.filter((c) => c.validUntil < today).map((c) => c.name);
  if (lapsed.length > 0) {
    actions.push(
      nextAction('eligibility.renewCompetency', 1, PARTNER_ADMINS, { competencies: lapsed }, today),
    );
  }
  if (eligible.length === 0 && org.competencies.every((c) => c.validUntil < today)) {
    actions.push(nextAction('eligibility.recordCompetency', 1, PARTNER_ADMINS, { offerings }, today));
  }
  return actions;
}

/** Step 2: enrol again after a recorded lapse, renew when due, or a new partner's first enrolment. */
function enrollmentActions(
  org: Organization,
  rules: Rules,
  eligible: string[],
  today: IsoDate,
): NextAction[] {
  const actions: NextAction[] = [];
  for (const e of org.enrollments) {
    const due = enrollmentRenewalDue(e, rules);
    const lapsed = isEnrollmentLapsed(e, rules, today);
    if (lapsed && e.lapsedOn) {
      const params = { offeringId: e.offeringId, lapsed: true };
      actions.push(nextAction('enrollment.enroll', 2, PARTNER_ADMINS, params, today));
    } else if (isEnrollmentRenewalOpen(e, rules, today)) {
      const params = { offeringId: e.offeringId, daysLeft: daysBetween(today, due) };
      actions.push(nextAction('enrollment.renew', 2, PARTNER_ADMINS, params, today, due));
    }
  }
  if (org.enrollments.length === 0 && org.complianceTraining && eligible.length > 0) {
    actions.push(nextAction('enrollment.enroll', 2, PARTNER_ADMINS, { offerings: eligible }, today));
  }
  return actions;
}

/** Step 3: the business profile, once the partner has enrolled, and again when it is stale. */
function profileActions(org: Organization, rules: Rules, today: IsoDate): NextAction[] {
  const profileDue = businessProfileDue(org, rules);
  if (!profileDue) {
    if (org.enrollments.length > 0)
      return [nextAction('businessProfile.update', 3, PARTNER_ADMINS, { lastUpdatedOn: null }, today)];
    return [];
  }
  if (today < profileDue) return [];
  const params = { lastUpdatedOn: org.businessProfile?.lastUpdatedOn ?? null };
  return [nextAction('businessProfile.update', 3, PARTNER_ADMINS, params, today, profileDue)];
}

/** The one-time SAVB registration, needed before the first payment request of an offering. */
function savbActions(org: Organization, vouchers: readonly Voucher[], today: IsoDate): NextAction[] {
  const redeemedOfferings = new Set(vouchers.filter((v) => v.redemption).map((v) => v.offeringId));
  return [...redeemedOfferings]
    .sort()
    .filter((offeringId) => !org.savbRegistrations.some((s) => s.offeringId === offeringId))
    .map((offeringId) => nextAction('savb.register', 8, ['globalAdmin'], { offeringId }, today));
}

/**
 * The organisation's next actions, most urgent first. A new partner (never enrolled) is walked through
 * steps 1–3; an existing partner goes straight to step 4 unless something needs attention.
 */
export function organizationNextActions(
  org: Organization,
  vouchers: readonly Voucher[],
  rules: Rules,
  now: Date,
  options: NextActionOptions = {},
): OrganizationNextActions {
  const today = options.today ?? organizationToday(org, now, options.defaultTimeZone);
  const checklist = eligibility(org, rules, today);
  const eligible = checklist.filter((o) => o.status === 'Met').map((o) => o.offeringId);
  const offerings = checklist.map((o) => o.offeringId);
  const enrolled = org.enrollments.filter((e) => !isEnrollmentLapsed(e, rules, today));
  const actions = [
    ...rolesActions(org, today),
    ...eligibilityActions(org, offerings, eligible, today),
    ...enrollmentActions(org, rules, eligible, today),
    ...profileActions(org, rules, today),
    ...savbActions(org, vouchers, today),
  ];
  // Step 4: ready for vouchers once enrolled (and the profile exists).
  if (enrolled.length > 0 && org.businessProfile) {
    const params = { offerings: enrolled.map((e) => e.offeringId) };
    actions.push(nextAction('voucher.intake', 4, PARTNER_ADMINS, params, today));
  }
  return { partner: org.enrollments.length > 0 ? 'existing' : 'new', actions };
}

interface VoucherScope {
  voucher: Voucher;
  org: Organization;
  rules: Rules;
  today: IsoDate;
  params: { voucherId: string; voucherNumber: string; offeringId: string };
}

/** Reserved: wait for the engagement to start, then mark it delivered. */
function reservedAction({ voucher, today, params }: VoucherScope): NextAction {
  const r = voucher.reservation;
  const roles: Role[] = ['consultant', ...PARTNER_ADMINS];
  if (r && today < r.plannedStart) {
    const p = {
      ...params,
      plannedStart: r.plannedStart,
      plannedEnd: r.plannedEnd,
      consultants: r.consultants,
    };
    return nextAction('voucher.awaitEngagementStart', 6, roles, p, today);
  }
  const p = { ...params, consultants: r?.consultants ?? [] };
  return nextAction('voucher.markDelivered', 6, roles, p, today, r?.plannedEnd);
}

/** Redeemed: request payment (after the offering's SAVB registration). */
function redeemedAction({ voucher, org, rules, today, params }: VoucherScope): NextAction {
  const deadline = paymentRequestDeadline(voucher, rules);
  if (!org.savbRegistrations.some((s) => s.offeringId === voucher.offeringId)) {
    return nextAction('savb.register', 8, ['globalAdmin'], params, today, deadline);
  }
  return nextAction('payment.request', 8, PARTNER_ADMINS, params, today, deadline);
}

/** PaymentRequested: wait for approval, then for the payment, then follow up. */
function paymentRequestedAction({ voucher, rules, today, params }: VoucherScope): NextAction {
  const p = voucher.paymentRequest;
  const withRequest = {
    ...params,
    savbReference: p?.savbReference ?? null,
    amount: p?.amount ?? null,
    currency: p?.currency ?? null,
  };
  if (!p?.approvedOn) return nextAction('payment.awaitApproval', 8, PARTNER_ADMINS, withRequest, today);
  const expected = expectedPaymentDate(voucher, rules);
  if (expected && today > expected)
    return nextAction('payment.followUp', 8, PARTNER_ADMINS, withRequest, today, expected);
  return nextAction('payment.awaitPayment', 8, PARTNER_ADMINS, withRequest, today, expected);
}

/** Paid, Denied, Expired: nothing left to do; the action says how it closed. */
function closedAction({ voucher, rules, today, params }: VoucherScope): NextAction {
  const p = voucher.paymentRequest;
  if (voucher.state === 'Paid') {
    const paid = {
      ...params,
      paidOn: p?.paidOn ?? null,
      amount: p?.paidAmount ?? null,
      currency: p?.currency ?? null,
    };
    return nextAction('voucher.closedPaid', 8, [], paid, today);
  }
  if (voucher.state === 'Denied')
    return nextAction('voucher.closedDenied', 8, [], { ...params, reason: p?.denialReason ?? null }, today);
  const expiresOn = voucherExpiryDate(voucher, rules) ?? null;
  return nextAction('voucher.closedExpired', 4, [], { ...params, expiresOn, pendingExpiry: false }, today);
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
  const params = {
    voucherId: voucher.id,
    voucherNumber: voucher.voucherNumber,
    offeringId: voucher.offeringId,
  };
  const scope: VoucherScope = { voucher, org, rules, today, params };
  const expiry = voucherExpiryDate(voucher, rules);
  if (EXPIRABLE_STATES.includes(voucher.state) && isVoucherExpired(voucher, rules, today)) {
    const p = { ...params, expiresOn: expiry ?? null, pendingExpiry: true };
    return nextAction('voucher.closedExpired', 4, PARTNER_ADMINS, p, today);
  }
  switch (voucher.state) {
    case 'Assigned':
      return nextAction('voucher.reserve', 5, PARTNER_ADMINS, params, today, expiry);
    case 'Reserved':
      return reservedAction(scope);
    case 'Delivered': {
      const p = { ...params, consultants: voucher.reservation?.consultants ?? [] };
      return nextAction('report.submit', 6, ['consultant'], p, today, voucher.reservation?.plannedEnd);
    }
    case 'ReportSubmitted':
      return nextAction('voucher.redeem', 7, PARTNER_ADMINS, params, today, expiry);
    case 'Redeemed':
      return redeemedAction(scope);
    case 'PaymentRequested':
      return paymentRequestedAction(scope);
    default:
      return closedAction(scope);
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
