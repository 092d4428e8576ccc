// Steps 4–8: one handler per voucher verb. Inputs are what the person typed on the card; everything else
// (offering, days, consultants of the reservation, state) comes from the stored voucher.
import { zonedDate } from '../../i18n';
import { z } from 'zod';
import { consultantInputId, DELIVERABLE_ROWS, NOT_SET } from '../../../cards';
import {
  cancelReservation,
  findPerson,
  intakeVoucher,
  markDelivered,
  recordPaymentApproval,
  recordPaymentDenial,
  recordPaymentReceived,
  redeemVoucher,
  requestPayment,
  reserveVoucher,
  setVoucherExpiry,
  submitCompletionReport,
} from '../../program';
import { AlreadyExists } from '../../store';
import { intakeCard, voucherCard } from '../views';
import {
  choice,
  date,
  int,
  list,
  money,
  optionalDate,
  optionalInt,
  optionalMoney,
  optionalText,
  text,
} from './inputs';
import { inputErrors, refusals, saved } from './replies';
import type { VerbHandler } from './verb';
import { voucherVerb } from './voucher-form';

const CountryInput = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{2}$/),
);

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
    offsiteDays: optionalInt(0, 365).transform((n) => n ?? 0),
  }),
  apply: (v, i, actor, ctx) => reserveVoucher(v, i, actor, ctx),
  // The 15-day rule and "same voucher number already active" look at this customer's other vouchers.
  relatedVouchers: (vouchers, tenantId, v) => vouchers.othersWithSameNumberOrCustomer(tenantId, v),
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
  // DELIVERABLE_ROWS (3) rows on the card; each is optional here, the domain wants at least one.
  deliverableType1: optionalText(100),
  deliverableReference1: optionalText(500),
  deliverableType2: optionalText(100),
  deliverableReference2: optionalText(500),
  deliverableType3: optionalText(100),
  deliverableReference3: optionalText(500),
  contactName: text(200),
  contactEmail: optionalText(320),
  summary: optionalText(4000),
});

/** Each consultant's picker (`assessment-<userId>`): an assessment id, or NOT_SET ('' on older cards) for "did not deliver". */
const AssessmentChoice = optionalText(64);

export const report = voucherVerb({
  step: 'report',
  commands: ['submitReport'],
  inputs: ReportInputs.passthrough(),
  apply: (v, i, actor, ctx) => {
    const raw = i as Record<string, unknown>;
    const deliverables = Array.from({ length: DELIVERABLE_ROWS }, (_, n) => ({
      type: raw[`deliverableType${n + 1}`] as string | undefined,
      reference: raw[`deliverableReference${n + 1}`] as string | undefined,
    }))
      .filter((d) => d.type || d.reference)
      .map((d) => ({ type: d.type ?? 'other', reference: d.reference ?? '' }));
    // Consultants come from the stored reservation; the card only says which assessment qualifies each.
    const consultants = (v.reservation?.consultants ?? []).flatMap((userId) => {
      const chosen = AssessmentChoice.safeParse(raw[consultantInputId(userId)]);
      return chosen.success && chosen.data && chosen.data !== NOT_SET
        ? [{ userId, assessmentId: chosen.data }]
        : [];
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
  aliases: { deliverables: 'deliverableReference1', customerContact: 'contactName' },
});

export const redeem = voucherVerb({
  step: 'redeem',
  commands: ['redeem'],
  inputs: z.object({ redeemedOn: optionalDate() }),
  apply: (v, i, actor, ctx) => redeemVoucher(v, i.redeemedOn ? { redeemedOn: i.redeemedOn } : {}, actor, ctx),
});

/** The exact expiry Partner Center shows (from the detail card); it may bring an Expired voucher back. */
export const setExpiry = voucherVerb({
  step: 'detail',
  commands: ['setExpiry'],
  inputs: z.object({ expiresOn: date() }),
  apply: (v, i, actor, ctx) => setVoucherExpiry(v, { expiresOn: i.expiresOn }, actor, ctx),
  // Back from Expired only while no other voucher with this number is active.
  relatedVouchers: (vouchers, tenantId, v) => vouchers.othersWithSameNumber(tenantId, v),
});

export const paymentRequest = voucherVerb({
  step: 'payment',
  commands: ['requestPayment'],
  inputs: z.object({
    savbReference: text(100),
    amount: money(),
    currency: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      z.string().regex(/^[A-Z]{3}$/),
    ),
    requestedOn: optionalDate(),
  }),
  apply: (v, i, actor, ctx) =>
    requestPayment(
      v,
      {
        savbReference: i.savbReference,
        amount: i.amount,
        currency: i.currency,
        ...(i.requestedOn ? { requestedOn: i.requestedOn } : {}),
      },
      actor,
      ctx,
    ),
  // The organisation's next request for that delivery country starts in this currency (issue #14 item 10).
  afterSave: async (env, v, i) => {
    const me = findPerson(env.scope.org.doc, env.scope.userId);
    if (!me) return;
    const chosen = { code: i.currency, deliveryCountry: v.reservation?.deliveryCountry };
    await env.repos.people.rememberCurrency(env.scope.tenantId, me, chosen, env.now);
  },
});

export const paymentOutcome = voucherVerb({
  step: 'outcome',
  commands: ['recordApproval', 'recordPayment', 'recordDenial'],
  inputs: z.object({
    outcome: choice(['approved', 'paid', 'denied'] as const),
    outcomeOn: optionalDate(),
    paidAmount: optionalMoney(),
    denialReason: optionalText(1000),
  }),
  apply: (v, i, actor, ctx) => {
    switch (i.outcome) {
      case 'approved':
        return recordPaymentApproval(v, i.outcomeOn ? { approvedOn: i.outcomeOn } : {}, actor, ctx);
      case 'paid':
        return recordPaymentReceived(
          v,
          {
            ...(i.outcomeOn ? { paidOn: i.outcomeOn } : {}),
            ...(i.paidAmount ? { paidAmount: i.paidAmount } : {}),
          },
          actor,
          ctx,
        );
      case 'denied':
        return recordPaymentDenial(
          v,
          { reason: i.denialReason ?? '', ...(i.outcomeOn ? { deniedOn: i.outcomeOn } : {}) },
          actor,
          ctx,
        );
    }
  },
  aliases: { approvedOn: 'outcomeOn', paidOn: 'outcomeOn', deniedOn: 'outcomeOn', reason: 'denialReason' },
});

// ---------------------------------------------------------------------------------------------------------
// Step 4: intake creates the voucher (its document id: VoucherRepository.newDocumentId).

const IntakeInputs = z.object({
  voucherNumber: text(64),
  customerName: text(200),
  offeringId: text(64),
  days: int(1, 365),
  voucherAdminEmail: text(320),
  assignedOn: optionalDate(),
  expiresOn: optionalDate(),
  intakeId: z.literal('email').optional().catch(undefined),
});

export const intake: VerbHandler = async (env, data) => {
  const { tenantId } = env.scope;
  const draft = { source: data.intakeId === 'email' ? ('email' as const) : ('manual' as const), fields: {} };
  const parsed = IntakeInputs.safeParse(data);
  if (!parsed.success)
    return { card: intakeCard(env, draft, inputErrors(env, parsed.error, data)), changed: false };
  const i = parsed.data;
  // "The same voucher ID not already active here": every voucher with this number (one query).
  const same = await env.repos.vouchers.findByNumber(tenantId, i.voucherNumber);
  const id = env.repos.vouchers.newDocumentId(i.voucherNumber, same);
  const ctx = {
    rules: env.rules,
    now: env.now,
    defaultTimeZone: env.defaultTimeZone,
    localDate: zonedDate,
    org: env.scope.org.doc,
    vouchers: same.map((s) => s.doc),
    newId: () => id,
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
      source: draft.source,
    },
    env.scope.actor,
    ctx,
  );
  if (!result.ok)
    return {
      card: intakeCard(env, draft, refusals(env, result.refusals, data, { customer: 'customerName' })),
      changed: false,
    };
  try {
    const created = await env.repos.vouchers.create(tenantId, result.value);
    return { card: voucherCard(env, created, 'detail', saved(env)), changed: true };
  } catch (err) {
    if (!(err instanceof AlreadyExists)) throw err;
    // Someone recorded the same voucher at this very moment.
    const other = await env.repos.vouchers.get(tenantId, result.value.id);
    const refusal = {
      rule: 'voucher.alreadyActive' as const,
      params: { voucherNumber: i.voucherNumber, state: other?.doc.state ?? 'Assigned' },
    };
    return { card: intakeCard(env, draft, refusals(env, [refusal], data)), changed: false };
  }
};
