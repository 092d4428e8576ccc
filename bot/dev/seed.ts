// The demo seed for `npm start`, tests and the bench: the demo organisation and vouchers in every state, written
// through the store's repositories. Development only: nothing on the production path imports bot/dev/.
import type { Rules } from '../program';
import type { Store } from '../store';
import {
  Organization,
  Voucher,
  type Person,
  builtInRules,
  DEFAULT_PROFILE,
  voucherDueDate,
  type VoucherState,
} from '../program';
import { demoOrganization } from './demo-organization';
import { demoVoucher } from './demo-voucher';

function defaultRules(): Rules {
  const r = builtInRules(DEFAULT_PROFILE);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.rules;
}

export interface SeedOptions {
  /** More people to put in the organisation, e.g. the local development identity as a Global admin. */
  people?: { userId: string; name: string; roles: Person['roles'] }[];
  /** Number of vouchers (default 12: one or two in each state). */
  vouchers?: number;
  /** Parallel writes (the embedded server is happiest with a few). */
  concurrency?: number;
}

export interface SeedResult {
  organization: Organization;
  vouchers: Voucher[];
}

/** The twelve hand-picked states of the default seed (a voucher in each state, a few where it matters). */
const DEFAULT_STATES: VoucherState[] = [
  'Assigned',
  'Assigned',
  'Reserved',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
  'PaymentRequested',
  'Paid',
  'Denied',
  'Expired',
];

/** The states of a seed of `count` vouchers: the hand-picked twelve, then a realistic mix. */
export function seedStates(count: number): VoucherState[] {
  const mix: VoucherState[] = [
    'Assigned',
    'Reserved',
    'Reserved',
    'Delivered',
    'ReportSubmitted',
    'Redeemed',
    'PaymentRequested',
    'Paid',
    'Paid',
    'Paid',
    'Denied',
    'Expired',
  ];
  const out: VoucherState[] = [];
  for (let i = 0; i < count; i++)
    out.push(
      i < DEFAULT_STATES.length
        ? (DEFAULT_STATES[i] as VoucherState)
        : (mix[(i * 7) % mix.length] as VoucherState),
    );
  return out;
}

/**
 * Writes the demo organisation and vouchers for `tenantId` through the store's repositories (schema- and
 * ETag-checked). Running it again overwrites the earlier seed documents of that tenant.
 */
export async function seedDemoData(
  store: Store,
  tenantId: string,
  now: Date,
  options: SeedOptions & { rules?: Rules } = {},
): Promise<SeedResult> {
  const rules = options.rules ?? defaultRules();
  const { organizations, vouchers: vouchersRepo } = store.repos;
  const existing = await organizations.getOrCreate(tenantId, now);
  const demo = demoOrganization(tenantId, now);
  for (const p of options.people ?? []) {
    if (demo.people.some((x) => x.userId === p.userId)) continue;
    demo.people.push({
      userId: p.userId,
      name: p.name,
      roles: p.roles,
      assessments: [],
      settings: {},
      firstSeenAt: now.toISOString(),
    });
  }
  const organization = (await organizations.save(tenantId, demo, existing.etag)).doc;
  const vouchers = seedStates(options.vouchers ?? 12).map((state, i) => {
    const v = demoVoucher(tenantId, now, i, state);
    // `dueOn` is what the reminder scan lists by; the engine keeps it on every command.
    const due = voucherDueDate(v, rules);
    return due ? { ...v, dueOn: due } : v;
  });
  const concurrency = Math.max(1, options.concurrency ?? 8);
  for (let i = 0; i < vouchers.length; i += concurrency) {
    await Promise.all(
      vouchers.slice(i, i + concurrency).map(async (v) => {
        const current = await vouchersRepo.get(tenantId, v.id);
        return current ? vouchersRepo.save(tenantId, v, current.etag) : vouchersRepo.create(tenantId, v);
      }),
    );
  }
  return { organization, vouchers };
}
