// Step 6, second half: the completion report, by the consultants who delivered (PRODUCT.md §1).
import type { z } from 'zod';
import { actorId, type VoucherContext } from '../context';
import {
  CompletionReportInput,
  type Actor,
  type IsoDate,
  type Organization,
  type Refusal,
  type Result,
  type Rules,
  type Voucher,
} from '../model';
import { refusal } from '../result';
import { findPerson } from '../roles';
import { findEngagement } from '../rules';
import { runVoucherCommand } from './run';

type ReportFields = z.output<typeof CompletionReportInput>;

/** The engagement has ended, the dates are in order, and something was delivered by someone. */
function reportShapeGuards(i: ReportFields, today: IsoDate): Refusal[] {
  const problems: Refusal[] = [];
  if (i.actualEnd > today)
    problems.push(refusal('report.engagementNotEnded', { actualEnd: i.actualEnd, today }));
  if (i.actualEnd < i.actualStart)
    problems.push(refusal('report.endBeforeStart', { actualStart: i.actualStart, actualEnd: i.actualEnd }));
  if (i.deliverables.length === 0) problems.push(refusal('report.deliverableRequired'));
  if (i.consultants.length === 0) problems.push(refusal('report.consultantRequired'));
  return problems;
}

/** Each consultant named an assessment of theirs for a competency the engagement accepts, valid at its end. */
function qualifiedConsultantsGuard(
  org: Organization,
  rules: Rules,
  voucher: Voucher,
  i: ReportFields,
): Refusal[] {
  const engagement = voucher.reservation
    ? findEngagement(rules, voucher.reservation.engagementId)?.engagement
    : undefined;
  const accepted = engagement?.requiredCompetencies.map((c) => c.name) ?? [];
  const problems: Refusal[] = [];
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
  return problems;
}

export function submitCompletionReport(
  voucher: Voucher,
  input: CompletionReportInput,
  actor: Actor,
  ctx: VoucherContext,
): Result<Voucher> {
  // The Global admin may submit too (checkRole always allows them).
  const role = { roles: [], users: voucher.reservation?.consultants ?? [] };
  const spec = { command: 'submitReport', schema: CompletionReportInput, role } as const;
  return runVoucherCommand(spec, voucher, input, actor, ctx, (i, today) => {
    const problems = [
      ...reportShapeGuards(i, today),
      ...qualifiedConsultantsGuard(ctx.org, ctx.rules, voucher, i),
    ];
    if (i.daysDelivered > voucher.days) {
      problems.push(
        refusal('report.daysExceedVoucher', { daysDelivered: i.daysDelivered, voucherDays: voucher.days }),
      );
    }
    if (problems.length > 0) return problems;
    return {
      patch: { completionReport: { ...i, submittedOn: today, submittedBy: actorId(actor) } },
      details: {
        daysDelivered: i.daysDelivered,
        deliverables: i.deliverables.length,
        actualEnd: i.actualEnd,
      },
    };
  });
}
