// Development and test data: a realistic partner organisation and vouchers in every state, written through
// the store's typed repositories (schema-checked). Deterministic for a given `now` and count, so tests and
// the bench can rely on it. Not used in production.
import type { Rules } from '../program';
import type { Store } from '../store';
import {
  addDays,
  addMonths,
  localDate,
  ORGANIZATION_ID,
  Organization,
  Voucher,
  type AuditEntry,
  type Person,
  builtInRules,
  DEFAULT_PROFILE,
  voucherDueDate,
  type VoucherState,
} from '../program';

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

type SeedPerson = { userId: string; name: string; email: string };

export const SEED_PEOPLE = {
  globalAdmin: {
    userId: '00000000-0000-0000-0000-0000000000a1',
    name: 'Ana Souza',
    email: 'ana@partner.example',
  },
  partnerAdmin: { userId: 'seed-user-carlos', name: 'Carlos Ruiz', email: 'carlos@partner.example' },
  consultantBeatriz: { userId: 'seed-user-beatriz', name: 'Beatriz Lima', email: 'beatriz@partner.example' },
  consultantDiego: { userId: 'seed-user-diego', name: 'Diego Fernández', email: 'diego@partner.example' },
  consultantEmily: { userId: 'seed-user-emily', name: 'Emily Clark', email: 'emily@partner.example' },
} as const;

const CUSTOMERS = [
  'Contoso Ltd.',
  'Fabrikam, Inc.',
  'Northwind Traders',
  'Adventure Works',
  'Woodgrove Bank',
  'Tailspin Toys',
  'Banco Exemplo S.A.',
  'Construtora Horizonte',
  'Farmacéutica del Sur',
  'Alpine Ski House',
  'Coho Winery',
  'Lamna Healthcare',
  'Trey Research',
  'Relecloud',
  'Wide World Importers',
  'Humongous Insurance',
];

/** Offering → engagements the seeded organisation can deliver (it holds their competencies). */
const OFFERINGS: { offering: string; engagements: string[]; currency: string }[] = [
  { offering: 'DDPS', engagements: ['ddps-windows-office', 'ddps-mobile-productivity'], currency: 'USD' },
  { offering: 'SDPS', engagements: ['sdps-sharepoint'], currency: 'EUR' },
  { offering: 'SSDPS', engagements: ['ssdps-data-estate'], currency: 'BRL' },
];

const SEQUENCE: VoucherState[] = [
  'Assigned',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
];

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

/** A small deterministic generator (mulberry32): the same seed always gives the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoOrganization(tenantId: string, now: Date): Organization {
  const today = localDate(now);
  const at = (daysAgo: number): string => `${addDays(today, -daysAgo)}T09:00:00.000Z`;
  const person = (
    p: { userId: string; name: string; email: string },
    roles: Person['roles'],
    daysAgo: number,
  ): Person => ({
    ...p,
    roles,
    assessments: [],
    settings: {},
    firstSeenAt: at(daysAgo),
  });
  const consultants = [
    SEED_PEOPLE.consultantBeatriz,
    SEED_PEOPLE.consultantDiego,
    SEED_PEOPLE.consultantEmily,
  ].map((c, i) => ({
    ...person(c, ['consultant'], 300 - i * 20),
    assessments: [
      {
        id: `${c.userId}-wd`,
        name: 'Windows and Devices assessment',
        competency: 'Windows and Devices',
        completedOn: addDays(today, -250 + i * 10),
      },
      {
        id: `${c.userId}-cc`,
        name: 'Collaboration and Content assessment',
        competency: 'Collaboration and Content',
        completedOn: addDays(today, -200 + i * 10),
      },
      {
        id: `${c.userId}-da`,
        name: 'Data Analytics assessment',
        competency: 'Data Analytics',
        completedOn: addDays(today, -150 + i * 10),
      },
    ],
  }));
  return Organization.parse({
    id: ORGANIZATION_ID,
    tenantId,
    createdAt: at(400),
    people: [
      person(SEED_PEOPLE.globalAdmin, ['globalAdmin'], 400),
      person(SEED_PEOPLE.partnerAdmin, ['mpnPartnerAdmin'], 390),
      ...consultants,
    ],
    complianceTraining: { completedOn: addDays(today, -380), recordedBy: SEED_PEOPLE.partnerAdmin.userId },
    competencies: [
      { name: 'Windows and Devices', level: 'Gold', validUntil: addDays(today, 200) },
      { name: 'Collaboration and Content', level: 'Silver', validUntil: addDays(today, 120) },
      { name: 'Data Analytics', level: 'Gold', validUntil: addDays(today, 300) },
      { name: 'Messaging', level: 'Silver', validUntil: addDays(today, -20) },
    ],
    enrollments: [
      // Renewal due in 24 days: the tab's countdown has something to count.
      enrollment('DDPS', addMonths(addDays(today, 24), -12), 'US'),
      enrollment('SDPS', addDays(today, -120), 'BR'),
      enrollment('SSDPS', addDays(today, -200), 'ES'),
    ],
    businessProfile: { lastUpdatedOn: addDays(today, -300) },
    savbRegistrations: [
      {
        offeringId: 'DDPS',
        registeredOn: addDays(today, -250),
        registeredBy: SEED_PEOPLE.globalAdmin.userId,
      },
      { offeringId: 'SDPS', registeredOn: addDays(today, -90), registeredBy: SEED_PEOPLE.globalAdmin.userId },
    ],
    audit: [
      {
        at: at(400),
        by: SEED_PEOPLE.globalAdmin.userId,
        byName: SEED_PEOPLE.globalAdmin.name,
        action: 'role.claimGlobalAdmin',
      },
    ],
  });
}

function enrollment(
  offeringId: string,
  enrolledOn: string,
  country: string,
): Organization['enrollments'][number] {
  return {
    offeringId,
    agreementSignedOn: addDays(enrolledOn, -3),
    enrolledOn,
    approvedLocations: [{ id: `loc-${country.toLowerCase()}`, name: `Office ${country}`, country }],
  };
}

/** Builds voucher `index` in `state`, with dates that are consistent with each other and with `now`. */
export function demoVoucher(tenantId: string, now: Date, index: number, state: VoucherState): Voucher {
  const r = rng(index * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const today = localDate(now);
  const offer = OFFERINGS[index % OFFERINGS.length] ?? OFFERINGS[0]!;
  const customer = CUSTOMERS[(index * 5) % CUSTOMERS.length] ?? 'Contoso Ltd.';
  const days = pick([1, 3, 5, 5, 10]);
  const consultantPool = [
    SEED_PEOPLE.consultantBeatriz,
    SEED_PEOPLE.consultantDiego,
    SEED_PEOPLE.consultantEmily,
  ];
  const lead = consultantPool[index % 3] ?? SEED_PEOPLE.consultantBeatriz;
  const admin = SEED_PEOPLE.partnerAdmin;
  const audit: AuditEntry[] = [];
  const latest = new Date(now.getTime() - 60_000).toISOString();
  const stamp = (date: string, hour: number): string => {
    const at = `${date}T${String(hour).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00.000Z`;
    return at > latest ? latest : at; // nothing happens after `now`
  };
  const log = (
    date: string,
    action: string,
    from: VoucherState | undefined,
    to: VoucherState,
    by: SeedPerson = admin,
    reason?: string,
  ): string => {
    const at = stamp(date, between(9, 17));
    const entry: AuditEntry = { at, by: by.userId, byName: by.name, action, to };
    if (from) entry.from = from;
    if (reason) entry.reason = reason;
    audit.push(entry);
    return at;
  };

  // Walk the lifecycle backwards from "entered the current state k days ago".
  const terminal = state === 'Paid' || state === 'Denied';
  const path: VoucherState[] =
    state === 'Expired'
      ? ['Assigned']
      : terminal
        ? [...SEQUENCE]
        : SEQUENCE.slice(0, SEQUENCE.indexOf(state) + 1);
  const sinceCurrent = state === 'Expired' ? between(1, 40) : between(0, state === 'Assigned' ? 12 : 25);
  const dates: string[] = [];
  let cursor = addDays(today, -sinceCurrent);
  if (terminal || state === 'Expired') {
    dates.unshift(cursor);
    cursor = addDays(cursor, state === 'Expired' ? -180 : -between(10, 30));
  }
  for (let i = path.length - 1; i >= 0; i--) {
    dates.unshift(cursor);
    const step = path[i];
    cursor = addDays(cursor, -(step === 'Reserved' ? between(12, 30) : between(2, 12)));
  }
  const assignedOn = addDays(dates[0] ?? today, -between(0, 3));
  const intakeOn = dates[0] ?? today;

  const voucher: Voucher = {
    id: `seed-${String(index + 1).padStart(5, '0')}`,
    tenantId,
    schemaVersion: 1,
    voucherNumber: `${offer.offering}-${(100000 + ((index * 7393) % 900000)).toString(36).toUpperCase()}-${String(index + 1).padStart(4, '0')}`,
    offeringId: offer.offering,
    days,
    customer: { name: customer },
    voucherAdminEmail: `pm@${customer.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    assignedOn,
    intakeOn,
    intakeBy: admin.userId,
    source: index % 2 === 0 ? 'email' : 'manual',
    state,
    stateSince: '',
    audit,
  };

  log(intakeOn, 'voucher.intake', undefined, 'Assigned');
  let step = 1;
  if (path.includes('Reserved')) {
    const reservedOn = dates[step++] ?? today;
    const engagementId = pick(offer.engagements);
    // A voucher still Reserved has its engagement ahead of it.
    const plannedStart =
      state === 'Reserved' ? addDays(today, between(2, 20)) : addDays(reservedOn, between(5, 20));
    const second = consultantPool[(index + 1) % 3] ?? lead;
    voucher.reservation = {
      engagementId,
      deliveryCountry: offer.offering === 'DDPS' ? 'US' : offer.offering === 'SDPS' ? 'BR' : 'ES',
      partnerLocationId:
        offer.offering === 'DDPS' ? 'loc-us' : offer.offering === 'SDPS' ? 'loc-br' : 'loc-es',
      plannedStart,
      plannedEnd: addDays(plannedStart, Math.max(0, days - 1)),
      consultants: days >= 5 ? [lead.userId, second.userId] : [lead.userId],
      offsiteDays: 0,
      reservedOn,
      reservedBy: admin.userId,
    };
    log(reservedOn, 'voucher.reserve', 'Assigned', 'Reserved');
  }
  if (path.includes('Delivered') && voucher.reservation) {
    const deliveredOn = dates[step++] ?? today;
    // Delivered means the engagement has ended: its dates sit just before that day.
    voucher.reservation.plannedEnd = deliveredOn;
    voucher.reservation.plannedStart = addDays(deliveredOn, -Math.max(0, days - 1));
    voucher.reservation.reservedOn = addDays(voucher.reservation.plannedStart, -between(5, 15));
    const reserveEntry = audit.find((a) => a.action === 'voucher.reserve');
    if (reserveEntry) reserveEntry.at = stamp(voucher.reservation.reservedOn, 10);
    log(deliveredOn, 'voucher.markDelivered', 'Reserved', 'Delivered', lead);
  }
  if (path.includes('ReportSubmitted') && voucher.reservation) {
    const submittedOn = dates[step++] ?? today;
    voucher.completionReport = {
      actualStart: voucher.reservation.plannedStart,
      actualEnd: voucher.reservation.plannedEnd,
      daysDelivered: days,
      deliverables: [
        { type: 'Planning report', reference: `https://partner.example/deliverables/${voucher.id}.pdf` },
      ],
      consultants: voucher.reservation.consultants.map((userId) => ({
        userId,
        assessmentId: `${userId}-wd`,
      })),
      customerContact: { name: 'Project manager', email: voucher.voucherAdminEmail },
      summary: 'Assessment and deployment plan delivered and accepted by the customer.',
      submittedOn,
      submittedBy: lead.userId,
    };
    log(submittedOn, 'voucher.submitReport', 'Delivered', 'ReportSubmitted', lead);
  }
  if (path.includes('Redeemed')) {
    const redeemedOn = dates[step++] ?? today;
    voucher.redemption = { redeemedOn, redeemedBy: admin.userId };
    log(redeemedOn, 'voucher.redeem', 'ReportSubmitted', 'Redeemed');
  }
  if (path.includes('PaymentRequested')) {
    const requestedOn = dates[step++] ?? today;
    const rate = offer.currency === 'BRL' ? 5200 : offer.currency === 'EUR' ? 950 : 1000;
    voucher.paymentRequest = {
      savbReference: `SAVB-${String(200000 + index * 37)}`,
      amount: days * rate,
      currency: offer.currency,
      requestedOn,
      requestedBy: admin.userId,
    };
    log(requestedOn, 'voucher.requestPayment', 'Redeemed', 'PaymentRequested');
    // Half of the open requests are already approved (and waiting for the money).
    if (state === 'PaymentRequested' && index % 2 === 1) {
      const approvedOn = addDays(requestedOn, Math.min(sinceCurrent, between(1, 10)));
      voucher.paymentRequest.approvedOn = approvedOn;
      const at = stamp(approvedOn, 12);
      audit.push({ at, by: admin.userId, byName: admin.name, action: 'voucher.recordApproval' });
    }
  }
  const last = dates[dates.length - 1] ?? today;
  if (state === 'Paid' && voucher.paymentRequest) {
    voucher.paymentRequest.approvedOn = addDays(last, -between(1, 5));
    audit.push({
      at: stamp(voucher.paymentRequest.approvedOn, 12),
      by: admin.userId,
      byName: admin.name,
      action: 'voucher.recordApproval',
    });
    voucher.paymentRequest.paidOn = last;
    log(last, 'voucher.recordPayment', 'PaymentRequested', 'Paid');
  }
  if (state === 'Denied' && voucher.paymentRequest) {
    voucher.paymentRequest.deniedOn = last;
    voucher.paymentRequest.denialReason = 'Completion report deliverable missing the customer signature';
    log(
      last,
      'voucher.recordDenial',
      'PaymentRequested',
      'Denied',
      admin,
      voucher.paymentRequest.denialReason,
    );
  }
  if (state === 'Expired') {
    audit.push({
      at: stamp(last, 0),
      by: 'system:expiry',
      action: 'voucher.expire',
      from: 'Assigned',
      to: 'Expired',
    });
  }
  audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  voucher.stateSince = [...audit].reverse().find((a) => a.to === state)?.at ?? `${today}T00:00:00.000Z`;
  return Voucher.parse(voucher);
}

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
