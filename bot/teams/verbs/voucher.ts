// Steps 4–8: one handler per voucher verb. Inputs are what the person typed on the card; everything else
// (offering, days, consultants of the reservation, state) comes from the stored voucher.
import { z } from 'zod';
import {
  cancelReservation,
  intakeVoucher,
  markDelivered,
  recordPaymentApproval,
  recordPaymentDenial,
  recordPaymentReceived,
  redeemVoucher,
  requestPayment,
  reserveVoucher,
  submitCompletionReport,
} from '../../program/voucher';
import type { Voucher } from '../../program/model';
import { t } from '../../i18n';
import { AlreadyExists } from '../../store';
import { intakeCard, placeRefusals, voucherCard } from '../views';
import { choice, date, DocId, fieldErrors, int, list, money, optionalDate, optionalMoney, optionalText, text } from './inputs';
import { fieldOf, saved, typedValues, voucherVerb, type VerbHandler } from './kit';

const CountryInput = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{2}$/));

export const reserve = voucherVerb({
  step: 'reserve',
  commands: ['reserve'],
  inputs: z.object({
    engagementId: text(64),
    deliveryCountry: CountryInput,
    partnerLocationId: text(64),
    plannedStart: date(),
    plannedEnd: date(),
    consultants: list(20),
    offsiteDays: int(0, 365).optional().default(0),
  }),
  apply: (v, i, actor, ctx) => reserveVoucher(v, i, actor, ctx),
  // The 15-day rule and "same voucher number already active" look across this customer's vouchers.
  across: (v) => ({
    where: 'c.id != @id AND (c.voucherNumber = @number OR LOWER(c.customer.name) = @customer)',
    parameters: [
      { name: '@id', value: v.id },
      { name: '@number', value: v.voucherNumber },
      { name: '@customer', value: v.customer.name.trim().toLowerCase() },
    ],
  }),
});

export const cancel = voucherVerb({
  step: 'cancel',
  commands: ['cancelReservation'],
  inputs: z.object({ reason: optionalText(1000).transform((r) => r ?? '') }),
  apply: (v, i, actor, ctx) => cancelReservation(v, i, actor, ctx),
});

export const deliver = voucherVerb({
  step: 'detail',
  commands: ['markDelivered'],
  inputs: z.object({}),
  apply: (v, _i, actor, ctx) => markDelivered(v, {}, actor, ctx),
});

const ReportInputs = z.object({
  actualStart: date(),
  actualEnd: date(),
  daysDelivered: int(1, 365),
  deliverableType1: optionalText(100),
  deliverableReference1: optionalText(500),
  deliverableType2: optionalText(100),
  deliverableReference2: optionalText(500),
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`assessment${i + 1}`, optionalText(64)])),
  contactName: text(200),
  contactEmail: optionalText(320),
  summary: optionalText(4000),
});

export const report = voucherVerb({
  step: 'report',
  commands: ['submitReport'],
  inputs: ReportInputs,
  apply: (v, i, actor, ctx) => {
    const deliverables = [1, 2]
      .map((n) => ({ type: i[`deliverableType${n}` as keyof typeof i] as string | undefined, reference: i[`deliverableReference${n}` as keyof typeof i] as string | undefined }))
      .filter((d) => d.type || d.reference)
      .map((d) => ({ type: d.type ?? 'other', reference: d.reference ?? '' }));
    // Consultants come from the stored reservation, in its order; the card only says which assessment.
    const consultants = (v.reservation?.consultants ?? []).slice(0, 10).flatMap((userId, n) => {
      const assessmentId = (i as Record<string, unknown>)[`assessment${n + 1}`];
      return typeof assessmentId === 'string' && assessmentId !== 'none' ? [{ userId, assessmentId }] : [];
    });
    return submitCompletionReport(
      v,
      {
        actualStart: i.actualStart,
        actualEnd: i.actualEnd,
        daysDelivered: i.daysDelivered,
        deliverables,
        consultants,
        customerContact: { name: i.contactName, ...(i.contactEmail ? { email: i.contactEmail } : {}) },
        summary: i.summary ?? '',
      },
      actor,
      ctx,
    );
  },
  aliases: { deliverables: 'deliverableReference1', customerContact: 'contactName', consultants: 'assessment1' },
});

export const redeem = voucherVerb({
  step: 'redeem',
  commands: ['redeem'],
  inputs: z.object({ redeemedOn: optionalDate() }),
  apply: (v, i, actor, ctx) => redeemVoucher(v, i.redeemedOn ? { redeemedOn: i.redeemedOn } : {}, actor, ctx),
});

export const paymentRequest = voucherVerb({
  step: 'payment',
  commands: ['requestPayment'],
  inputs: z.object({
    savbReference: text(100),
    amount: money(),
    currency: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{3}$/)),
    requestedOn: optionalDate(),
  }),
  apply: (v, i, actor, ctx) =>
    requestPayment(v, { savbReference: i.savbReference, amount: i.amount, currency: i.currency, ...(i.requestedOn ? { requestedOn: i.requestedOn } : {}) }, actor, ctx),
});

export const paymentOutcome = voucherVerb({
  step: 'outcome',
  commands: ['recordApproval', 'recordPayment', 'recordDenial'],
  inputs: z.object({
    outcome: choice(['approved', 'paid', 'denied'] as const),
    date: optionalDate(),
    paidAmount: optionalMoney(),
    reason: optionalText(1000),
  }),
  apply: (v, i, actor, ctx) => {
    switch (i.outcome) {
      case 'approved':
        return recordPaymentApproval(v, i.date ? { approvedOn: i.date } : {}, actor, ctx);
      case 'paid':
        return recordPaymentReceived(v, { ...(i.date ? { paidOn: i.date } : {}), ...(i.paidAmount ? { paidAmount: i.paidAmount } : {}) }, actor, ctx);
      case 'denied':
        return recordPaymentDenial(v, { reason: i.reason ?? '', ...(i.date ? { deniedOn: i.date } : {}) }, actor, ctx);
    }
  },
  aliases: { approvedOn: 'date', paidOn: 'date', deniedOn: 'date' },
});

// ---------------------------------------------------------------------------------------------------------
// Step 4: intake creates the voucher. Its document id derives from the voucher number, so the same voucher
// recorded twice at once meets a 409, and "already active here" is one point read instead of a query.

export function voucherDocumentId(voucherNumber: string): string {
  return `v-${voucherNumber.trim().toUpperCase()}`;
}

const IntakeInputs = z.object({
  voucherNumber: text(64),
  customerName: text(200),
  offeringId: text(64),
  days: int(1, 365),
  voucherAdminEmail: text(320),
  assignedOn: optionalDate(),
  expiresOn: optionalDate(),
  source: z.enum(['email', 'manual']).catch('manual'),
});

export const intake: VerbHandler = async (env, data) => {
  const values = typedValues(data);
  const draft = { fromEmail: data.source === 'email' };
  const parsed = IntakeInputs.safeParse(data);
  if (!parsed.success) {
    const errors = fieldErrors(env.scope.locale, parsed.error);
    const notice = { text: t(env.scope.locale, 'notice.refusedTitle'), tone: 'attention' as const, details: Object.values(errors) };
    return { card: intakeCard(env, draft, { errors, values, notice }), changed: false };
  }
  const i = parsed.data;
  const id = voucherDocumentId(i.voucherNumber);
  const idOk = DocId.safeParse(id).success;
  const existing = idOk ? await env.repos.vouchers.read(env.scope.tenantId, id) : undefined;
  const ctx = {
    rules: env.rules,
    now: env.now,
    defaultTimeZone: env.defaultTimeZone,
    org: env.scope.org.doc,
    vouchers: existing ? [existing.doc] : [],
    // A closed voucher may hold the number's id: the new one then gets a fresh id.
    newId: () => (existing || !idOk ? `${id.slice(0, 40)}-${env.now.getTime().toString(36)}` : id),
  };
  const result = intakeVoucher(
    {
      voucherNumber: i.voucherNumber,
      offeringId: i.offeringId,
      days: i.days,
      customer: { name: i.customerName },
      voucherAdminEmail: i.voucherAdminEmail,
      ...(i.assignedOn ? { assignedOn: i.assignedOn } : {}),
      ...(i.expiresOn ? { expiresOn: i.expiresOn } : {}),
      source: i.source,
    },
    env.scope.actor,
    ctx,
  );
  if (!result.ok) {
    const extras = placeRefusals(env, result.refusals, fieldOf({ customer: 'customerName' }));
    return { card: intakeCard(env, draft, { ...extras, values }), changed: false };
  }
  try {
    const created = await env.repos.vouchers.create(result.value as Voucher);
    return { card: voucherCard(env, created, 'detail', saved(env)), changed: true };
  } catch (err) {
    if (!(err instanceof AlreadyExists)) throw err;
    // Someone recorded the same voucher at this very moment.
    const other = await env.repos.vouchers.read(env.scope.tenantId, result.value.id);
    const refusal = { rule: 'voucher.alreadyActive' as const, params: { voucherNumber: i.voucherNumber, state: other?.doc.state ?? 'Assigned' } };
    const extras = placeRefusals(env, [refusal], fieldOf());
    return { card: intakeCard(env, draft, { ...extras, values }), changed: false };
  }
};
