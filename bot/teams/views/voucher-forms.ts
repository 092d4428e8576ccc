// The step forms of one voucher (steps 5–8): reserve, cancel the reservation, completion report, redeem,
// payment request, payment outcome. Each re-shows what the person typed when the server refused it.
import {
  buildCancelReservationCard,
  buildCompletionReportCard,
  buildPaymentOutcomeCard,
  buildPaymentRequestCard,
  buildRedeemCard,
  buildReservationCard,
  consultantInputId,
  DELIVERABLE_ROWS,
  type PaymentView,
  type ReportConsultantView,
  defaultCurrency,
} from '../../../cards';
import {
  addDays,
  findEngagement,
  findOffering,
  findPerson,
  holdersOf,
  paymentRequestDeadline,
  type Organization,
  type PaymentRequest,
  type Rules,
  type Voucher,
} from '../../program';
import type { VoucherCardBase } from './voucher-summary';
import {
  cardOptions,
  isGlobalAdmin,
  isPartnerAdmin,
  typedNumber,
  type Card,
  type Extras,
  type ViewEnv,
} from './view-env';

/** The inputs of one form: the voucher, the facts every voucher card shows, and what the person typed. */
export interface FormInput {
  voucher: Voucher;
  base: VoucherCardBase;
  extras: Extras;
}

const typedOf = (input: FormInput): Record<string, string> => input.extras.values ?? {};

export function reservationForm(env: ViewEnv, input: FormInput): Card {
  const { voucher: v } = input;
  const typed = typedOf(input);
  const org = env.scope.org.doc;
  const offering = findOffering(env.rules, v.offeringId);
  const locations = org.enrollments.find((e) => e.offeringId === v.offeringId)?.approvedLocations ?? [];
  const offsiteDays = typedNumber(typed.offsiteDays);
  return buildReservationCard(
    {
      ...input.base,
      earliestStart: addDays(input.base.today, 1),
      engagementChoices: (offering?.engagements ?? []).map((e) => ({ title: e.name, value: e.id })),
      countryCodes: [...new Set(locations.map((l) => l.country))],
      locationChoices: locations.map((l) => ({ title: l.name, value: l.id })),
      consultantChoices: org.people
        .filter((p) => p.roles.includes('consultant'))
        .map((p) => ({ title: p.name || p.userId, value: p.userId })),
      maxOffsiteDays: Math.min(env.rules.engagementLimits.maximumOffsiteDays, v.days),
      values: {
        ...(typed.engagementId ? { engagementId: typed.engagementId } : {}),
        ...(typed.deliveryCountry ? { deliveryCountry: typed.deliveryCountry } : {}),
        ...(typed.partnerLocationId ? { partnerLocationId: typed.partnerLocationId } : {}),
        ...(typed.plannedStart ? { plannedStart: typed.plannedStart } : {}),
        ...(typed.plannedEnd ? { plannedEnd: typed.plannedEnd } : {}),
        ...(typed.consultants ? { consultants: typed.consultants.split(',').filter((c) => c !== '') } : {}),
        ...(offsiteDays !== undefined ? { offsiteDays } : {}),
      },
    },
    env.scope.locale,
    cardOptions(env, input.extras),
  );
}

export function cancelReservationForm(env: ViewEnv, input: FormInput): Card {
  const { voucher: v, base } = input;
  const typed = typedOf(input);
  return buildCancelReservationCard(
    {
      voucherId: base.voucherId,
      etag: base.etag,
      voucher: base.voucher,
      ...(v.reservation
        ? { plannedStart: v.reservation.plannedStart, plannedEnd: v.reservation.plannedEnd }
        : {}),
      ...(typed.reason !== undefined ? { reason: typed.reason } : {}),
    },
    env.scope.locale,
    cardOptions(env, input.extras),
  );
}

/** The reserved consultants, each with their assessments that qualify for the engagement. */
function reportConsultants(org: Organization, rules: Rules, v: Voucher): ReportConsultantView[] {
  const engagement = v.reservation
    ? findEngagement(rules, v.reservation.engagementId)?.engagement
    : undefined;
  const competencies = new Set((engagement?.requiredCompetencies ?? []).map((c) => c.name));
  return (v.reservation?.consultants ?? []).map((userId) => {
    const person = findPerson(org, userId);
    return {
      userId,
      name: person?.name || userId,
      qualifyingAssessments: (person?.assessments ?? [])
        .filter((a) => competencies.has(a.competency))
        .map((a) => ({ assessmentId: a.id, name: a.name })),
    };
  });
}

export function completionReportForm(env: ViewEnv, input: FormInput): Card {
  const { voucher: v } = input;
  const typed = typedOf(input);
  const consultants = reportConsultants(env.scope.org.doc, env.rules, v);
  const assessments: Record<string, string> = {};
  for (const c of consultants) {
    const chosen = typed[consultantInputId(c.userId)];
    if (chosen !== undefined) assessments[c.userId] = chosen;
  }
  const deliverables = Array.from({ length: DELIVERABLE_ROWS }, (_, i) => ({
    type: typed[`deliverableType${i + 1}`] ?? '',
    reference: typed[`deliverableReference${i + 1}`] ?? '',
  }));
  const daysDelivered = typedNumber(typed.daysDelivered);
  return buildCompletionReportCard(
    {
      ...input.base,
      consultants,
      values: {
        actualStart: typed.actualStart ?? v.reservation?.plannedStart,
        actualEnd: typed.actualEnd ?? v.reservation?.plannedEnd,
        ...(daysDelivered !== undefined ? { daysDelivered } : {}),
        deliverables,
        assessments,
        ...(typed.contactName !== undefined ? { contactName: typed.contactName } : {}),
        ...(typed.contactEmail !== undefined ? { contactEmail: typed.contactEmail } : {}),
        ...(typed.summary !== undefined ? { summary: typed.summary } : {}),
      },
    },
    env.scope.locale,
    cardOptions(env, input.extras),
  );
}

export function redeemForm(env: ViewEnv, input: FormInput): Card {
  const report = input.voucher.completionReport;
  return buildRedeemCard(
    { ...input.base, ...(report ? { reportSubmittedOn: report.submittedOn } : {}) },
    env.scope.locale,
    cardOptions(env, input.extras),
  );
}

export function paymentRequestForm(env: ViewEnv, input: FormInput): Card {
  const { voucher: v } = input;
  const typed = typedOf(input);
  const windowEndsOn = paymentRequestDeadline(v, env.rules);
  const amount = typedNumber(typed.amount);
  return buildPaymentRequestCard(
    {
      ...input.base,
      ...(windowEndsOn ? { windowEndsOn } : {}),
      savbRegistered: env.scope.org.doc.savbRegistrations.some((r) => r.offeringId === v.offeringId),
      savbRegistration: {
        offeringId: v.offeringId,
        orgEtag: env.scope.org.etag,
        canRegister: isGlobalAdmin(env),
        globalAdminNames: holdersOf(env.scope.org.doc, ['globalAdmin']).map((p) => p.name || p.userId),
      },
      values: {
        ...(typed.savbReference !== undefined ? { savbReference: typed.savbReference } : {}),
        ...(amount !== undefined ? { amount } : {}),
        currency: typed.currency || startingCurrency(env, v),
        ...(typed.requestedOn ? { requestedOn: typed.requestedOn } : {}),
      },
    },
    env.scope.locale,
    cardOptions(env, input.extras),
  );
}

/** Remembered for the organisation, else the delivery country's, else the partner location's currency. */
function startingCurrency(env: ViewEnv, v: Voucher): string {
  const r = v.reservation;
  const location = r
    ? env.scope.org.doc.enrollments
        .flatMap((e) => e.approvedLocations)
        .find((l) => l.id === r.partnerLocationId)
    : undefined;
  return defaultCurrency({
    remembered: env.scope.rememberedCurrencies?.[r?.deliveryCountry ?? ''],
    deliveryCountry: r?.deliveryCountry,
    locationCountry: location?.country,
  });
}

function paymentView(p: PaymentRequest): PaymentView {
  return {
    savbReference: p.savbReference,
    amount: p.amount,
    currency: p.currency,
    requestedOn: p.requestedOn,
    ...(p.approvedOn ? { approvedOn: p.approvedOn } : {}),
    ...(p.paidOn ? { paidOn: p.paidOn } : {}),
    ...(p.paidAmount ? { paidAmount: p.paidAmount } : {}),
    ...(p.deniedOn ? { deniedOn: p.deniedOn } : {}),
    ...(p.denialReason ? { denialReason: p.denialReason } : {}),
  };
}

/** Only for a voucher with a payment request (the caller shows the detail card otherwise). */
export function paymentOutcomeForm(env: ViewEnv, input: FormInput, payment: PaymentRequest): Card {
  return buildPaymentOutcomeCard(
    { ...input.base, payment: paymentView(payment), canRecord: isPartnerAdmin(env) },
    env.scope.locale,
    cardOptions(env, input.extras),
  );
}
