// Projections of a tenant snapshot, reused for requests within the same minute: projecting thousands of
// vouchers costs tens of milliseconds, and days-in-state and days-left move in whole days.
import { supportedLocale } from '../i18n';
import { overviewOf, project, roleOf, type DeadlineMemo, type Projected } from './projection';
import type { OverviewData } from './tenant-summaries';
import type { TenantData, TenantDocuments } from './tenant-snapshots';
import type { CallerView, OverviewView } from './view-model';

interface ProjectionEntry {
  key: string;
  projected: Projected;
}

/** Projections move in whole days (deadlines) and days in state; a minute bounds how stale `generatedAt` is. */
function keyOf(ctx: TenantData['ctx']): string {
  return `${ctx.today}|${Math.floor(ctx.now.getTime() / 60_000)}`;
}

export class TenantViews {
  private readonly entries = new WeakMap<TenantDocuments, ProjectionEntry>();
  private readonly overviews = new WeakMap<object, { key: string; overview: OverviewView }>();
  /** Each voucher's deadlines (the API has one rules profile): a cold overview recomputes only changed rows. */
  private readonly deadlines: DeadlineMemo = new WeakMap();

  /** Rows and open deadlines of the snapshot. */
  projected(data: TenantData): Projected {
    return this.entry(data).projected;
  }

  /** The overview of a loaded version (summary or snapshot), computed once a minute. */
  overview(data: OverviewData): OverviewView {
    const key = keyOf(data.ctx);
    let hit = this.overviews.get(data.docs);
    if (!hit || hit.key !== key) {
      hit = { key, overview: overviewOf(data.vouchers, data.ctx, callerViewOf(data), this.deadlines) };
      this.overviews.set(data.docs, hit);
    }
    return { ...hit.overview, caller: callerViewOf(data) };
  }

  private entry(data: TenantData): ProjectionEntry {
    const key = keyOf(data.ctx);
    const hit = this.entries.get(data.docs);
    if (hit && hit.key === key) return hit;
    const entry = { key, projected: project(data.vouchers, data.ctx) };
    this.entries.set(data.docs, entry);
    return entry;
  }
}

export function callerViewOf(data: Pick<TenantData, 'caller' | 'ctx' | 'callerLocale'>): CallerView {
  const view: CallerView = {
    tenantId: data.caller.tenantId,
    userId: data.caller.userId,
    role: roleOf(data.ctx.org, data.caller.userId),
    localIdentity: data.caller.local,
  };
  const name = data.ctx.people.get(data.caller.userId) ?? data.caller.name;
  if (name) view.name = name;
  // The caller's own choice only, read as the bot reads it; a language the app does not speak is left out.
  const override =
    data.callerLocale !== undefined
      ? (data.callerLocale ?? undefined)
      : data.ctx.org?.people.find((p) => p.userId === data.caller.userId)?.settings.locale;
  const chosen = supportedLocale(override);
  if (chosen) view.locale = chosen;
  return view;
}
