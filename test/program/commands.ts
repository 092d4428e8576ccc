// Commands by name, for tests that walk a journey command by command. The app calls each named command
// directly from its verb handler; these tables only spare the tests a switch.
import {
  assignRole,
  cancelReservation,
  claimGlobalAdmin,
  enroll,
  expireVoucher,
  markDelivered,
  recordAssessment,
  recordBusinessProfileUpdate,
  recordCompetency,
  recordComplianceTraining,
  recordEnrollmentLapsed,
  recordPaymentApproval,
  recordPaymentDenial,
  recordPaymentReceived,
  redeemVoucher,
  registerSavb,
  removeAssessment,
  removeCompetency,
  removeRole,
  renewEnrollment,
  requestPayment,
  reserveVoucher,
  setOrganizationTimeZone,
  setProgramChannel,
  setVoucherExpiry,
  submitCompletionReport,
  updateEnrollmentLocations,
  type Actor,
  type OrgContext,
  type Organization,
  type Result,
  type StateCommand,
  type Voucher,
  type VoucherContext,
} from '../../bot/program';

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

type OrgCommandFn = (org: Organization, input: never, actor: Actor, ctx: OrgContext) => Result<Organization>;

export const ORGANIZATION_COMMAND_HANDLERS = {
  'role.claimGlobalAdmin': claimGlobalAdmin,
  'role.assign': assignRole,
  'role.remove': removeRole,
  'organization.setTimeZone': setOrganizationTimeZone,
  'organization.setProgramChannel': setProgramChannel,
  'eligibility.recordTraining': recordComplianceTraining,
  'eligibility.recordCompetency': recordCompetency,
  'eligibility.removeCompetency': removeCompetency,
  'consultant.recordAssessment': recordAssessment,
  'consultant.removeAssessment': removeAssessment,
  'enrollment.enroll': enroll,
  'enrollment.renew': renewEnrollment,
  'enrollment.updateLocations': updateEnrollmentLocations,
  'enrollment.recordLapsed': recordEnrollmentLapsed,
  'businessProfile.update': recordBusinessProfileUpdate,
  'savb.register': registerSavb,
} as const satisfies Record<string, OrgCommandFn>;

export type OrganizationCommandName = keyof typeof ORGANIZATION_COMMAND_HANDLERS;

export function applyOrganizationCommand(
  org: Organization,
  command: OrganizationCommandName,
  input: unknown,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const handler = ORGANIZATION_COMMAND_HANDLERS[command] as (
    o: Organization,
    i: unknown,
    a: Actor,
    c: OrgContext,
  ) => Result<Organization>;
  return handler(org, input, actor, ctx);
}
