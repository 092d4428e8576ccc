// The tab's overview: every voucher projected once into rows and deadlines, then the pipeline, filters and groups.
import type { Voucher } from '../../program';
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
import { DEADLINE_WINDOW_DAYS, groupDeadlines, organizationDeadlines, voucherDeadlines } from './deadlines';
import { paymentsOf } from './payments';
import { setupOf } from './setup';
import { toRow } from './voucher-rows';

/** The overview lists at most this many deadlines per group (the totals say how many there are). */
export const OVERVIEW_DEADLINE_LIMIT = 50;

export function pipelineOf(rows: VoucherRowView[]): PipelineStageView[] {
  const acc = new Map<string, { count: number; sum: number; max: number }>();
  for (const r of rows) {
    const a = acc.get(r.state) ?? { count: 0, sum: 0, max: 0 };
    a.count += 1;
    a.sum += r.daysInState;
    a.max = Math.max(a.max, r.daysInState);
    acc.set(r.state, a);
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

export function filterOptionsOf(rows: VoucherRowView[], ctx: ProjectionContext): FilterOptionsView {
  const offerings = new Set(ctx.rules.catalogue.offerings.map((o) => o.id));
  const consultants = new Map<string, string>();
  for (const p of ctx.org?.people ?? [])
    if (p.roles.includes('consultant')) consultants.set(p.userId, p.name || p.userId);
  const customers = new Set<string>();
  for (const r of rows) {
    offerings.add(r.offering);
    customers.add(r.customer);
    for (const c of r.consultants) consultants.set(c.id, c.name);
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

export function overviewOf(
  vouchers: Voucher[],
  ctx: ProjectionContext,
  caller: CallerView,
  projected = project(vouchers, ctx),
): OverviewView {
  const groups = groupDeadlines(projected.deadlines);
  return {
    generatedAt: ctx.now.toISOString(),
    caller,
    organization: { known: Boolean(ctx.org) },
    setup: setupOf(ctx),
    pipeline: pipelineOf(projected.rows),
    deadlines: {
      overdue: groups.overdue.slice(0, OVERVIEW_DEADLINE_LIMIT),
      upcoming: groups.upcoming.slice(0, OVERVIEW_DEADLINE_LIMIT),
      overdueTotal: groups.overdue.length,
      upcomingTotal: groups.upcoming.length,
      windowDays: DEADLINE_WINDOW_DAYS,
    },
    payments: paymentsOf(vouchers),
    filters: filterOptionsOf(projected.rows, ctx),
    voucherCount: vouchers.length,
  };
}
