// Step 4: a voucher is created from the fields a partner admin confirmed (typed, or read from the email).
import type { z } from 'zod';
import { runCommand, type Changed } from '../command-runner';
import { actorId, type VoucherContext } from '../context';
import { notInFuture } from '../date-guards';
import { voucherDueDate } from '../deadlines';
import { IntakeInput, type Actor, type IsoDate, type Refusal, type Result, type Voucher } from '../model';
import { refusal } from '../result';
import { PARTNER_ADMIN } from '../roles';
import { findOffering } from '../rules';
import { VOUCHER_NUMBER_EXAMPLE, normalizeVoucherNumber, numberNotActiveElsewhere } from './guards';

type IntakeFields = z.output<typeof IntakeInput>;

/** The voucher number is well formed and not active on another voucher. */
function numberGuards(ctx: VoucherContext, raw: string, voucherNumber: string | undefined): Refusal[] {
  if (!voucherNumber) {
    return [refusal('voucher.numberInvalid', { value: raw.trim(), example: VOUCHER_NUMBER_EXAMPLE })];
  }
  return numberNotActiveElsewhere(ctx, voucherNumber);
}

function offeringGuard(ctx: VoucherContext, offeringId: string): Refusal[] {
  if (findOffering(ctx.rules, offeringId)) return [];
  const known = ctx.rules.catalogue.offerings.map((o) => o.id);
  return [refusal('voucher.offeringUnknown', { offeringId, known })];
}

/** Assignment and creation not in the future, assignment before the rules' cut-off, expiry after assignment. */
function dateGuards(ctx: VoucherContext, i: IntakeFields, assignedOn: IsoDate, today: IsoDate): Refusal[] {
  const problems = [
    ...notInFuture('assignedOn', assignedOn, today),
    ...notInFuture('createdOn', i.createdOn, today),
  ];
  const cutoff = ctx.rules.cutoffs.lastVoucherAssignmentOn;
  if (cutoff && assignedOn > cutoff)
    problems.push(refusal('voucher.assignmentClosed', { cutoff, assignedOn }));
  if (i.expiresOn && i.expiresOn < assignedOn) {
    problems.push(refusal('voucher.expiryBeforeAssignment', { expiresOn: i.expiresOn, assignedOn }));
  }
  return problems;
}

function newVoucher(
  i: IntakeFields,
  fields: { voucherNumber: string; assignedOn: IsoDate; today: IsoDate },
  actor: Actor,
  ctx: VoucherContext & { newId: () => string },
): Changed<Voucher> {
  const voucher: Voucher = {
    id: ctx.newId(),
    tenantId: ctx.org.tenantId,
    schemaVersion: 1,
    voucherNumber: fields.voucherNumber,
    offeringId: i.offeringId,
    days: i.days,
    customer: i.customer,
    voucherAdminEmail: i.voucherAdminEmail,
    assignedOn: fields.assignedOn,
    intakeOn: fields.today,
    intakeBy: actorId(actor),
    source: i.source,
    state: 'Assigned',
    stateSince: ctx.now.toISOString(),
    audit: [],
  };
  if (i.createdOn) voucher.createdOn = i.createdOn;
  if (i.expiresOn) voucher.expiresOn = i.expiresOn;
  const due = voucherDueDate(voucher, ctx.rules);
  if (due) voucher.dueOn = due;
  const details = {
    voucherNumber: voucher.voucherNumber,
    offeringId: i.offeringId,
    days: i.days,
    source: i.source,
  };
  return { doc: voucher, to: 'Assigned', details };
}

/** Creates a voucher from confirmed fields. The caller's `newId` gives the document id (see `Voucher.id`). */
export function intakeVoucher(
  input: IntakeInput,
  actor: Actor,
  ctx: VoucherContext & { newId: () => string },
): Result<Voucher> {
  const spec = { command: 'voucher.intake', schema: IntakeInput, role: PARTNER_ADMIN };
  return runCommand(spec, { org: ctx.org, actor, ctx }, input, (i, today) => {
    const voucherNumber = normalizeVoucherNumber(i.voucherNumber, ctx.rules.voucher.numberPattern);
    const assignedOn = i.assignedOn ?? today;
    const problems = [
      ...numberGuards(ctx, i.voucherNumber, voucherNumber),
      ...offeringGuard(ctx, i.offeringId),
      ...dateGuards(ctx, i, assignedOn, today),
    ];
    if (problems.length > 0 || !voucherNumber) return problems;
    return newVoucher(i, { voucherNumber, assignedOn, today }, actor, ctx);
  });
}
