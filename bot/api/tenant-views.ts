// Projections of a tenant snapshot, reused for requests within the same minute: projecting thousands of
// vouchers costs tens of milliseconds, and days-in-state and days-left move in whole days.
import { supportedLocale } from '../i18n';
import { overviewOf, project, roleOf, type Projected } from './projection';
import type { TenantData, TenantDocuments } from './tenant-snapshots';
import type { CallerView, OverviewView } from './view-model';

interface ProjectionEntry {
  key: string;
  projected: Projected;
  overview?: OverviewView;
}

export class TenantViews {
  private readonly entries = new WeakMap<TenantDocuments, ProjectionEntry>();

  /** Rows and open deadlines of the snapshot. */
  projected(data: TenantData): Projected {
    return this.entry(data).projected;
  }

  overview(data: TenantData): OverviewView {
    const entry = this.entry(data);
    entry.overview ??= overviewOf(data.vouchers, data.ctx, callerViewOf(data), entry.projected);
    return { ...entry.overview, caller: callerViewOf(data) };
  }

  private entry(data: TenantData): ProjectionEntry {
    const key = `${data.ctx.today}|${Math.floor(data.ctx.now.getTime() / 60_000)}`;
    const hit = this.entries.get(data.docs);
    if (hit && hit.key === key) return hit;
    const entry = { key, projected: project(data.vouchers, data.ctx) };
    this.entries.set(data.docs, entry);
    return entry;
  }
}

export function callerViewOf(data: TenantData): CallerView {
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
