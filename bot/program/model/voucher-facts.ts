// What the overview needs of a voucher, and no more: a structural subset of the voucher, so the deadline rules
// and the tab's projections read a whole voucher and a tenant summary's row alike (one code path, two sources).
import type { z } from 'zod';
import { CompletionReport, Customer, PaymentRequest, Redemption, Reservation, Voucher } from './voucher';

export const VoucherFacts = Voucher.pick({
  id: true,
  voucherNumber: true,
  offeringId: true,
  createdOn: true,
  assignedOn: true,
  expiresOn: true,
  intakeOn: true,
  state: true,
  stateSince: true,
}).extend({
  customer: Customer.pick({ name: true }),
  reservation: Reservation.pick({ plannedEnd: true, consultants: true, reservedOn: true }).optional(),
  completionReport: CompletionReport.pick({ submittedOn: true }).optional(),
  redemption: Redemption.pick({ redeemedOn: true }).optional(),
  paymentRequest: PaymentRequest.pick({
    amount: true,
    currency: true,
    approvedOn: true,
    paidOn: true,
    paidAmount: true,
    deniedOn: true,
  }).optional(),
});
export type VoucherFacts = z.infer<typeof VoucherFacts>;

/** The facts of one voucher, copied field by field (a summary row; cheaper than parsing the whole voucher). */
export function voucherFacts(v: VoucherFacts): VoucherFacts {
  const facts: VoucherFacts = {
    id: v.id,
    voucherNumber: v.voucherNumber,
    offeringId: v.offeringId,
    assignedOn: v.assignedOn,
    intakeOn: v.intakeOn,
    state: v.state,
    stateSince: v.stateSince,
    customer: { name: v.customer.name },
  };
  if (v.createdOn !== undefined) facts.createdOn = v.createdOn;
  if (v.expiresOn !== undefined) facts.expiresOn = v.expiresOn;
  const r = v.reservation;
  if (r)
    facts.reservation = {
      plannedEnd: r.plannedEnd,
      consultants: [...r.consultants],
      reservedOn: r.reservedOn,
    };
  if (v.completionReport) facts.completionReport = { submittedOn: v.completionReport.submittedOn };
  if (v.redemption) facts.redemption = { redeemedOn: v.redemption.redeemedOn };
  const p = v.paymentRequest;
  if (p) {
    const pay: NonNullable<VoucherFacts['paymentRequest']> = { amount: p.amount, currency: p.currency };
    if (p.approvedOn !== undefined) pay.approvedOn = p.approvedOn;
    if (p.paidOn !== undefined) pay.paidOn = p.paidOn;
    if (p.paidAmount !== undefined) pay.paidAmount = p.paidAmount;
    if (p.deniedOn !== undefined) pay.deniedOn = p.deniedOn;
    facts.paymentRequest = pay;
  }
  return facts;
}
