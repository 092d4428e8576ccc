// The tab API's query parameters: read from the raw query string, validated with zod (refusals name the
// parameter), and applied to the projected rows.
import { z } from 'zod';
import type { VoucherRowView, VoucherStateCode } from './view-model';
import { VOUCHER_STATES } from './view-model';

export const MAX_QUERY_LENGTH = 2048;
export const MAX_VALUES_PER_PARAM = 20;
export const MAX_PAGE_SIZE = 200;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_VALUES_PER_PARAM, `at most ${MAX_VALUES_PER_PARAM} values`).default([]);
const single = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(1, 'give it once')
    .transform((a) => a[0])
    .optional();

export const SORT_FIELDS = [
  'voucherNumber',
  'customer',
  'offering',
  'state',
  'daysInState',
  'expiresOn',
  'nextDeadline',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

const filterShape = {
  offering: list(text(64)),
  state: list(z.enum(VOUCHER_STATES, { message: `must be one of ${VOUCHER_STATES.join(', ')}` })),
  consultant: list(text(64)),
  customer: list(text(200)),
  q: single(text(100)),
};

const sortShape = {
  sort: single(z.enum(SORT_FIELDS, { message: `must be one of ${SORT_FIELDS.join(', ')}` })),
  dir: single(z.enum(['asc', 'desc'], { message: 'must be asc or desc' })),
};

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const VoucherListQuery = z.strictObject({
  ...filterShape,
  ...sortShape,
  page: single(int(1, 100_000)),
  pageSize: single(int(1, MAX_PAGE_SIZE)),
});
export type VoucherListQuery = z.output<typeof VoucherListQuery>;

export const VoucherCsvQuery = z.strictObject({ ...filterShape, ...sortShape });
export type VoucherCsvQuery = z.output<typeof VoucherCsvQuery>;

export const DeadlinesQuery = z.strictObject({
  days: single(int(1, 366)),
  offering: filterShape.offering,
});
export type DeadlinesQuery = z.output<typeof DeadlinesQuery>;

export const EmptyQuery = z.strictObject({});

/** Voucher ids in paths: opaque, but short and of a safe alphabet. */
export const VoucherIdParam = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'is not a voucher id');

export type QueryResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Splits a raw URL's query string into arrays per key (`state=A&state=B` and `state=A,B` both give
 * [A, B]) and validates it with `schema`.
 */
export function parseQuery<S extends z.ZodType>(
  url: string | undefined,
  schema: S,
): QueryResult<z.output<S>> {
  const raw = url ?? '';
  const qIndex = raw.indexOf('?');
  const query = qIndex >= 0 ? raw.slice(qIndex + 1) : '';
  if (query.length > MAX_QUERY_LENGTH)
    return { ok: false, message: `query string: at most ${MAX_QUERY_LENGTH} characters` };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { ok: false, message: 'query string: cannot be read' };
  }
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of params) {
    const values = key === 'q' || key === 'customer' ? [value] : value.split(',');
    (grouped[key] ??= []).push(...values.filter((v, i, a) => v !== '' || a.length === 1));
    if ((grouped[key]?.length ?? 0) > MAX_VALUES_PER_PARAM * 2) break;
  }
  const parsed = schema.safeParse(grouped);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues
    .slice(0, 5)
    .map((i) => {
      if (i.code === 'unrecognized_keys')
        return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
      const name = String(i.path[0] ?? 'query');
      return `${name}: ${i.message}`;
    })
    .join('; ');
  return { ok: false, message };
}

export interface RowFilter {
  offering: string[];
  state: VoucherStateCode[];
  consultant: string[];
  customer: string[];
  q?: string;
}

export function filterRows(rows: VoucherRowView[], f: RowFilter): VoucherRowView[] {
  const offerings = new Set(f.offering);
  const states = new Set<string>(f.state);
  const consultants = new Set(f.consultant);
  const customers = new Set(f.customer.map((c) => c.toLocaleLowerCase()));
  const needle = f.q?.toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (offerings.size === 0 || offerings.has(r.offering)) &&
      (states.size === 0 || states.has(r.state)) &&
      (consultants.size === 0 || r.consultants.some((c) => consultants.has(c.id))) &&
      (customers.size === 0 || customers.has(r.customer.toLocaleLowerCase())) &&
      (!needle ||
        r.voucherNumber.toLocaleLowerCase().includes(needle) ||
        r.customer.toLocaleLowerCase().includes(needle)),
  );
}

const STATE_RANK = new Map<string, number>(VOUCHER_STATES.map((s, i) => [s, i]));

function sortKey(r: VoucherRowView, field: SortField): string | number {
  switch (field) {
    case 'voucherNumber':
      return r.voucherNumber.toLocaleLowerCase();
    case 'customer':
      return r.customer.toLocaleLowerCase();
    case 'offering':
      return r.offering;
    case 'state':
      return STATE_RANK.get(r.state) ?? 99;
    case 'daysInState':
      return r.daysInState;
    case 'expiresOn':
      return r.expiresOn ?? '9999-12-31';
    case 'nextDeadline':
      return r.nextDeadline?.due ?? '9999-12-31';
  }
}

/** Sorts a copy; ties fall back to the voucher number so pages are stable. */
export function sortRows(
  rows: VoucherRowView[],
  field: SortField = 'nextDeadline',
  dir: 'asc' | 'desc' = 'asc',
): VoucherRowView[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((r) => ({ r, k: sortKey(r, field) }))
    .sort((a, b) => {
      if (a.k < b.k) return -sign;
      if (a.k > b.k) return sign;
      return a.r.voucherNumber.localeCompare(b.r.voucherNumber) || a.r.id.localeCompare(b.r.id);
    })
    .map((x) => x.r);
}
