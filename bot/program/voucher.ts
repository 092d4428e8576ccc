// The voucher aggregate's commands (PRODUCT.md §2 steps 4–8, §4). Each is
// (voucher, input, actor, context) → the new voucher with one audit entry, or refusals naming the rule.
// Order of checks: state → role → input shape → every guard (all failing guards are reported).
import type { z } from 'zod';
import { actorToday, auditEntry, type VoucherContext } from './context';
import {
  EXPIRABLE_STATES,
  findEnrollment,
  isActive,
  isEnrollmentLapsed,
  isVoucherExpired,
  paymentRequestDeadline,
  voucherDueDate,
  voucherExpiryDate,
} from './deadlines';
import { qualifyingCompetency } from './eligibility';
import {
  CompletionReportInput,
  IntakeInput,
  MarkDeliveredInput,
  PaymentApprovalInput,
  PaymentDenialInput,
  PaymentReceivedInput,
  PaymentRequestInput,
  ReasonInput,
  RedeemInput,
  ReserveInput,
  SetExpiryInput,
  type Actor,
  type IsoDate,
  type Refusal,
  type Result,
  type Role,
  type Voucher,
  type VoucherState,
} from './model';
import { ok, parseInput, refusal, refused } from './result';
import { checkRole, findPerson, hasRole, type RoleRequirement } from './roles';
import { findEngagement, findOffering } from './rules';
import { TRANSITIONS, type StateCommand } from './transitions';

/** An example the refusal of a malformed voucher number can show. */
export const VOUCHER_NUMBER_EXAMPLE = 'A1B2-C3D4-E5F6';

const ADMIN: Role[] = ['mpnPartnerAdmin'];

/** States whose engagement days count towards the 15-day rule (an engagement was reserved and not dropped). */
const COUNTED_FOR_CUSTOMER_LIMIT: readonly VoucherState[] = [
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
  'Paid',
  'Denied',
];

function notInFuture(field: string, value: IsoDate | undefined, today: IsoDate): Refusal[] {
  return value !== undefined && value > today ? [refusal('date.inFuture', { field, value, today })] : [];
}

/** A date the user typed must not precede the record it follows (a backdated step before its cause). */
type NotBeforeRule = 'date.beforeReport' | 'date.beforeRedemption' | 'date.beforeRequest';
const BOUND_PARAM: Record<NotBeforeRule, string> = {
  'date.beforeReport': 'reportOn',
  'date.beforeRedemption': 'redeemedOn',
  'date.beforeRequest': 'requestedOn',
};
function notBefore(
  rule: NotBeforeRule,
  field: string,
  value: IsoDate,
  bound: IsoDate | undefined,
): Refusal[] {
  return bound !== undefined && value < bound
    ? [refusal(rule, { field, value, [BOUND_PARAM[rule]]: bound })]
    : [];
}

/**
 * The one spelling of a voucher number everything compares and stores: trimmed, upper case (Partner Center and
 * VLSC do not distinguish "abc-1" from "ABC-1").
 */
export function voucherNumberKey(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Trimmed and upper-cased; letters, digits and dashes per the rules' pattern (PRODUCT.md §9). */
export function normalizeVoucherNumber(raw: string, pattern: string): string | undefined {
  const trimmed = raw.trim();
  return new RegExp(pattern).test(trimmed) ? voucherNumberKey(trimmed) : undefined;
}

/** The customer as the 15-day rule sees it: a different division, legal entity or product is a different one. */
export function customerKey(v: Pick<Voucher, 'customer'>): string {
  const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  const c = v.customer;
  return [c.name, c.division, c.legalEntity, c.product].map(norm).join('|');
}

function activeWithNumber(
  ctx: VoucherContext,
  voucherNumber: string,
  exceptId?: string,
): Voucher | undefined {
  const key = voucherNumberKey(voucherNumber);
  return (ctx.vouchers ?? []).find(
    (o) => o.id !== exceptId && voucherNumberKey(o.voucherNumber) === key && isActive(o),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Runner

interface Change {
  patch?: Partial<Voucher>;
  /** Overrides the transition table's target (setExpiry on an Expired voucher restores its earlier state). */
  to?: VoucherState;
  remove?: (keyof Voucher)[];
  reason?: string;
  details?: Record<string, string | number | boolean | null | string[] | undefined>;
}

function runCommand<S extends z.ZodType>(
  command: StateCommand,
  voucher: Voucher,
  raw: unknown,
  actor: Actor,
  ctx: VoucherContext,
  schema: S,
  role: Omit<RoleRequirement, 'command'>,
  body: (input: z.output<S>, today: IsoDate) => Refusal[] | Change,
): Result<Voucher> {
  const name = `voucher.${command}`;
  const t = TRANSITIONS[command];
  if (!t.from.includes(voucher.state)) {
    if (t.tooEarly?.states.includes(voucher.state)) {
      return refused([
        refusal(t.tooEarly.rule, {
          command: name,
          state: voucher.state,
          voucherNumber: voucher.voucherNumber,
        }),
      ]);
    }
    const to = t.to === 'same' ? voucher.state : t.to;
    return refused([refusal('transition.notAllowed', { command: name, from: voucher.state, to })]);
  }
  const denied = checkRole(ctx.org, actor, { command: name, ...role });
  if (denied) return refused([denied]);
  const parsed = parseInput(schema, raw);
  if (!parsed.ok) return refused(parsed.refusals);
  const today = actorToday(ctx.org, actor, ctx);
  const out = body(parsed.value, today);
  if (Array.isArray(out)) return refused(out);

  const to: VoucherState = out.to ?? (t.to === 'same' ? voucher.state : t.to);
  const next: Voucher = { ...voucher, ...out.patch };
  for (const key of out.remove ?? []) delete next[key];
  next.state = to;
  if (to !== voucher.state) next.stateSince = ctx.now.toISOString();
  const due = voucherDueDate(next, ctx.rules);
  if (due) next.dueOn = due;
  else delete next.dueOn;
  const entry = auditEntry(actor, ctx.now, name, {
    from: voucher.state,
    to,
    reason: out.reason,
    details: out.details,
  });
  next.audit = [...voucher.audit, entry];
  return ok(next);
}

// ---------------------------------------------------------------------------------------------------------
// Step 4: intake

/** Creates a voucher from confirmed fields. `newId` makes the document id (not the voucher number). */
export function intakeVoucher(
  input: IntakeInput,
  actor: Actor,
  ctx: VoucherContext & { newId: () => string },
): Result<Voucher> {
  const denied = checkRole(ctx.org, actor, { command: 'voucher.intake', roles: ADMIN });
  if (denied) return refused([denied]);
  const parsed = parseInput(IntakeInput, input);
  if (!parsed.ok) return refused(parsed.refusals);
  const i = parsed.value;
  const today = actorToday(ctx.org, actor, ctx);
  const problems: Refusal[] = [];

  const voucherNumber = normalizeVoucherNumber(i.voucherNumber, ctx.rules.voucher.numberPattern);
  if (!voucherNumber) {
    problems.push(
      refusal('voucher.numberInvalid', { value: i.voucherNumber.trim(), example: VOUCHER_NUMBER_EXAMPLE }),
    );
  } else {
    const other = activeWithNumber(ctx, voucherNumber);
    if (other)
      problems.push(
        refusal('voucher.alreadyActive', { voucherNumber, voucherId: other.id, state: other.state }),
      );
  }
  if (!findOffering(ctx.rules, i.offeringId)) {
    problems.push(
      refusal('voucher.offeringUnknown', {
        offeringId: i.offeringId,
        known: ctx.rules.catalogue.offerings.map((o) => o.id),
      }),
    );
  }
  const assignedOn = i.assignedOn ?? today;
  problems.push(
    ...notInFuture('assignedOn', assignedOn, today),
    ...notInFuture('createdOn', i.createdOn, today),
  );
  const cutoff = ctx.rules.cutoffs.lastVoucherAssignmentOn;
  if (cutoff && assignedOn > cutoff)
    problems.push(refusal('voucher.assignmentClosed', { cutoff, assignedOn }));
  if (i.expiresOn && i.expiresOn < assignedOn) {
    problems.push(refusal('voucher.expiryBeforeAssignment', { expiresOn: i.expiresOn, assignedOn }));
  }
  if (problems.length > 0) return refused(problems);

  const by = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
  const voucher: Voucher = {
    id: ctx.newId(),
    tenantId: ctx.org.tenantId,
    schemaVersion: 1,
    voucherNumber: voucherNumber as string,
    offeringId: i.offeringId,
    days: i.days,
    customer: i.customer,
    voucherAdminEmail: i.voucherAdminEmail,
    assignedOn,
    intakeOn: today,
    intakeBy: by,
    source: i.source,
    state: 'Assigned',
    stateSince: ctx.now.toISOString(),
    audit: [],
  };
  if (i.createdOn) voucher.createdOn = i.createdOn;
  if (i.expiresOn) voucher.expiresOn = i.expiresOn;
  const due = voucherDueDate(voucher, ctx.rules);
  if (due) voucher.dueOn = due;
  voucher.audit = [
    auditEntry(actor, ctx.now, 'voucher.intake', {
      to: 'Assigned',
      details: {
        voucherNumber: voucher.voucherNumber,
        offeringId: i.offeringId,
        days: i.days,
        source: i.source,
      },
    }),
  ];
  return ok(voucher);
}

// ---------------------------------------------------------------------------------------------------------
// Step 5: reserve / cancel reservation

export function reserveVoucher(
  voucher: Voucher,
  input: ReserveInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand('reserve', voucher, input, actor, ctx, ReserveInput, { roles: ADMIN }, (i, today) => {
    const { org, rules } = ctx;
    const problems: Refusal[] = [];
    if (isVoucherExpired(voucher, rules, today)) {
      problems.push(
        refusal('voucher.expired', { expiresOn: voucherExpiryDate(voucher, rules) ?? null, today }),
      );
    }
    const enrollment = findEnrollment(org, voucher.offeringId);
    if (!enrollment) problems.push(refusal('reservation.notEnrolled', { offeringId: voucher.offeringId }));
    else if (isEnrollmentLapsed(enrollment, rules, today)) {
      problems.push(
        refusal('reservation.enrollmentLapsed', {
          offeringId: voucher.offeringId,
          enrolledOn: enrollment.renewedOn ?? enrollment.enrolledOn,
        }),
      );
    }

    const found = findEngagement(rules, i.engagementId);
    if (!found || found.offering.id !== voucher.offeringId) {
      const offering = findOffering(rules, voucher.offeringId);
      problems.push(
        refusal('reservation.engagementUnknown', {
          offeringId: voucher.offeringId,
          engagementId: i.engagementId,
          known: offering ? offering.engagements.map((e) => e.id) : [],
        }),
      );
    } else {
      const { engagement } = found;
      if (!qualifyingCompetency(org, engagement, today)) {
        problems.push(
          refusal('reservation.competencyMissing', {
            engagementId: engagement.id,
            anyOf: engagement.requiredCompetencies.map((c) => c.name),
            minimumLevels: engagement.requiredCompetencies.map((c) => c.minimumLevel),
          }),
        );
      }
      if (!engagement.serviceLevels.includes(voucher.days)) {
        problems.push(
          refusal('reservation.serviceLevelNotAllowed', {
            engagementId: engagement.id,
            days: voucher.days,
            allowed: engagement.serviceLevels,
          }),
        );
      }
      if (voucher.days > engagement.maximumDays) {
        problems.push(
          refusal('reservation.exceedsEngagementMaximum', {
            engagementId: engagement.id,
            days: voucher.days,
            maximumDays: engagement.maximumDays,
          }),
        );
      }
      const key = customerKey(voucher);
      const already = (ctx.vouchers ?? [])
        .filter((o) => o.id !== voucher.id && COUNTED_FOR_CUSTOMER_LIMIT.includes(o.state))
        .filter((o) => o.reservation?.engagementId === engagement.id && customerKey(o) === key)
        .reduce((sum, o) => sum + (o.completionReport?.daysDelivered ?? o.days), 0);
      const limit = rules.engagementLimits.maximumDaysPerCustomer;
      if (already + voucher.days > limit) {
        problems.push(
          refusal('reservation.exceedsCustomerLimit', {
            customer: voucher.customer.name,
            engagementId: engagement.id,
            alreadyDays: already,
            requestedDays: voucher.days,
            limit,
          }),
        );
      }
    }

    if (enrollment) {
      const location = enrollment.approvedLocations.find((l) => l.id === i.partnerLocationId);
      if (!location) {
        problems.push(
          refusal('reservation.locationUnknown', {
            offeringId: voucher.offeringId,
            partnerLocationId: i.partnerLocationId,
            known: enrollment.approvedLocations.map((l) => l.id),
          }),
        );
      } else if (location.country !== i.deliveryCountry) {
        problems.push(
          refusal('reservation.countryNotApproved', {
            deliveryCountry: i.deliveryCountry,
            partnerLocationId: location.id,
            locationCountry: location.country,
            approvedCountries: [...new Set(enrollment.approvedLocations.map((l) => l.country))],
          }),
        );
      }
    }

    if (!(today < i.plannedStart))
      problems.push(refusal('reservation.startNotInFuture', { plannedStart: i.plannedStart, today }));
    if (i.plannedEnd < i.plannedStart)
      problems.push(
        refusal('reservation.endBeforeStart', { plannedStart: i.plannedStart, plannedEnd: i.plannedEnd }),
      );
    const maxOffsite = Math.min(rules.engagementLimits.maximumOffsiteDays, voucher.days);
    if (i.offsiteDays > maxOffsite)
      problems.push(
        refusal('reservation.offsiteDaysExceeded', { offsiteDays: i.offsiteDays, maximum: maxOffsite }),
      );

    if (i.consultants.length === 0) problems.push(refusal('reservation.consultantRequired'));
    for (const userId of i.consultants) {
      if (!hasRole(org, userId, 'consultant')) {
        problems.push(
          refusal('reservation.consultantUnknown', { userId, name: findPerson(org, userId)?.name ?? '' }),
        );
      }
    }
    const other = activeWithNumber(ctx, voucher.voucherNumber, voucher.id);
    if (other)
      problems.push(
        refusal('voucher.alreadyActive', {
          voucherNumber: voucher.voucherNumber,
          voucherId: other.id,
          state: other.state,
        }),
      );

    if (problems.length > 0) return problems;
    const by = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
    return {
      patch: {
        reservation: {
          engagementId: i.engagementId,
          deliveryCountry: i.deliveryCountry,
          partnerLocationId: i.partnerLocationId,
          plannedStart: i.plannedStart,
          plannedEnd: i.plannedEnd,
          consultants: [...new Set(i.consultants)],
          offsiteDays: i.offsiteDays,
          reservedOn: today,
          reservedBy: by,
        },
      },
      details: {
        engagementId: i.engagementId,
        plannedStart: i.plannedStart,
        plannedEnd: i.plannedEnd,
        deliveryCountry: i.deliveryCountry,
      },
    };
  });
}

/** Returns a reserved voucher to Assigned; the reason is kept in the audit trail. */
export function cancelReservation(
  voucher: Voucher,
  input: ReasonInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand('cancelReservation', voucher, input, actor, ctx, ReasonInput, { roles: ADMIN }, (i) => {
    if (i.reason === '') return [refusal('reservation.reasonRequired')];
    return {
      remove: ['reservation'],
      reason: i.reason,
      details: {
        engagementId: voucher.reservation?.engagementId,
        plannedStart: voucher.reservation?.plannedStart,
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Step 6: deliver, report

export function markDelivered(
  voucher: Voucher,
  input: MarkDeliveredInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const consultants = voucher.reservation?.consultants ?? [];
  return runCommand(
    'markDelivered',
    voucher,
    input,
    actor,
    ctx,
    MarkDeliveredInput,
    { roles: ADMIN, users: consultants },
    (_i, today) => {
      const start = voucher.reservation?.plannedStart;
      if (start && today < start) return [refusal('delivery.notStarted', { plannedStart: start, today })];
      return {};
    },
  );
}

export function submitCompletionReport(
  voucher: Voucher,
  input: CompletionReportInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  // Consultants submit the report of engagements they deliver (PRODUCT.md §1); the Global admin may too.
  const consultants = voucher.reservation?.consultants ?? [];
  return runCommand(
    'submitReport',
    voucher,
    input,
    actor,
    ctx,
    CompletionReportInput,
    { roles: [], users: consultants },
    (i, today) => {
      const { org, rules } = ctx;
      const problems: Refusal[] = [];
      if (i.actualEnd > today)
        problems.push(refusal('report.engagementNotEnded', { actualEnd: i.actualEnd, today }));
      if (i.actualEnd < i.actualStart)
        problems.push(
          refusal('report.endBeforeStart', { actualStart: i.actualStart, actualEnd: i.actualEnd }),
        );
      if (i.deliverables.length === 0) problems.push(refusal('report.deliverableRequired'));
      if (i.consultants.length === 0) problems.push(refusal('report.consultantRequired'));
      const engagement = voucher.reservation
        ? findEngagement(rules, voucher.reservation.engagementId)?.engagement
        : undefined;
      const accepted = engagement?.requiredCompetencies.map((c) => c.name) ?? [];
      for (const c of i.consultants) {
        const person = findPerson(org, c.userId);
        const assessment = person?.assessments.find((a) => a.id === c.assessmentId);
        const qualifies =
          assessment !== undefined &&
          accepted.includes(assessment.competency) &&
          assessment.completedOn <= i.actualEnd &&
          (assessment.validUntil === undefined || assessment.validUntil >= i.actualEnd);
        if (!qualifies) {
          problems.push(
            refusal('report.consultantNotQualified', {
              userId: c.userId,
              name: person?.name ?? '',
              assessmentId: c.assessmentId,
              competencies: accepted,
            }),
          );
        }
      }
      if (i.daysDelivered > voucher.days) {
        problems.push(
          refusal('report.daysExceedVoucher', { daysDelivered: i.daysDelivered, voucherDays: voucher.days }),
        );
      }
      if (problems.length > 0) return problems;
      const by = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
      return {
        patch: { completionReport: { ...i, submittedOn: today, submittedBy: by } },
        details: {
          daysDelivered: i.daysDelivered,
          deliverables: i.deliverables.length,
          actualEnd: i.actualEnd,
        },
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 7: redeem

export function redeemVoucher(
  voucher: Voucher,
  input: RedeemInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand('redeem', voucher, input, actor, ctx, RedeemInput, { roles: ADMIN }, (i, today) => {
    const { rules } = ctx;
    const redeemedOn = i.redeemedOn ?? today;
    const problems = [
      ...notInFuture('redeemedOn', redeemedOn, today),
      ...notBefore('date.beforeReport', 'redeemedOn', redeemedOn, voucher.completionReport?.submittedOn),
    ];
    if (isVoucherExpired(voucher, rules, redeemedOn)) {
      problems.push(
        refusal('voucher.expired', {
          expiresOn: voucherExpiryDate(voucher, rules) ?? null,
          today: redeemedOn,
        }),
      );
    }
    const closed = rules.cutoffs.redemptionClosedFrom;
    if (closed && redeemedOn >= closed)
      problems.push(refusal('redemption.closed', { closedFrom: closed, redeemedOn }));
    if (problems.length > 0) return problems;
    const by = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
    return { patch: { redemption: { redeemedOn, redeemedBy: by } }, details: { redeemedOn } };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Step 8: payment

export function requestPayment(
  voucher: Voucher,
  input: PaymentRequestInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand(
    'requestPayment',
    voucher,
    input,
    actor,
    ctx,
    PaymentRequestInput,
    { roles: ADMIN },
    (i, today) => {
      const { org, rules } = ctx;
      const requestedOn = i.requestedOn ?? today;
      const problems = [
        ...notInFuture('requestedOn', requestedOn, today),
        ...notBefore('date.beforeRedemption', 'requestedOn', requestedOn, voucher.redemption?.redeemedOn),
      ];
      if (!org.savbRegistrations.some((r) => r.offeringId === voucher.offeringId)) {
        const admins = org.people.filter((p) => p.roles.includes('globalAdmin'));
        problems.push(
          refusal('payment.savbRegistrationMissing', {
            offeringId: voucher.offeringId,
            globalAdmins: admins.map((p) => p.userId),
            globalAdminNames: admins.map((p) => p.name),
          }),
        );
      }
      const deadline = paymentRequestDeadline(voucher, rules);
      if (deadline && requestedOn > deadline) {
        problems.push(
          refusal('payment.windowClosed', {
            redeemedOn: voucher.redemption?.redeemedOn ?? null,
            deadline,
            requestedOn,
          }),
        );
      }
      if (problems.length > 0) return problems;
      const by = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
      return {
        patch: {
          paymentRequest: {
            savbReference: i.savbReference,
            amount: i.amount,
            currency: i.currency,
            requestedOn,
            requestedBy: by,
          },
        },
        details: { savbReference: i.savbReference, amount: i.amount, currency: i.currency, requestedOn },
      };
    },
  );
}

export function recordPaymentApproval(
  voucher: Voucher,
  input: PaymentApprovalInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand(
    'recordApproval',
    voucher,
    input,
    actor,
    ctx,
    PaymentApprovalInput,
    { roles: ADMIN },
    (i, today) => {
      const request = voucher.paymentRequest;
      if (request?.approvedOn)
        return [refusal('payment.alreadyApproved', { approvedOn: request.approvedOn })];
      const approvedOn = i.approvedOn ?? today;
      const problems = [
        ...notInFuture('approvedOn', approvedOn, today),
        ...notBefore('date.beforeRequest', 'approvedOn', approvedOn, request?.requestedOn),
      ];
      if (problems.length > 0 || !request) return problems;
      return { patch: { paymentRequest: { ...request, approvedOn } }, details: { approvedOn } };
    },
  );
}

export function recordPaymentReceived(
  voucher: Voucher,
  input: PaymentReceivedInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand(
    'recordPayment',
    voucher,
    input,
    actor,
    ctx,
    PaymentReceivedInput,
    { roles: ADMIN },
    (i, today) => {
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
    },
  );
}

export function recordPaymentDenial(
  voucher: Voucher,
  input: PaymentDenialInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand(
    'recordDenial',
    voucher,
    input,
    actor,
    ctx,
    PaymentDenialInput,
    { roles: ADMIN },
    (i, today) => {
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
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Expiry

/** Moves a voucher past its last valid day to Expired (the reminder scan does this as the system actor). */
export function expireVoucher(
  voucher: Voucher,
  input: unknown,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand(
    'expire',
    voucher,
    input ?? {},
    actor,
    ctx,
    MarkDeliveredInput,
    { roles: ADMIN, system: true },
    (_i, today) => {
      const expiresOn = voucherExpiryDate(voucher, ctx.rules);
      if (!isVoucherExpired(voucher, ctx.rules, today))
        return [refusal('expiry.notReached', { expiresOn: expiresOn ?? null, today })];
      return { details: { expiresOn: expiresOn ?? null } };
    },
  );
}

/**
 * The state an Expired voucher expired from: the `from` of its last expiry in the audit trail, else what its
 * records imply (a report → ReportSubmitted, a reservation → Reserved, else Assigned).
 */
export function stateBeforeExpiry(voucher: Voucher): VoucherState {
  const last = [...voucher.audit].reverse().find((e) => e.action === 'voucher.expire');
  const from = EXPIRABLE_STATES.find((s) => s === last?.from);
  if (from) return from;
  if (voucher.completionReport) return 'ReportSubmitted';
  if (voucher.reservation) return 'Reserved';
  return 'Assigned';
}

/**
 * Records the exact expiry Partner Center shows; it then wins over the computed one. On an Expired voucher a
 * corrected expiry that is not past returns it to the state it expired from (PRODUCT.md §4).
 */
export function setVoucherExpiry(
  voucher: Voucher,
  input: SetExpiryInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  return runCommand('setExpiry', voucher, input, actor, ctx, SetExpiryInput, { roles: ADMIN }, (i, today) => {
    const problems: Refusal[] = [];
    if (i.expiresOn < voucher.assignedOn) {
      problems.push(
        refusal('voucher.expiryBeforeAssignment', { expiresOn: i.expiresOn, assignedOn: voucher.assignedOn }),
      );
    }
    const change: Change = {
      patch: { expiresOn: i.expiresOn },
      details: { expiresOn: i.expiresOn, previous: voucher.expiresOn ?? null },
    };
    if (voucher.state === 'Expired') {
      if (i.expiresOn < today) problems.push(refusal('voucher.expired', { expiresOn: i.expiresOn, today }));
      const other = activeWithNumber(ctx, voucher.voucherNumber, voucher.id);
      if (other)
        problems.push(
          refusal('voucher.alreadyActive', {
            voucherNumber: voucher.voucherNumber,
            voucherId: other.id,
            state: other.state,
          }),
        );
      change.to = stateBeforeExpiry(voucher);
    }
    return problems.length > 0 ? problems : change;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Dispatcher for the verb router: `voucher.<command>` → the command, input validated inside.

type CommandFn = (voucher: Voucher, input: never, actor: Actor, ctx: VoucherContext) => Result<Voucher>;

export const VOUCHER_COMMAND_HANDLERS: Readonly<Record<StateCommand, CommandFn>> = {
  reserve: reserveVoucher,
  cancelReservation,
  markDelivered,
  submitReport: submitCompletionReport,
  redeem: redeemVoucher,
  requestPayment,
  recordApproval: recordPaymentApproval,
  recordPayment: recordPaymentReceived,
  recordDenial: recordPaymentDenial,
  expire: expireVoucher,
  setExpiry: setVoucherExpiry,
};

export function applyVoucherCommand(
  voucher: Voucher,
  command: StateCommand,
  input: unknown,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  const handler = VOUCHER_COMMAND_HANDLERS[command] as (
    v: Voucher,
    i: unknown,
    a: Actor,
    c: VoucherContext,
  ) => Result<Voucher>;
  return handler(voucher, input, actor, ctx);
}
