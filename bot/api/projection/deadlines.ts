// Open deadlines as the tab shows them: of each voucher, of the organisation (renewals, profile), grouped by date.
import {
  businessProfileDue,
  daysBetween,
  enrollmentRenewalDue,
  voucherDeadlines as programVoucherDeadlines,
  type VoucherDeadline,
  type VoucherFacts,
} from '../../program';
import type { DeadlineView, EnrollmentView } from '../view-model';
import type { ProjectionContext } from './context';

/** How far ahead the overview looks for deadlines. */
export const DEADLINE_WINDOW_DAYS = 30;

/** The open deadlines of one voucher (the domain decides them; this adds what the tab shows with each). */
export function voucherDeadlines(v: VoucherFacts, ctx: ProjectionContext): DeadlineView[] {
  return programVoucherDeadlines(v, ctx.rules)
    .map((d) => deadlineView(v, d, ctx))
    .sort(byDue);
}

/** One of a voucher's deadlines as the tab shows it. */
export function deadlineView(v: VoucherFacts, d: VoucherDeadline, ctx: ProjectionContext): DeadlineView {
  return {
    kind: d.kind,
    due: d.due,
    daysLeft: daysBetween(ctx.today, d.due),
    voucherId: v.id,
    voucherNumber: v.voucherNumber,
    offering: v.offeringId,
    customer: v.customer.name,
  };
}

/** Soonest first; the same day by voucher number (what the tab's deadline lists are sorted by). */
export function byDue(
  a: Pick<DeadlineView, 'due' | 'voucherNumber'>,
  b: Pick<DeadlineView, 'due' | 'voucherNumber'>,
): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  const x = a.voucherNumber ?? '';
  const y = b.voucherNumber ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Deadlines of the organisation itself: enrolment renewals and the business profile. */
export function organizationDeadlines(ctx: ProjectionContext): DeadlineView[] {
  const org = ctx.org;
  if (!org) return [];
  const out: DeadlineView[] = [];
  for (const e of renewals(ctx)) {
    out.push({ kind: 'enrollmentRenewal', due: e.renewalDue, daysLeft: e.daysLeft, offering: e.offering });
  }
  const profileDue = businessProfileDue(org, ctx.rules);
  if (profileDue)
    out.push({ kind: 'profileStale', due: profileDue, daysLeft: daysBetween(ctx.today, profileDue) });
  return out;
}

/** Enrolments not recorded as lapsed, soonest renewal first (a passed renewal date shows as negative days). */
export function renewals(ctx: ProjectionContext): EnrollmentView[] {
  return (ctx.org?.enrollments ?? [])
    .filter((e) => !(e.lapsedOn && e.lapsedOn <= ctx.today))
    .map((e) => {
      const renewalDue = enrollmentRenewalDue(e, ctx.rules);
      return {
        offering: e.offeringId,
        enrolledOn: e.enrolledOn,
        renewalDue,
        daysLeft: daysBetween(ctx.today, renewalDue),
      };
    })
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

export interface DeadlineGroups {
  overdue: DeadlineView[];
  upcoming: DeadlineView[];
}

/** Splits deadlines into overdue and due within `windowDays`, each sorted by date. */
export function groupDeadlines(all: DeadlineView[], windowDays = DEADLINE_WINDOW_DAYS): DeadlineGroups {
  const overdue = all.filter((d) => d.daysLeft < 0).sort(byDue);
  const upcoming = all.filter((d) => d.daysLeft >= 0 && d.daysLeft <= windowDays).sort(byDue);
  return { overdue, upcoming };
}
