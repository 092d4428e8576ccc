// Domain → view model for the tab: pure functions over an organisation, its vouchers, the program rules and
// "today". No I/O; the routes load the documents and hand them here.
import {
  businessProfileDue,
  eligibility,
  enrollmentRenewalDue,
  EXPIRABLE_STATES,
  isEnrollmentLapsed,
  rolesOf,
  voucherExpiryDate,
  voucherDeadlines as programVoucherDeadlines,
  type Organization,
  type Rules,
  type Voucher,
  type VoucherState,
} from '../program';
import { daysBetween, daysSince, localDate } from './dates';
import type {
  CallerView,
  CurrencyTotalsView,
  DeadlineView,
  EnrollmentView,
  FilterOptionsView,
  OverviewView,
  PaymentStatusCode,
  PaymentsView,
  PersonView,
  PipelineStageView,
  RoleCode,
  SetupView,
  TimelineEntryView,
  VoucherDetailView,
  VoucherRowView,
} from './view-model';
import { VOUCHER_STATES } from './view-model';

export interface ProjectionContext {
  rules: Rules;
  org?: Organization;
  now: Date;
  /** The organisation's calendar date at `now`. */
  today: string;
  /** User id → display name. */
  people: Map<string, string>;
}

/** How far ahead the overview looks for deadlines. */
export const DEADLINE_WINDOW_DAYS = 30;
/** The overview lists at most this many deadlines per group (the totals say how many there are). */
export const OVERVIEW_DEADLINE_LIMIT = 50;

export function projectionContext(
  rules: Rules,
  org: Organization | undefined,
  now: Date,
  defaultTimeZone = 'UTC',
): ProjectionContext {
  const people = new Map<string, string>();
  for (const p of org?.people ?? []) people.set(p.userId, p.name || p.email || p.userId);
  return { rules, org, now, today: localDate(now, org?.timeZone ?? defaultTimeZone), people };
}

// ---------------------------------------------------------------------------------------------------------
// Roles

const ROLE_CODES: [Organization['people'][number]['roles'][number], RoleCode][] = [
  ['globalAdmin', 'GlobalAdmin'],
  ['mpnPartnerAdmin', 'PartnerAdmin'],
  ['consultant', 'Consultant'],
];

/** The caller's highest role; a person unknown to the organisation is a Member. */
export function roleOf(org: Organization | undefined, userId: string): RoleCode {
  const roles = org ? rolesOf(org, userId) : [];
  return ROLE_CODES.find(([role]) => roles.includes(role))?.[1] ?? 'Member';
}

// ---------------------------------------------------------------------------------------------------------
// Voucher deadlines

/** The open deadlines of one voucher (the domain decides them; this adds what the tab shows with each). */
export function voucherDeadlines(v: Voucher, ctx: ProjectionContext): DeadlineView[] {
  return programVoucherDeadlines(v, ctx.rules)
    .map(({ kind, due }) => ({
      kind,
      due,
      daysLeft: daysBetween(ctx.today, due),
      voucherId: v.id,
      voucherNumber: v.voucherNumber,
      offering: v.offeringId,
      customer: v.customer.name,
    }))
    .sort(byDue);
}

function byDue(a: DeadlineView, b: DeadlineView): number {
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
function renewals(ctx: ProjectionContext): EnrollmentView[] {
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

// ---------------------------------------------------------------------------------------------------------
// Rows and detail

function paymentStatus(v: Voucher): PaymentStatusCode | undefined {
  const pr = v.paymentRequest;
  if (!pr) return undefined;
  if (pr.deniedOn) return 'denied';
  if (pr.paidOn) return 'paid';
  if (pr.approvedOn) return 'approved';
  return 'requested';
}

function person(ctx: ProjectionContext, id: string): PersonView {
  return { id, name: ctx.people.get(id) ?? id };
}

function engagementName(
  rules: Rules,
  offeringId: string,
  engagementId: string | undefined,
): string | undefined {
  if (!engagementId) return undefined;
  const offering = rules.catalogue.offerings.find((o) => o.id === offeringId);
  return offering?.engagements.find((e) => e.id === engagementId)?.name ?? engagementId;
}

export function toRow(
  v: Voucher,
  ctx: ProjectionContext,
  deadlines = voucherDeadlines(v, ctx),
): VoucherRowView {
  const status = paymentStatus(v);
  const row: VoucherRowView = {
    id: v.id,
    voucherNumber: v.voucherNumber,
    customer: v.customer.name,
    offering: v.offeringId,
    days: v.days,
    state: v.state,
    stateSince: v.stateSince,
    daysInState: daysSince(v.stateSince, ctx.now),
    consultants: (v.reservation?.consultants ?? []).map((id) => person(ctx, id)),
  };
  const engagement = engagementName(ctx.rules, v.offeringId, v.reservation?.engagementId);
  if (engagement) row.engagement = engagement;
  const expiresOn =
    EXPIRABLE_STATES.includes(v.state) || v.expiresOn ? voucherExpiryDate(v, ctx.rules) : undefined;
  if (expiresOn) row.expiresOn = expiresOn;
  if (deadlines[0]) row.nextDeadline = deadlines[0];
  if (v.paymentRequest && status) {
    row.payment = {
      amount: v.paymentRequest.paidAmount ?? v.paymentRequest.amount,
      currency: v.paymentRequest.currency,
      status,
    };
  }
  return row;
}

export function toDetail(v: Voucher, ctx: ProjectionContext): VoucherDetailView {
  const deadlines = voucherDeadlines(v, ctx);
  const detail: VoucherDetailView = {
    ...toRow(v, ctx, deadlines),
    voucherAdminEmail: v.voucherAdminEmail,
    deadlines,
    timeline: v.audit
      .map((a): TimelineEntryView => {
        const entry: TimelineEntryView = { at: a.at, action: a.action };
        if (a.from && isState(a.from)) entry.from = a.from;
        if (a.to && isState(a.to)) entry.to = a.to;
        const by = a.byName ?? (a.by.startsWith('system:') ? undefined : ctx.people.get(a.by));
        if (by) entry.by = by;
        if (a.reason) entry.reason = a.reason;
        return entry;
      })
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
  };
  if (v.reservation) {
    detail.reservation = {
      engagement: engagementName(ctx.rules, v.offeringId, v.reservation.engagementId),
      country: v.reservation.deliveryCountry,
      plannedStart: v.reservation.plannedStart,
      plannedEnd: v.reservation.plannedEnd,
    };
  }
  if (v.completionReport) {
    detail.report = {
      submittedOn: v.completionReport.submittedOn,
      daysDelivered: v.completionReport.daysDelivered,
      deliverables: v.completionReport.deliverables.length,
    };
  }
  if (v.redemption) detail.redeemedOn = v.redemption.redeemedOn;
  return detail;
}

function isState(s: string): s is VoucherState {
  return (VOUCHER_STATES as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------------------------------------
// Overview

export function setupOf(ctx: ProjectionContext): SetupView {
  const { org, rules, today } = ctx;
  const training = org?.complianceTraining;
  const offerings = org ? eligibility(org, rules, today) : [];
  const offeringsMet = offerings.filter((o) => o.status === 'Met').map((o) => o.offeringId);
  const offeringsMissing = org
    ? offerings.filter((o) => o.status !== 'Met').map((o) => o.offeringId)
    : rules.catalogue.offerings.map((o) => o.id);
  const eligibilityStatus =
    offeringsMet.length > 0
      ? 'met'
      : offerings.some((o) => o.status === 'InProgress')
        ? 'inProgress'
        : 'notStarted';

  const enrolled = renewals(ctx);
  const next = enrolled[0];
  const warnDays = -Math.min(0, ...rules.reminders.enrollmentRenewal);
  const active = (org?.enrollments ?? []).filter((e) => !isEnrollmentLapsed(e, rules, today));
  const enrollmentStatus =
    (org?.enrollments.length ?? 0) === 0
      ? 'notStarted'
      : active.length === 0 || (next && next.daysLeft < 0)
        ? 'lapsed'
        : next && next.daysLeft <= warnDays
          ? 'renewalDue'
          : 'active';

  const profile: SetupView['profile'] = { status: 'notStarted' };
  const staleOn = org ? businessProfileDue(org, rules) : undefined;
  if (org?.businessProfile && staleOn) {
    const daysLeft = daysBetween(today, staleOn);
    profile.status = daysLeft < 0 ? 'stale' : 'current';
    profile.lastUpdatedOn = org.businessProfile.lastUpdatedOn;
    profile.staleOn = staleOn;
    profile.daysLeft = daysLeft;
  }

  const setup: SetupView = {
    eligibility: { status: eligibilityStatus, offeringsMet, offeringsMissing },
    enrollment: { status: enrollmentStatus, offerings: enrolled },
    profile,
  };
  if (training) setup.eligibility.trainingCompletedOn = training.completedOn;
  if (next) setup.enrollment.nextRenewal = next;
  return setup;
}

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

export function paymentsOf(vouchers: Voucher[]): PaymentsView {
  const counts = { requested: 0, approved: 0, paid: 0, denied: 0, outstanding: 0 };
  const totals = new Map<string, CurrencyTotalsView>();
  for (const v of vouchers) {
    const pr = v.paymentRequest;
    if (!pr) continue;
    const t = totals.get(pr.currency) ?? {
      currency: pr.currency,
      requested: 0,
      approved: 0,
      paid: 0,
      denied: 0,
      outstanding: 0,
    };
    counts.requested += 1;
    t.requested += pr.amount;
    if (pr.deniedOn) {
      counts.denied += 1;
      t.denied += pr.amount;
    } else {
      if (pr.approvedOn || pr.paidOn) {
        counts.approved += 1;
        t.approved += pr.amount;
      }
      if (pr.paidOn) {
        counts.paid += 1;
        t.paid += pr.paidAmount ?? pr.amount;
      } else {
        counts.outstanding += 1;
        t.outstanding += pr.amount;
      }
    }
    totals.set(pr.currency, t);
  }
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    counts,
    totals: [...totals.values()]
      .map((t) => ({
        ...t,
        requested: round(t.requested),
        approved: round(t.approved),
        paid: round(t.paid),
        denied: round(t.denied),
        outstanding: round(t.outstanding),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
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
