// Calls the tab API with the SSO token. A 401 gets one retry with a fresh token (the cached one may have
// expired); anything else is reported to the caller as an ApiError with its status.
import type {
  DeadlineView,
  DialogView,
  VoucherActionCode,
  OverviewView,
  VoucherDetailView,
  VoucherListView,
  VoucherStateCode,
} from '../../bot/api/view-model';
import type { Host } from './host';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ListFilters {
  offering: string[];
  state: VoucherStateCode[];
  consultant: string[];
  customer: string[];
  q: string;
  sort: string;
  dir: 'asc' | 'desc';
}

export function emptyFilters(): ListFilters {
  return { offering: [], state: [], consultant: [], customer: [], q: '', sort: 'nextDeadline', dir: 'asc' };
}

export function filterQuery(f: ListFilters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  for (const o of f.offering) p.append('offering', o);
  for (const s of f.state) p.append('state', s);
  for (const c of f.consultant) p.append('consultant', c);
  for (const c of f.customer) p.append('customer', c);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.sort) p.set('sort', f.sort);
  if (f.dir !== 'asc') p.set('dir', f.dir);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export class TabClient {
  constructor(
    private readonly host: Host,
    private readonly base = '/api/tab',
  ) {}

  private async fetchWithAuth(
    path: string,
    accept = 'application/json',
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<Response> {
    const { body } = options;
    const send = async (refresh: boolean): Promise<Response> => {
      const headers: Record<string, string> = { ...options.headers, accept };
      if (body !== undefined) headers['content-type'] = 'application/json';
      let token: string | undefined;
      try {
        token = await this.host.token(refresh);
      } catch {
        // Teams could not give a token (consent missing, signed out): the same as being refused.
        throw new ApiError(401, 'no SSO token');
      }
      if (token) headers.authorization = `Bearer ${token}`;
      return fetch(`${this.base}${path}`, {
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(body !== undefined ? { method: 'POST', body: JSON.stringify(body) } : {}),
      });
    };
    let res = await send(false);
    if (res.status === 401 && this.host.info.inTeams) res = await send(true);
    if (!res.ok) {
      let message = res.statusText;
      try {
        message = ((await res.json()) as { message?: string }).message ?? message;
      } catch {
        // not JSON
      }
      throw new ApiError(res.status, message);
    }
    return res;
  }

  private async json<T>(path: string): Promise<T> {
    return (await (await this.fetchWithAuth(path)).json()) as T;
  }

  overview(): Promise<OverviewView> {
    return this.json('/overview');
  }

  vouchers(filters: ListFilters, page: number, pageSize: number): Promise<VoucherListView> {
    return this.json(`/vouchers${filterQuery(filters, { page, pageSize })}`);
  }

  /** One voucher; `lang` words its next step in the tab's language. */
  voucher(id: string, lang?: string): Promise<VoucherDetailView> {
    return this.json(`/vouchers/${encodeURIComponent(id)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`);
  }

  /** The chat's card for this action, made for a dialog. */
  async openDialog(voucherId: string, action: VoucherActionCode, locale: string): Promise<DialogView> {
    const res = await this.fetchWithAuth('/dialogs/open', 'application/json', {
      body: { voucherId, action, locale },
    });
    return (await res.json()) as DialogView;
  }

  /** A dialog card's Action.Submit data (the verb inside): done, or the card to show next. */
  async submitDialog(data: Record<string, unknown>, locale: string): Promise<DialogView> {
    const res = await this.fetchWithAuth('/dialogs/submit', 'application/json', { body: { data, locale } });
    return (await res.json()) as DialogView;
  }

  deadlines(days: number): Promise<{ overdue: DeadlineView[]; upcoming: DeadlineView[] }> {
    return this.json(`/deadlines?days=${days}`);
  }

  /** The organisation's data (Global admin): every document and the vouchers CSV, one JSON file. */
  async organizationExport(locale: string): Promise<{ blob: Blob; filename: string }> {
    // x-lang: a refusal comes back in the tab's language.
    const res = await this.fetchWithAuth('/export.json', 'application/json', {
      headers: { 'x-lang': locale },
    });
    const disposition = res.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'organization-data.json';
    return { blob: await res.blob(), filename };
  }

  async csv(filters: ListFilters): Promise<{ blob: Blob; filename: string }> {
    const res = await this.fetchWithAuth(`/vouchers.csv${filterQuery(filters)}`, 'text/csv');
    const disposition = res.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'vouchers.csv';
    return { blob: await res.blob(), filename };
  }
}
