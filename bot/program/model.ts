// The program's vocabulary: zod schemas and TypeScript types for rules, the organisation, vouchers,
// refusals, reminders and next actions. Everything else in bot/program/ is functions over these.
// Calendar dates are `YYYY-MM-DD` strings; instants are full ISO strings with an offset (usually `Z`).
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------
// Primitives

/** A calendar date, `YYYY-MM-DD`, that exists (no 2021-02-29). */
export const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, ISO 8601 with an offset, e.g. 2021-03-04T10:00:00.000Z. */
export const IsoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO date-time with offset' });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** ISO 3166-1 alpha-2 country code in upper case (BR, ES, US). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as BR');
export type CountryCode = z.infer<typeof CountryCode>;

/** ISO 4217 currency code (USD, EUR, BRL). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');

export const CompetencyLevel = z.enum(['Silver', 'Gold']);
export type CompetencyLevel = z.infer<typeof CompetencyLevel>;

/** Ids used in rules files: offerings (DDPS) and engagements (ddps-windows-office). */
const RuleKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'letters, digits and dashes, 1-64 characters');

// ---------------------------------------------------------------------------------------------------------
// Program rules (PRODUCT.md §3, §4, §5, §7) — loaded from a JSON profile, never hard-coded.

export const CompetencyRequirement = z.strictObject({
  name: z.string().min(1, 'must name the competency'),
  minimumLevel: CompetencyLevel,
});
export type CompetencyRequirement = z.infer<typeof CompetencyRequirement>;

export const Engagement = z.strictObject({
  id: RuleKey,
  name: z.string().min(1, 'must not be empty'),
  /** Any one of these, at or above its minimum level, qualifies the company. */
  requiredCompetencies: z.array(CompetencyRequirement).min(1, 'must list at least one competency'),
  /** Voucher lengths in days this engagement may be delivered with. */
  serviceLevels: z.array(z.number().int().positive()).min(1, 'must list at least one service level'),
  maximumDays: z.number().int().positive(),
});
export type Engagement = z.infer<typeof Engagement>;

export const Offering = z.strictObject({
  id: RuleKey,
  name: z.string().min(1, 'must not be empty'),
  engagements: z.array(Engagement).min(1, 'must list at least one engagement'),
});
export type Offering = z.infer<typeof Offering>;

/** Which event starts the voucher's lifetime clock (sources differ; default assignment). */
export const ClockStart = z.enum(['creation', 'assignment', 'reservation']);
export type ClockStart = z.infer<typeof ClockStart>;

const Offsets = z
  .array(z.number().int().min(-3650).max(3650))
  .min(1, 'must list at least one offset in days');

export const ReminderOffsets = z.strictObject({
  enrollmentRenewal: Offsets,
  businessProfileStale: Offsets,
  voucherReserve: Offsets,
  voucherExpiry: Offsets,
  reportDue: Offsets,
  redeemAfterReport: Offsets,
  savbRegistration: Offsets,
  paymentRequestWindow: Offsets,
  paymentFollowUp: Offsets,
});
export type ReminderOffsets = z.infer<typeof ReminderOffsets>;

export const Cutoffs = z.strictObject({
  /** Last day customers may create or assign vouchers (intake of a voucher assigned later is refused). */
  lastVoucherAssignmentOn: IsoDate.optional(),
  /** From this day on, nothing can be redeemed. */
  redemptionClosedFrom: IsoDate.optional(),
});
export type Cutoffs = z.infer<typeof Cutoffs>;

export const Rules = z.strictObject({
  profile: z.string().regex(/^[a-z0-9-]+$/, 'a profile name such as program-2020'),
  catalogue: z.strictObject({ offerings: z.array(Offering).min(1, 'must list at least one offering') }),
  voucher: z.strictObject({
    lifetimeDays: z.number().int().positive(),
    clockStart: ClockStart,
    /** Voucher numbers are opaque (PRODUCT.md §9): trimmed, 4–64 letters, digits and dashes. */
    numberPattern: z.string().min(1).default('^[A-Za-z0-9-]{4,64}$'),
  }),
  engagementLimits: z.strictObject({
    /** Days per engagement type per customer (the 15-day rule), unless division/legal entity/product differ. */
    maximumDaysPerCustomer: z.number().int().positive(),
    maximumOffsiteDays: z.number().int().min(0),
  }),
  payment: z.strictObject({
    /** Days after redemption within which the payment request must be made. */
    requestWindowDays: z.number().int().positive(),
    /** Days after approval within which Microsoft is expected to pay (legacy). */
    expectedPaymentDays: z.number().int().positive(),
  }),
  enrollment: z.strictObject({ periodMonths: z.number().int().positive() }),
  businessProfile: z.strictObject({ staleAfterMonths: z.number().int().positive() }),
  reminders: ReminderOffsets,
  cutoffs: Cutoffs.default({}),
});
export type Rules = z.infer<typeof Rules>;
/** What a rules file may contain before defaults are applied. */
export type RulesInput = z.input<typeof Rules>;

// ---------------------------------------------------------------------------------------------------------
// Audit trail: every applied command leaves one entry (who, when, what, from → to, why).

export const AuditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const AuditEntry = z.object({
  at: IsoInstant,
  /** User id (Entra object id) or `system:<process>`. */
  by: z.string().min(1),
  byName: z.string().optional(),
  /** The command name, e.g. `voucher.reserve`, `role.assign`. */
  action: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
  details: z.record(z.string(), AuditValue).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

// ---------------------------------------------------------------------------------------------------------
// Organisation aggregate: one document per tenant, id 'organization'.

export const Role = z.enum(['globalAdmin', 'mpnPartnerAdmin', 'consultant', 'member']);
export type Role = z.infer<typeof Role>;

export const Assessment = z.object({
  id: z.string().min(1),
  /** What the consultant passed (assessment or exam name/code). */
  name: z.string().min(1).max(200),
  /** The competency this assessment qualifies the consultant for (matches catalogue competency names). */
  competency: z.string().min(1),
  completedOn: IsoDate,
  validUntil: IsoDate.optional(),
});
export type Assessment = z.infer<typeof Assessment>;

export const UserSettings = z.object({
  /** Locale override (en, pt-BR, es-ES); absent = the Teams locale. */
  locale: z.string().min(2).max(35).optional(),
  /** IANA time zone; absent = the Teams one, then the configured default. */
  timeZone: z.string().min(1).optional(),
});
export type UserSettings = z.infer<typeof UserSettings>;

export const Person = z.object({
  /** Entra object id (the Teams `aadObjectId`). */
  userId: z.string().min(1),
  /** Teams user id (the activity's `from.id`, `29:…`), learnt when the bot meets them; Adaptive Card
   *  `refresh.userIds` must be these, not Entra object ids. */
  teamsUserId: z.string().min(1).max(256).optional(),
  name: z.string().max(200).default(''),
  email: z.string().max(320).optional(),
  /** Roles beyond Member; everybody in the tenant is at least a Member. */
  roles: z.array(Role).default([]),
  assessments: z.array(Assessment).default([]),
  settings: UserSettings.default({}),
  firstSeenAt: IsoInstant,
});
export type Person = z.infer<typeof Person>;

export const Competency = z.object({
  name: z.string().min(1).max(200),
  level: CompetencyLevel,
  validUntil: IsoDate,
});
export type Competency = z.infer<typeof Competency>;

export const PartnerLocation = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  country: CountryCode,
});
export type PartnerLocation = z.infer<typeof PartnerLocation>;

export const Enrollment = z.object({
  offeringId: z.string().min(1),
  agreementSignedOn: IsoDate,
  enrolledOn: IsoDate,
  /** Last renewal; the next renewal is due one enrolment period after this (or after enrolledOn). */
  renewedOn: IsoDate.optional(),
  approvedLocations: z.array(PartnerLocation).min(1),
  /** Set when the partner records that Microsoft lapsed the enrolment (a past renewal date also lapses it). */
  lapsedOn: IsoDate.optional(),
});
export type Enrollment = z.infer<typeof Enrollment>;

export const SavbRegistration = z.object({
  offeringId: z.string().min(1),
  registeredOn: IsoDate,
  registeredBy: z.string().min(1),
});
export type SavbRegistration = z.infer<typeof SavbRegistration>;

export const ProgramChannel = z.object({
  teamId: z.string().min(1).optional(),
  channelId: z.string().min(1),
  name: z.string().max(200).optional(),
});
export type ProgramChannel = z.infer<typeof ProgramChannel>;

export const ORGANIZATION_ID = 'organization';

export const Organization = z.object({
  id: z.literal(ORGANIZATION_ID),
  tenantId: z.string().min(1),
  schemaVersion: z.literal(1).default(1),
  createdAt: IsoInstant,
  people: z.array(Person).default([]),
  complianceTraining: z.object({ completedOn: IsoDate, recordedBy: z.string().min(1) }).optional(),
  competencies: z.array(Competency).default([]),
  enrollments: z.array(Enrollment).default([]),
  businessProfile: z.object({ lastUpdatedOn: IsoDate }).optional(),
  savbRegistrations: z.array(SavbRegistration).default([]),
  programChannel: ProgramChannel.optional(),
  /** Organisation-wide default time zone (else the configured default). */
  timeZone: z.string().min(1).optional(),
  audit: z.array(AuditEntry).default([]),
  /** Kept by the store, carried through unchanged by commands: how many of the oldest audit entries were moved
   *  out of this document (absent: none, or not known; see bot/store/organization-audit.ts). */
  auditArchived: z.number().int().nonnegative().optional(),
});
export type Organization = z.infer<typeof Organization>;

// ---------------------------------------------------------------------------------------------------------
// Voucher aggregate: one document per voucher; id is generated, the voucher number is a field.

export const VoucherState = z.enum([
  'Assigned',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
  'Paid',
  'Denied',
  'Expired',
]);
export type VoucherState = z.infer<typeof VoucherState>;

export const Customer = z.object({
  name: z.string().trim().min(1).max(200),
  /** Any of these distinguishes engagements for the 15-day rule. */
  division: z.string().max(200).optional(),
  legalEntity: z.string().max(200).optional(),
  product: z.string().max(200).optional(),
});
export type Customer = z.infer<typeof Customer>;

export const Reservation = z.object({
  engagementId: z.string().min(1),
  deliveryCountry: CountryCode,
  partnerLocationId: z.string().min(1),
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  /** User ids of the consultants who will deliver. */
  consultants: z.array(z.string().min(1)),
  offsiteDays: z.number().int().min(0).default(0),
  reservedOn: IsoDate,
  reservedBy: z.string().min(1),
});
export type Reservation = z.infer<typeof Reservation>;

export const Deliverable = z.object({
  type: z.string().trim().min(1).max(100),
  /** Link, file name or document number of the deliverable handed to the customer. */
  reference: z.string().trim().min(1).max(500),
});
export type Deliverable = z.infer<typeof Deliverable>;

export const CompletionReport = z.object({
  actualStart: IsoDate,
  actualEnd: IsoDate,
  daysDelivered: z.number().int().positive(),
  deliverables: z.array(Deliverable),
  consultants: z.array(z.object({ userId: z.string().min(1), assessmentId: z.string().min(1) })),
  customerContact: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.string().max(320).optional(),
  }),
  summary: z.string().max(4000),
  submittedOn: IsoDate,
  submittedBy: z.string().min(1),
});
export type CompletionReport = z.infer<typeof CompletionReport>;

export const Redemption = z.object({
  redeemedOn: IsoDate,
  redeemedBy: z.string().min(1),
});
export type Redemption = z.infer<typeof Redemption>;

export const PaymentRequest = z.object({
  /** Reference number the SAVB online payment tool gave the request. */
  savbReference: z.string().trim().min(1).max(100),
  amount: z.number().positive(),
  currency: CurrencyCode,
  requestedOn: IsoDate,
  requestedBy: z.string().min(1),
  approvedOn: IsoDate.optional(),
  paidOn: IsoDate.optional(),
  paidAmount: z.number().positive().optional(),
  deniedOn: IsoDate.optional(),
  denialReason: z.string().max(1000).optional(),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const Voucher = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  schemaVersion: z.literal(1).default(1),
  /** The voucher ID the customer's email carries (opaque, PRODUCT.md §9). */
  voucherNumber: z.string().min(1).max(64),
  offeringId: z.string().min(1),
  /** Length in days the customer gave the voucher (its service level). */
  days: z.number().int().positive(),
  customer: Customer,
  voucherAdminEmail: z.string().min(3).max(320),
  /** When the customer created it in VLSC, if known. */
  createdOn: IsoDate.optional(),
  assignedOn: IsoDate,
  /** The exact expiry shown in Partner Center, if a user entered it; wins over the computed one. */
  expiresOn: IsoDate.optional(),
  intakeOn: IsoDate,
  intakeBy: z.string().min(1),
  source: z.enum(['email', 'manual']).default('manual'),
  state: VoucherState,
  /** When the voucher entered its current state. */
  stateSince: IsoInstant,
  reservation: Reservation.optional(),
  completionReport: CompletionReport.optional(),
  redemption: Redemption.optional(),
  paymentRequest: PaymentRequest.optional(),
  /** The next deadline of the current state (expiry, report due, payment window, expected payment), kept by
   *  every command so the store can list a tenant's vouchers by due date. Absent when nothing is due. */
  dueOn: IsoDate.optional(),
  audit: z.array(AuditEntry).default([]),
});
export type Voucher = z.infer<typeof Voucher>;

// ---------------------------------------------------------------------------------------------------------
// Actors, refusals, results

/** Who issues a command: a person of the tenant, or the app itself (reminder scan, expiry). */
export type Actor = { kind: 'user'; userId: string; name?: string } | { kind: 'system'; process: string };

/** Every reason the engine can refuse something. i18n words each one; the domain has no English. */
export const RULE_IDS = [
  // generic
  'input.invalid',
  /** A date that must not be later than the actor's today (params: field, value, today). */
  'date.inFuture',
  /** A redemption date before the completion report was submitted (params: field, value, reportOn). */
  'date.beforeReport',
  /** A payment request date before the redemption (params: field, value, redeemedOn). */
  'date.beforeRedemption',
  /** An approval, payment or denial date before the payment request (params: field, value, requestedOn). */
  'date.beforeRequest',
  'role.required',
  'transition.notAllowed',
  // organisation: people and roles
  'bootstrap.globalAdminExists',
  'person.unknown',
  'role.lastGlobalAdmin',
  'settings.timeZoneInvalid',
  'settings.localeUnsupported',
  // organisation: eligibility, enrolment, profile, SAVB
  'person.notConsultant',
  'competency.unknown',
  'assessment.unknown',
  'enrollment.offeringUnknown',
  'enrollment.agreementAfterEnrollment',
  'enrollment.notFound',
  'enrollment.alreadyEnrolled',
  'savb.alreadyRegistered',
  'savb.noRedemptionYet',
  // voucher intake (step 4)
  'voucher.numberInvalid',
  'voucher.alreadyActive',
  'voucher.offeringUnknown',
  'voucher.assignmentClosed',
  'voucher.expiryBeforeAssignment',
  // any step
  'voucher.expired',
  // reserve (step 5)
  'reservation.notEnrolled',
  'reservation.enrollmentLapsed',
  'reservation.engagementUnknown',
  'reservation.competencyMissing',
  'reservation.locationUnknown',
  'reservation.countryNotApproved',
  'reservation.startNotInFuture',
  'reservation.endBeforeStart',
  'reservation.serviceLevelNotAllowed',
  'reservation.exceedsEngagementMaximum',
  'reservation.exceedsCustomerLimit',
  'reservation.offsiteDaysExceeded',
  'reservation.consultantRequired',
  'reservation.consultantUnknown',
  'reservation.reasonRequired',
  // deliver + report (step 6)
  'delivery.notStarted',
  'report.engagementNotEnded',
  'report.endBeforeStart',
  'report.deliverableRequired',
  'report.consultantRequired',
  'report.consultantNotQualified',
  'report.daysExceedVoucher',
  // redeem (step 7)
  'redemption.reportNotSubmitted',
  'redemption.closed',
  // payment (step 8)
  'payment.notRedeemed',
  'payment.savbRegistrationMissing',
  'payment.windowClosed',
  'payment.alreadyApproved',
  'payment.reasonRequired',
  // expiry
  'expiry.notReached',
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

/** What i18n needs to explain a refusal: ids, dates, numbers, lists of names. Never sentences. */
export type RefusalParam = string | number | boolean | null | string[] | number[];
export type RefusalParams = Record<string, RefusalParam>;

export interface Refusal {
  rule: RuleId;
  params: RefusalParams;
}

/** A command's outcome. `refusals` lists every failed guard (the first is `refusal`) so a card can show all. */
export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal; refusals: Refusal[] };

// ---------------------------------------------------------------------------------------------------------
// Eligibility (step 1)

export const EligibilityStatus = z.enum(['NotStarted', 'InProgress', 'Met']);
export type EligibilityStatus = z.infer<typeof EligibilityStatus>;

export type EligibilityGap =
  | { item: 'complianceTraining' }
  /** None of the accepted competencies is held at its level and still valid. `expired` lists those that lapsed. */
  | { item: 'competency'; anyOf: CompetencyRequirement[]; expired: { name: string; validUntil: IsoDate }[] };

export interface EngagementEligibility {
  offeringId: string;
  engagementId: string;
  status: EligibilityStatus;
  missing: EligibilityGap[];
}

export interface OfferingEligibility {
  offeringId: string;
  /** Met when at least one of its engagements is met. */
  status: EligibilityStatus;
  engagements: EngagementEligibility[];
}

// ---------------------------------------------------------------------------------------------------------
// Reminders (PRODUCT.md §5)

export const REMINDER_KINDS = [
  'enrollmentRenewal',
  'businessProfileStale',
  'voucherReserve',
  'voucherExpiry',
  'reportDue',
  'redeemAfterReport',
  'savbRegistration',
  'paymentRequestWindow',
  'paymentFollowUp',
  'paymentReceived',
  'paymentDenied',
] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;

export type ReminderSubject =
  | { type: 'voucher'; voucherId: string; voucherNumber: string; offeringId: string }
  | { type: 'offering'; offeringId: string }
  | { type: 'organization' };

export interface DueReminder {
  /** `<kind>:<subjectId>:<dueDate>:<offset>`: the same inputs always give the same key (delivery ledger id). */
  key: string;
  kind: ReminderKind;
  subject: ReminderSubject;
  dueDate: IsoDate;
  /** Days relative to dueDate (negative = before). */
  offsetDays: number;
  /** dueDate + offsetDays: the first local calendar day it may be sent. */
  sendableOn: IsoDate;
  /** User ids of the people who must act. */
  recipients: string[];
  /** Also post to the organisation's program channel. */
  toProgramChannel: boolean;
  /** The action that resolves it (a card button). */
  action: NextAction;
}

// ---------------------------------------------------------------------------------------------------------
// Next actions ("what's next?"), as data for the bot to word.

export const NEXT_ACTION_IDS = [
  // organisation (steps 1–3 and the bootstrap)
  'role.claimGlobalAdmin',
  'role.assignPartnerAdmin',
  'eligibility.completeTraining',
  'eligibility.recordCompetency',
  'eligibility.renewCompetency',
  'enrollment.enroll',
  'enrollment.renew',
  'businessProfile.update',
  'savb.register',
  'voucher.intake',
  // voucher (steps 4–8)
  'voucher.reserve',
  'voucher.awaitEngagementStart',
  'voucher.markDelivered',
  'report.submit',
  'voucher.redeem',
  'payment.request',
  'payment.awaitApproval',
  'payment.awaitPayment',
  'payment.followUp',
  'voucher.closedPaid',
  'voucher.closedDenied',
  'voucher.closedExpired',
] as const;
export const NextActionId = z.enum(NEXT_ACTION_IDS);
export type NextActionId = z.infer<typeof NextActionId>;

export interface NextAction {
  id: NextActionId;
  /** Step of PRODUCT.md §2 (1–8) this action belongs to. */
  step: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  /** The voucher or offering concerned, the due date, who can do it, … (no text). */
  params: RefusalParams;
  /** Roles allowed to perform it. */
  roles: Role[];
  /** Date by which it should be done, when there is one. */
  dueDate?: IsoDate;
  overdue?: boolean;
}

export interface OrganizationNextActions {
  /** New: has never enrolled (steps 1–3 first). Existing: enrolled at least once (starts at step 4). */
  partner: 'new' | 'existing';
  actions: NextAction[];
}

// ---------------------------------------------------------------------------------------------------------
// Command inputs: what a card (or the intake parser, once confirmed) submits. Validated with zod by the
// command itself; shape problems come back as `input.invalid` with the field path.

const Trimmed = (max: number) => z.string().trim().min(1).max(max);

/** Step 4: create a voucher from confirmed fields. */
export const IntakeInput = z.object({
  voucherNumber: z.string(),
  offeringId: z.string().trim().min(1),
  days: z.number().int().positive(),
  customer: Customer,
  voucherAdminEmail: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'),
  /** Defaults to the actor's today. */
  assignedOn: IsoDate.optional(),
  createdOn: IsoDate.optional(),
  expiresOn: IsoDate.optional(),
  source: z.enum(['email', 'manual']).default('manual'),
});
export type IntakeInput = z.input<typeof IntakeInput>;

/** Step 5: validate and reserve, schedule the engagement. */
export const ReserveInput = z.object({
  engagementId: Trimmed(64),
  deliveryCountry: CountryCode,
  partnerLocationId: Trimmed(64),
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  consultants: z.array(z.string().min(1)),
  offsiteDays: z.number().int().min(0).default(0),
});
export type ReserveInput = z.input<typeof ReserveInput>;

export const ReasonInput = z.object({ reason: z.string().trim().max(1000) });
export type ReasonInput = z.input<typeof ReasonInput>;

export const MarkDeliveredInput = z.object({}).default({});
export type MarkDeliveredInput = z.input<typeof MarkDeliveredInput>;

/** Step 6: the completion report. */
export const CompletionReportInput = z.object({
  actualStart: IsoDate,
  actualEnd: IsoDate,
  daysDelivered: z.number().int().positive(),
  deliverables: z.array(Deliverable),
  consultants: z.array(z.object({ userId: z.string().min(1), assessmentId: z.string().min(1) })),
  customerContact: z.object({ name: Trimmed(200), email: z.string().trim().max(320).optional() }),
  summary: z.string().trim().max(4000).default(''),
});
export type CompletionReportInput = z.input<typeof CompletionReportInput>;

/** Step 7. Defaults to the actor's today. */
export const RedeemInput = z.object({ redeemedOn: IsoDate.optional() }).default({});
export type RedeemInput = z.input<typeof RedeemInput>;

/** Step 8. */
export const PaymentRequestInput = z.object({
  savbReference: Trimmed(100),
  amount: z.number().positive(),
  currency: CurrencyCode,
  requestedOn: IsoDate.optional(),
});
export type PaymentRequestInput = z.input<typeof PaymentRequestInput>;

export const PaymentApprovalInput = z.object({ approvedOn: IsoDate.optional() }).default({});
export type PaymentApprovalInput = z.input<typeof PaymentApprovalInput>;

export const PaymentReceivedInput = z
  .object({ paidOn: IsoDate.optional(), paidAmount: z.number().positive().optional() })
  .default({});
export type PaymentReceivedInput = z.input<typeof PaymentReceivedInput>;

export const PaymentDenialInput = z.object({
  reason: z.string().trim().max(1000),
  deniedOn: IsoDate.optional(),
});
export type PaymentDenialInput = z.input<typeof PaymentDenialInput>;

/** The exact expiry shown in Partner Center (wins over the computed one). */
export const SetExpiryInput = z.object({ expiresOn: IsoDate });
export type SetExpiryInput = z.input<typeof SetExpiryInput>;

/** Every voucher command by name: the verb router maps `voucher.<name>` onto these. */
export const VOUCHER_COMMANDS = [
  'intake',
  'reserve',
  'cancelReservation',
  'markDelivered',
  'submitReport',
  'redeem',
  'requestPayment',
  'recordApproval',
  'recordPayment',
  'recordDenial',
  'expire',
  'setExpiry',
] as const;
export type VoucherCommandName = (typeof VOUCHER_COMMANDS)[number];
