// "What's next?" for one organisation and its vouchers, as NextAction data. Adapter until bot/program
// exports its own nextActions(): same vocabulary (NextActionId), derived only from domain helpers.
import { localDate } from '../program/dates';
import { businessProfileDue, enrollmentRenewalDue, isActive, isEnrollmentLapsed, voucherExpiryDate } from '../program/deadlines';
import { addDays } from '../program/dates';
import type { IsoDate, NextAction, Organization, OrganizationNextActions, Role, Rules, Voucher } from '../program/model';
import { holderIds } from '../program/roles';

const ADMIN: Role[] = ['globalAdmin', 'mpnPartnerAdmin'];

export function organizationToday(org: Organization, now: Date, defaultTimeZone: string): IsoDate {
  return localDate(now, org.timeZone ?? defaultTimeZone);
}

export function voucherNextAction(v: Voucher, rules: Rules, today: IsoDate): NextAction {
  const p = { voucherId: v.id, voucherNumber: v.voucherNumber, customer: v.customer.name };
  const due = v.dueOn ?? voucherExpiryDate(v, rules);
  const dated = (a: NextAction): NextAction => (due ? { ...a, dueDate: due, overdue: due < today } : a);
  switch (v.state) {
    case 'Assigned':
      return dated({ id: 'voucher.reserve', step: 5, params: p, roles: ADMIN });
    case 'Reserved': {
      const start = v.reservation?.plannedStart;
      if (start && today < start) return { id: 'voucher.awaitEngagementStart', step: 5, params: { ...p, plannedStart: start }, roles: ADMIN };
      return dated({ id: 'voucher.markDelivered', step: 6, params: p, roles: [...ADMIN, 'consultant'] });
    }
    case 'Delivered':
      return dated({ id: 'report.submit', step: 6, params: p, roles: [...ADMIN, 'consultant'] });
    case 'ReportSubmitted':
      return dated({ id: 'voucher.redeem', step: 7, params: p, roles: ADMIN });
    case 'Redeemed':
      return dated({ id: 'payment.request', step: 8, params: p, roles: ADMIN });
    case 'PaymentRequested':
      return v.paymentRequest?.approvedOn
        ? dated({ id: due && due < today ? 'payment.followUp' : 'payment.awaitPayment', step: 8, params: p, roles: ADMIN })
        : { id: 'payment.awaitApproval', step: 8, params: p, roles: ADMIN };
    case 'Paid':
      return { id: 'voucher.closedPaid', step: 8, params: p, roles: ADMIN };
    case 'Denied':
      return { id: 'voucher.closedDenied', step: 8, params: p, roles: ADMIN };
    case 'Expired':
      return { id: 'voucher.closedExpired', step: 4, params: p, roles: ADMIN };
  }
}

export function organizationNextActions(org: Organization, vouchers: readonly Voucher[], rules: Rules, today: IsoDate): OrganizationNextActions {
  const actions: NextAction[] = [];
  if (holderIds(org, ['globalAdmin']).length === 0) actions.push({ id: 'role.claimGlobalAdmin', step: 1, params: {}, roles: ['member'] });
  else if (holderIds(org, ['mpnPartnerAdmin']).length === 0) actions.push({ id: 'role.assignPartnerAdmin', step: 1, params: {}, roles: ['globalAdmin'] });
  if (!org.complianceTraining) actions.push({ id: 'eligibility.completeTraining', step: 1, params: {}, roles: ADMIN });
  if (!org.competencies.some((c) => c.validUntil >= today)) actions.push({ id: 'eligibility.recordCompetency', step: 1, params: {}, roles: ADMIN });
  for (const c of org.competencies) {
    if (c.validUntil >= today && c.validUntil <= addDays(today, 60)) {
      actions.push({ id: 'eligibility.renewCompetency', step: 1, params: { competency: c.name, validUntil: c.validUntil }, roles: ADMIN, dueDate: c.validUntil });
    }
  }
  if (org.enrollments.length === 0) actions.push({ id: 'enrollment.enroll', step: 2, params: {}, roles: ADMIN });
  for (const e of org.enrollments) {
    const dueDate = enrollmentRenewalDue(e, rules);
    const lapsed = isEnrollmentLapsed(e, rules, today);
    if (lapsed || dueDate <= addDays(today, 90)) {
      actions.push({ id: 'enrollment.renew', step: 2, params: { offeringId: e.offeringId }, roles: ADMIN, dueDate, overdue: lapsed });
    }
  }
  const profileDue = businessProfileDue(org, rules);
  if (!profileDue || profileDue <= today) {
    actions.push({ id: 'businessProfile.update', step: 3, params: {}, roles: ADMIN, ...(profileDue ? { dueDate: profileDue, overdue: true } : {}) });
  }
  const redeemedOfferings = new Set(vouchers.filter((v) => v.redemption).map((v) => v.offeringId));
  for (const offeringId of redeemedOfferings) {
    if (!org.savbRegistrations.some((r) => r.offeringId === offeringId)) {
      actions.push({ id: 'savb.register', step: 8, params: { offeringId }, roles: ['globalAdmin'] });
    }
  }
  const open = vouchers
    .filter((v) => isActive(v) || v.state === 'Redeemed' || v.state === 'PaymentRequested')
    .map((v) => voucherNextAction(v, rules, today))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  actions.push(...open);
  actions.push({ id: 'voucher.intake', step: 4, params: {}, roles: ADMIN });
  return { partner: org.enrollments.length === 0 ? 'new' : 'existing', actions };
}
