// One voucher as a list row and as the detail (with its deadlines and timeline).
import {
  EXPIRABLE_STATES,
  voucherExpiryDate,
  type Rules,
  type Voucher,
  type VoucherState,
} from '../../program';
import type {
  PaymentStatusCode,
  PersonView,
  TimelineEntryView,
  VoucherDetailView,
  VoucherRowView,
} from '../view-model';
import { VOUCHER_STATES } from '../view-model';
import type { ProjectionContext } from './context';
import { voucherDeadlines } from './deadlines';

const DAY_MS = 86_400_000;

/** Whole days elapsed between an instant and now (never negative). */
export function daysSince(instant: string, now: Date): number {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

function paymentStatus(v: Voucher): PaymentStatusCode | undefined {
  const pr = v.paymentRequest;
  if (!pr) return undefined;
  if (pr.deniedOn) return 'denied';
  if (pr.paidOn) return 'paid';
  if (pr.approvedOn) return 'approved';
  return 'requested';
}

function person(ctx: ProjectionContext, id: string): PersonView {
  return { id, name: ctx.people.get(id) ?? id };
}

function engagementName(
  rules: Rules,
  offeringId: string,
  engagementId: string | undefined,
): string | undefined {
  if (!engagementId) return undefined;
  const offering = rules.catalogue.offerings.find((o) => o.id === offeringId);
  return offering?.engagements.find((e) => e.id === engagementId)?.name ?? engagementId;
}

export function toRow(
  v: Voucher,
  ctx: ProjectionContext,
  deadlines = voucherDeadlines(v, ctx),
): VoucherRowView {
  const status = paymentStatus(v);
  const row: VoucherRowView = {
    id: v.id,
    voucherNumber: v.voucherNumber,
    customer: v.customer.name,
    offering: v.offeringId,
    days: v.days,
    state: v.state,
    stateSince: v.stateSince,
    daysInState: daysSince(v.stateSince, ctx.now),
    consultants: (v.reservation?.consultants ?? []).map((id) => person(ctx, id)),
  };
  const engagement = engagementName(ctx.rules, v.offeringId, v.reservation?.engagementId);
  if (engagement) row.engagement = engagement;
  const expiresOn =
    EXPIRABLE_STATES.includes(v.state) || v.expiresOn ? voucherExpiryDate(v, ctx.rules) : undefined;
  if (expiresOn) row.expiresOn = expiresOn;
  if (deadlines[0]) row.nextDeadline = deadlines[0];
  if (v.paymentRequest && status) {
    row.payment = {
      amount: v.paymentRequest.paidAmount ?? v.paymentRequest.amount,
      currency: v.paymentRequest.currency,
      status,
    };
  }
  return row;
}

export function toDetail(v: Voucher, ctx: ProjectionContext): Omit<VoucherDetailView, 'actions'> {
  const deadlines = voucherDeadlines(v, ctx);
  const detail: Omit<VoucherDetailView, 'actions'> = {
    ...toRow(v, ctx, deadlines),
    voucherAdminEmail: v.voucherAdminEmail,
    deadlines,
    timeline: v.audit
      .map((a): TimelineEntryView => {
        const entry: TimelineEntryView = { at: a.at, action: a.action };
        if (a.from && isState(a.from)) entry.from = a.from;
        if (a.to && isState(a.to)) entry.to = a.to;
        const by = a.byName ?? (a.by.startsWith('system:') ? undefined : ctx.people.get(a.by));
        if (by) entry.by = by;
        if (a.reason) entry.reason = a.reason;
        return entry;
      })
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
  };
  if (v.reservation) {
    detail.reservation = {
      engagement: engagementName(ctx.rules, v.offeringId, v.reservation.engagementId),
      country: v.reservation.deliveryCountry,
      plannedStart: v.reservation.plannedStart,
      plannedEnd: v.reservation.plannedEnd,
    };
  }
  if (v.completionReport) {
    detail.report = {
      submittedOn: v.completionReport.submittedOn,
      daysDelivered: v.completionReport.daysDelivered,
      deliverables: v.completionReport.deliverables.length,
    };
  }
  if (v.redemption) detail.redeemedOn = v.redemption.redeemedOn;
  return detail;
}

function isState(s: string): s is VoucherState {
  return (VOUCHER_STATES as readonly string[]).includes(s);
}
