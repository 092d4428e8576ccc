// Step 8: the payment request through SAVB, then its outcome (approval, payment received, denial).
import type { z } from 'zod';
import { actorId, type VoucherContext } from '../context';
import { notBefore, notInFuture } from '../date-guards';
import { paymentRequestDeadline } from '../deadlines';
import {
  PaymentApprovalInput,
  PaymentDenialInput,
  PaymentReceivedInput,
  PaymentRequestInput,
  type Actor,
  type IsoDate,
  type Organization,
  type Refusal,
  type Result,
  type Voucher,
} from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';

import { runVoucherCommand, type VoucherChange } from './run';

/** The one-time SAVB registration of the offering exists; else the refusal names the Global admins. */
function savbRegisteredGuard(org: Organization, voucher: Voucher): Refusal[] {
  if (org.savbRegistrations.some((r) => r.offeringId === voucher.offeringId)) return [];
  const admins = org.people.filter((p) => p.roles.includes('globalAdmin'));
  return [
    refusal('payment.savbRegistrationMissing', {
      offeringId: voucher.offeringId,
      globalAdmins: admins.map((p) => p.userId),
      globalAdminNames: admins.map((p) => p.name),
    }),
  ];
}

function requestOf(
  i: z.output<typeof PaymentRequestInput>,
  requestedOn: IsoDate,
  actor: Actor,
): VoucherChange {
  const { savbReference, amount, currency } = i;
  return {
    patch: { paymentRequest: { savbReference, amount, currency, requestedOn, requestedBy: actorId(actor) } },
    details: { savbReference, amount, currency, requestedOn },
  };
}

export function requestPayment(
  voucher: Voucher,
  input: PaymentRequestInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'requestPayment', schema: PaymentRequestInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const requestedOn = i.requestedOn ?? today;
    const problems = [
      ...notInFuture('requestedOn', requestedOn, today),
      ...notBefore('date.beforeRedemption', 'requestedOn', requestedOn, voucher.redemption?.redeemedOn),
      ...savbRegisteredGuard(ctx.org, voucher),
    ];
    const deadline = paymentRequestDeadline(voucher, ctx.rules);
    if (deadline && requestedOn > deadline) {
      const redeemedOn = voucher.redemption?.redeemedOn ?? null;
      problems.push(refusal('payment.windowClosed', { redeemedOn, deadline, requestedOn }));
    }
    return problems.length > 0 ? problems : requestOf(i, requestedOn, actor);
  });
}

// In PaymentRequested the request is always there; without it (a corrupt document) the runner throws.

export function recordPaymentApproval(
  voucher: Voucher,
  input: PaymentApprovalInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'recordApproval', schema: PaymentApprovalInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const request = voucher.paymentRequest;
    if (request?.approvedOn) return [refusal('payment.alreadyApproved', { approvedOn: request.approvedOn })];
    const approvedOn = i.approvedOn ?? today;
    const problems = [
      ...notInFuture('approvedOn', approvedOn, today),
      ...notBefore('date.beforeRequest', 'approvedOn', approvedOn, request?.requestedOn),
    ];
    if (problems.length > 0 || !request) return problems;
    return { patch: { paymentRequest: { ...request, approvedOn } }, details: { approvedOn } };
  });
}

export function recordPaymentReceived(
  voucher: Voucher,
  input: PaymentReceivedInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'recordPayment', schema: PaymentReceivedInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const request = voucher.paymentRequest;
    const paidOn = i.paidOn ?? today;
    const problems = [
      ...notInFuture('paidOn', paidOn, today),
      ...notBefore('date.beforeRequest', 'paidOn', paidOn, request?.requestedOn),
    ];
    if (problems.length > 0 || !request) return problems;
    const paid = { ...request, paidOn, paidAmount: i.paidAmount ?? request.amount };
    return {
      patch: { paymentRequest: paid },
      details: { paidOn, paidAmount: paid.paidAmount, currency: request.currency },
    };
  });
}

export function recordPaymentDenial(
  voucher: Voucher,
  input: PaymentDenialInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const spec = { command: 'recordDenial', schema: PaymentDenialInput, role: PARTNER_ADMIN } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const request = voucher.paymentRequest;
    const problems: Refusal[] = [];
    if (i.reason === '') problems.push(refusal('payment.reasonRequired'));
    if (request?.approvedOn)
      problems.push(refusal('payment.alreadyApproved', { approvedOn: request.approvedOn }));
    const deniedOn = i.deniedOn ?? today;
    problems.push(
      ...notInFuture('deniedOn', deniedOn, today),
      ...notBefore('date.beforeRequest', 'deniedOn', deniedOn, request?.requestedOn),
    );
    if (problems.length > 0 || !request) return problems;
    return {
      patch: { paymentRequest: { ...request, deniedOn, denialReason: i.reason } },
      reason: i.reason,
      details: { deniedOn },
    };
  });
}
