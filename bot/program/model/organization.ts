// The organisation aggregate: one document per tenant, id `organization` (people, roles, eligibility,
// enrolments, business profile, SAVB registrations, program channel, settings, audit trail).
import { z } from 'zod';
import { AuditEntry, CompetencyLevel, CountryCode, IsoDate, IsoInstant } from './common';
import type { CompetencyRequirement } from './rules';

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
  /** Teams user id (`29:…`, the activity's `from.id`), learnt when the bot meets them; Adaptive Card
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
  /** The registration's reference in SAVB (recorded from the payment path; older registrations have none). */
  reference: z.string().min(1).max(100).optional(),
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
  /** 2 once a SAVB registration carries its reference (docs/architecture.md, schema evolution). */
  schemaVersion: z.union([z.literal(1), z.literal(2)]).default(1),
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

// Step 1: the eligibility checklist per offering and engagement.
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
