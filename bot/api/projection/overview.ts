// The tab's overview (pipeline, deadlines, payments, filters) from each voucher's facts; rows and deadlines for lists.
import {
  addDays,
  voucherDeadlines as programVoucherDeadlines,
  type Voucher,
  type VoucherDeadline,
  type VoucherFacts,
} from '../../program';
import type {
  CallerView,
  DeadlineView,
  FilterOptionsView,
  OverviewView,
  PipelineStageView,
  VoucherRowView,
} from '../view-model';
import { VOUCHER_STATES } from '../view-model';
import type { ProjectionContext } from './context';
import {
  byDue,
  deadlineView,
  DEADLINE_WINDOW_DAYS,
  organizationDeadlines,
  voucherDeadlines,
} from './deadlines';
import { paymentsOf } from './payments';
import { setupOf } from './setup';
import { daysSince, toRow } from './voucher-rows';

/** The overview lists at most this many deadlines per group (the totals say how many there are). */
export const OVERVIEW_DEADLINE_LIMIT = 50;

/** Days in state per state: count, rounded average and maximum (the overview's pipeline). */
export function pipelineOf(vouchers: readonly VoucherFacts[], now: Date): PipelineStageView[] {
  const acc = new Map<string, { count: number; sum: number; max: number }>();
  for (const v of vouchers) {
    const days = daysSince(v.stateSince, now);
    const a = acc.get(v.state) ?? { count: 0, sum: 0, max: 0 };
    a.count += 1;
    a.sum += days;
    a.max = Math.max(a.max, days);
    acc.set(v.state, a);
  }
  return VOUCHER_STATES.map((state) => {
    const a = acc.get(state);
    return {
      state,
      count: a?.count ?? 0,
      avgDaysInState: a ? Math.round(a.sum / a.count) : 0,
      maxDaysInState: a?.max ?? 0,
    };
  });
}

export function filterOptionsOf(
  vouchers: readonly VoucherFacts[],
  ctx: ProjectionContext,
): FilterOptionsView {
  const offerings = new Set(ctx.rules.catalogue.offerings.map((o) => o.id));
  const consultants = new Map<string, string>();
  for (const p of ctx.org?.people ?? [])
    if (p.roles.includes('consultant')) consultants.set(p.userId, p.name || p.userId);
  const customers = new Set<string>();
  for (const v of vouchers) {
    offerings.add(v.offeringId);
    customers.add(v.customer.name);
    // The name a row shows for the consultant (toRow), so the filter and the list agree.
    for (const id of v.reservation?.consultants ?? []) consultants.set(id, ctx.people.get(id) ?? id);
  }
  return {
    offerings: [...offerings].sort(),
    states: [...VOUCHER_STATES],
    consultants: [...consultants]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    customers: [...customers].sort((a, b) => a.localeCompare(b)),
  };
}

export interface Projected {
  rows: VoucherRowView[];
  deadlines: DeadlineView[];
}

/** Rows and every open deadline (organisation + vouchers) in one pass. */
export function project(vouchers: Voucher[], ctx: ProjectionContext): Projected {
  const rows: VoucherRowView[] = [];
  const deadlines: DeadlineView[] = organizationDeadlines(ctx);
  for (const v of vouchers) {
    const d = voucherDeadlines(v, ctx);
    rows.push(toRow(v, ctx, d));
    for (const x of d) deadlines.push(x);
  }
  return { rows, deadlines };
}

/**
 * A voucher's (or summary row's) deadlines by object, for one rules profile: documents and rows are frozen
 * copies reused while their ETag holds, so a cold overview after a write recomputes only the changed ones.
 */
export type DeadlineMemo = WeakMap<VoucherFacts, readonly VoucherDeadline[]>;

/** A deadline on its way into the overview's lists: the tab's view is made only for the ones listed. */
interface Placed {
  due: string;
  voucherNumber?: string;
  view: () => DeadlineView;
}

/**
 * Overdue (before today) and upcoming (today … today + window) deadlines, each sorted as `groupDeadlines`
 * sorts them, compared as ISO dates; only the listed ones become views (thousands of vouchers, 50 shown).
 */
function overviewDeadlines(
  vouchers: readonly VoucherFacts[],
  ctx: ProjectionContext,
  deadlinesOf: (v: VoucherFacts) => readonly VoucherDeadline[],
): OverviewView['deadlines'] {
  const horizon = addDays(ctx.today, DEADLINE_WINDOW_DAYS);
  const overdue: Placed[] = [];
  const upcoming: Placed[] = [];
  const place = (p: Placed): void => {
    if (p.due < ctx.today) overdue.push(p);
    else if (p.due <= horizon) upcoming.push(p);
  };
  for (const d of organizationDeadlines(ctx)) place({ due: d.due, view: () => d });
  for (const v of vouchers) {
    for (const d of deadlinesOf(v))
      place({ due: d.due, voucherNumber: v.voucherNumber, view: () => deadlineView(v, d, ctx) });
  }
  const listed = (ps: Placed[]): DeadlineView[] =>
    ps
      .sort(byDue)
      .slice(0, OVERVIEW_DEADLINE_LIMIT)
      .map((p) => p.view());
  return {
    overdue: listed(overdue),
    upcoming: listed(upcoming),
    overdueTotal: overdue.length,
    upcomingTotal: upcoming.length,
    windowDays: DEADLINE_WINDOW_DAYS,
  };
}

/**
 * The overview from each voucher's facts: whole vouchers (the full recomputation) or a tenant summary's rows
 * give the same answer. Vouchers are taken in id order, so sums and ties never depend on where they came from.
 */
export function overviewOf(
  facts: readonly VoucherFacts[],
  ctx: ProjectionContext,
  caller: CallerView,
  memo?: DeadlineMemo,
): OverviewView {
  const vouchers = [...facts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const deadlinesOf = (v: VoucherFacts): readonly VoucherDeadline[] => {
    const hit = memo?.get(v);
    if (hit) return hit;
    const computed = programVoucherDeadlines(v, ctx.rules);
    memo?.set(v, computed);
    return computed;
  };
  return {
    generatedAt: ctx.now.toISOString(),
    caller,
    organization: { known: Boolean(ctx.org) },
    setup: setupOf(ctx),
    pipeline: pipelineOf(vouchers, ctx.now),
    deadlines: overviewDeadlines(vouchers, ctx, deadlinesOf),
    payments: paymentsOf(vouchers),
    filters: filterOptionsOf(vouchers, ctx),
    voucherCount: vouchers.length,
  };
}
