// One demo voucher in a given state, its history walked backwards from "entered that state k days ago" so every
// date is consistent with the others and with `now`. Deterministic for a given index.
import { addDays, localDate, Voucher, type AuditEntry, type VoucherState } from '../program';
import { rng } from './random';
import { SEED_CONSULTANTS, SEED_PEOPLE, type SeedPerson } from './seed-people';

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
const OFFERINGS: { offering: string; engagements: string[]; currency: string; country: string }[] = [
  {
    offering: 'DDPS',
    engagements: ['ddps-windows-office', 'ddps-mobile-productivity'],
    currency: 'USD',
    country: 'US',
  },
  { offering: 'SDPS', engagements: ['sdps-sharepoint'], currency: 'EUR', country: 'BR' },
  { offering: 'SSDPS', engagements: ['ssdps-data-estate'], currency: 'BRL', country: 'ES' },
];
type DemoOffering = (typeof OFFERINGS)[number];

/** The states a voucher passes through on the way to payment, in order. */
const SEQUENCE: VoucherState[] = [
  'Assigned',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
];

/** The voucher's random choices and audit trail; no entry is stamped after `now`. */
class DemoHistory {
  readonly audit: AuditEntry[] = [];
  private readonly latest: string;

  constructor(
    private readonly random: () => number,
    now: Date,
  ) {
    this.latest = new Date(now.getTime() - 60_000).toISOString();
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  between(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }

  stamp(date: string, hour: number): string {
    const at = `${date}T${String(hour).padStart(2, '0')}:${String(this.between(0, 59)).padStart(2, '0')}:00.000Z`;
    return at > this.latest ? this.latest : at;
  }

  log(
    date: string,
    action: string,
    from: VoucherState | undefined,
    to: VoucherState,
    by: SeedPerson = SEED_PEOPLE.partnerAdmin,
    reason?: string,
  ): string {
    const at = this.stamp(date, this.between(9, 17));
    const entry: AuditEntry = { at, by: by.userId, byName: by.name, action, to };
    if (from) entry.from = from;
    if (reason) entry.reason = reason;
    this.audit.push(entry);
    return at;
  }

  /** An entry that changes no state (a payment approval) or is made by the system (expiry). */
  note(
    at: string,
    action: string,
    by: string,
    byName?: string,
    change?: { from: VoucherState; to: VoucherState },
  ) {
    this.audit.push({ at, by, ...(byName ? { byName } : {}), action, ...change });
  }
}

interface Lifecycle {
  /** The states passed through, from Assigned (Paid, Denied and Expired end one step after the last). */
  path: VoucherState[];
  /** The day each step of `path` was entered, then the final state's day for Paid, Denied and Expired. */
  dates: string[];
  /** Days since the voucher entered its current state. */
  sinceCurrent: number;
}

function lifecycle(history: DemoHistory, state: VoucherState, today: string): Lifecycle {
  const terminal = state === 'Paid' || state === 'Denied';
  const path: VoucherState[] =
    state === 'Expired'
      ? ['Assigned']
      : terminal
        ? [...SEQUENCE]
        : SEQUENCE.slice(0, SEQUENCE.indexOf(state) + 1);
  const sinceCurrent =
    state === 'Expired' ? history.between(1, 40) : history.between(0, state === 'Assigned' ? 12 : 25);
  const dates: string[] = [];
  let cursor = addDays(today, -sinceCurrent);
  if (terminal || state === 'Expired') {
    dates.unshift(cursor);
    cursor = addDays(cursor, state === 'Expired' ? -180 : -history.between(10, 30));
  }
  for (let i = path.length - 1; i >= 0; i--) {
    dates.unshift(cursor);
    cursor = addDays(cursor, -(path[i] === 'Reserved' ? history.between(12, 30) : history.between(2, 12)));
  }
  return { path, dates, sinceCurrent };
}

/** What every step of one voucher's history needs. */
interface Draft {
  voucher: Voucher;
  history: DemoHistory;
  index: number;
  state: VoucherState;
  today: string;
  offer: DemoOffering;
  lead: SeedPerson;
  life: Lifecycle;
}

function reserve(d: Draft, reservedOn: string): void {
  const { voucher, history, index, state, today, offer, lead } = d;
  const admin = SEED_PEOPLE.partnerAdmin;
  const engagementId = history.pick(offer.engagements);
  // A voucher still Reserved has its engagement ahead of it.
  const plannedStart =
    state === 'Reserved'
      ? addDays(today, history.between(2, 20))
      : addDays(reservedOn, history.between(5, 20));
  const second = SEED_CONSULTANTS[(index + 1) % 3] ?? lead;
  voucher.reservation = {
    engagementId,
    deliveryCountry: offer.country,
    partnerLocationId: `loc-${offer.country.toLowerCase()}`,
    plannedStart,
    plannedEnd: addDays(plannedStart, Math.max(0, voucher.days - 1)),
    consultants: voucher.days >= 5 ? [lead.userId, second.userId] : [lead.userId],
    offsiteDays: 0,
    reservedOn,
    reservedBy: admin.userId,
  };
  history.log(reservedOn, 'voucher.reserve', 'Assigned', 'Reserved');
}

function deliver(d: Draft, deliveredOn: string): void {
  const { voucher, history, lead } = d;
  const reservation = voucher.reservation;
  if (!reservation) return;
  // Delivered means the engagement has ended: its dates sit just before that day.
  reservation.plannedEnd = deliveredOn;
  reservation.plannedStart = addDays(deliveredOn, -Math.max(0, voucher.days - 1));
  reservation.reservedOn = addDays(reservation.plannedStart, -history.between(5, 15));
  const reserveEntry = history.audit.find((a) => a.action === 'voucher.reserve');
  if (reserveEntry) reserveEntry.at = history.stamp(reservation.reservedOn, 10);
  history.log(deliveredOn, 'voucher.markDelivered', 'Reserved', 'Delivered', lead);
}

function submitReport(d: Draft, submittedOn: string): void {
  const { voucher, history, lead } = d;
  const reservation = voucher.reservation;
  if (!reservation) return;
  voucher.completionReport = {
    actualStart: reservation.plannedStart,
    actualEnd: reservation.plannedEnd,
    daysDelivered: voucher.days,
    deliverables: [
      { type: 'Planning report', reference: `https://partner.example/deliverables/${voucher.id}.pdf` },
    ],
    consultants: reservation.consultants.map((userId) => ({ userId, assessmentId: `${userId}-wd` })),
    customerContact: { name: 'Project manager', email: voucher.voucherAdminEmail },
    summary: 'Assessment and deployment plan delivered and accepted by the customer.',
    submittedOn,
    submittedBy: lead.userId,
  };
  history.log(submittedOn, 'voucher.submitReport', 'Delivered', 'ReportSubmitted', lead);
}

function requestPayment(d: Draft, requestedOn: string): void {
  const { voucher, history, index, state, offer, life } = d;
  const admin = SEED_PEOPLE.partnerAdmin;
  const rate = offer.currency === 'BRL' ? 5200 : offer.currency === 'EUR' ? 950 : 1000;
  voucher.paymentRequest = {
    savbReference: `SAVB-${String(200000 + index * 37)}`,
    amount: voucher.days * rate,
    currency: offer.currency,
    requestedOn,
    requestedBy: admin.userId,
  };
  history.log(requestedOn, 'voucher.requestPayment', 'Redeemed', 'PaymentRequested');
  // Half of the open requests are already approved (and waiting for the money).
  if (state === 'PaymentRequested' && index % 2 === 1) {
    const approvedOn = addDays(requestedOn, Math.min(life.sinceCurrent, history.between(1, 10)));
    voucher.paymentRequest.approvedOn = approvedOn;
    history.note(history.stamp(approvedOn, 12), 'voucher.recordApproval', admin.userId, admin.name);
  }
}

function redeem(d: Draft, redeemedOn: string): void {
  d.voucher.redemption = { redeemedOn, redeemedBy: SEED_PEOPLE.partnerAdmin.userId };
  d.history.log(redeemedOn, 'voucher.redeem', 'ReportSubmitted', 'Redeemed');
}

/** The last step of a Paid, Denied or Expired voucher, on the last day of its lifecycle. */
function finish(d: Draft, last: string): void {
  const { voucher, history, state } = d;
  const admin = SEED_PEOPLE.partnerAdmin;
  const payment = voucher.paymentRequest;
  if (state === 'Paid' && payment) {
    payment.approvedOn = addDays(last, -history.between(1, 5));
    history.note(history.stamp(payment.approvedOn, 12), 'voucher.recordApproval', admin.userId, admin.name);
    payment.paidOn = last;
    history.log(last, 'voucher.recordPayment', 'PaymentRequested', 'Paid');
  }
  if (state === 'Denied' && payment) {
    payment.deniedOn = last;
    payment.denialReason = 'Completion report deliverable missing the customer signature';
    history.log(last, 'voucher.recordDenial', 'PaymentRequested', 'Denied', admin, payment.denialReason);
  }
  if (state === 'Expired') {
    history.note(history.stamp(last, 0), 'voucher.expire', 'system:expiry', undefined, {
      from: 'Assigned',
      to: 'Expired',
    });
  }
}

/** Builds voucher `index` in `state`, with dates that are consistent with each other and with `now`. */
export function demoVoucher(tenantId: string, now: Date, index: number, state: VoucherState): Voucher {
  const history = new DemoHistory(rng(index * 7919 + 17), now);
  const today = localDate(now);
  const offer = OFFERINGS[index % OFFERINGS.length] ?? OFFERINGS[0]!;
  const customer = CUSTOMERS[(index * 5) % CUSTOMERS.length] ?? 'Contoso Ltd.';
  const days = history.pick([1, 3, 5, 5, 10]);
  const lead = SEED_CONSULTANTS[index % 3] ?? SEED_PEOPLE.consultantBeatriz;
  const life = lifecycle(history, state, today);
  const intakeOn = life.dates[0] ?? today;
  const voucher: Voucher = {
    id: `seed-${String(index + 1).padStart(5, '0')}`,
    tenantId,
    schemaVersion: 1,
    voucherNumber: `${offer.offering}-${(100000 + ((index * 7393) % 900000)).toString(36).toUpperCase()}-${String(index + 1).padStart(4, '0')}`,
    offeringId: offer.offering,
    days,
    customer: { name: customer },
    voucherAdminEmail: `pm@${customer.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    assignedOn: addDays(intakeOn, -history.between(0, 3)),
    intakeOn,
    intakeBy: SEED_PEOPLE.partnerAdmin.userId,
    source: index % 2 === 0 ? 'email' : 'manual',
    state,
    stateSince: '',
    audit: history.audit,
  };
  history.log(intakeOn, 'voucher.intake', undefined, 'Assigned');

  const draft: Draft = { voucher, history, index, state, today, offer, lead, life };
  const steps: [VoucherState, (d: Draft, on: string) => void][] = [
    ['Reserved', reserve],
    ['Delivered', deliver],
    ['ReportSubmitted', submitReport],
    ['Redeemed', redeem],
    ['PaymentRequested', requestPayment],
  ];
  let step = 1;
  for (const [reached, apply] of steps) {
    if (life.path.includes(reached)) apply(draft, life.dates[step++] ?? today);
  }
  finish(draft, life.dates[life.dates.length - 1] ?? today);

  history.audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  voucher.stateSince =
    [...history.audit].reverse().find((a) => a.to === state)?.at ?? `${today}T00:00:00.000Z`;
  return Voucher.parse(voucher);
}
