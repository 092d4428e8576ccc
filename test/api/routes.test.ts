// The tab API's data routes over the seeded organisation: overview figures, filters, paging, sorting, the
// voucher detail, deadlines, payments, CSV, and refusal of bad parameters.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiFixture, TENANT_A, type ApiFixture } from './fixture';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import type {
  DeadlineView,
  OverviewView,
  PaymentsView,
  VoucherDetailView,
  VoucherListView,
} from '../../bot/api';

/** Minimal RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('tab API routes', function () {
  let fx: ApiFixture;
  let token: string;

  before(async () => {
    fx = await startApiFixture({ vouchersA: 40 });
    token = await fx.sign();
  });
  after(async () => {
    await fx.stop();
  });

  it('overview: pipeline counts add up to the vouchers and match the seed per state', async () => {
    const res = await fx.get('/api/tab/overview', token);
    assert.equal(res.status, 200, res.text);
    const o = res.body as OverviewView;
    assert.equal(o.voucherCount, 40);
    assert.equal(
      o.pipeline.reduce((n, s) => n + s.count, 0),
      40,
    );
    const expected = new Map<string, number>();
    for (const v of fx.seedA.vouchers) expected.set(v.state, (expected.get(v.state) ?? 0) + 1);
    for (const stage of o.pipeline) assert.equal(stage.count, expected.get(stage.state) ?? 0, stage.state);
    for (const stage of o.pipeline) assert.ok(stage.maxDaysInState >= stage.avgDaysInState);
  });

  it('overview: steps 1–3 with the renewal countdown from the enrolment date', async () => {
    const o = (await fx.get('/api/tab/overview', token)).body as OverviewView;
    assert.equal(o.setup.eligibility.status, 'met');
    assert.ok(o.setup.eligibility.offeringsMet.includes('DDPS'));
    // The seed's DDPS enrolment renews in 24 days: within the 90-day warning.
    assert.equal(o.setup.enrollment.status, 'renewalDue');
    assert.equal(o.setup.enrollment.nextRenewal?.offering, 'DDPS');
    assert.equal(o.setup.enrollment.nextRenewal?.daysLeft, 24);
    assert.equal(o.setup.profile.status, 'current');
    assert.equal(o.setup.profile.daysLeft, 65);
  });

  it('overview: deadlines are split into overdue and the next 30 days, sorted by date', async () => {
    const o = (await fx.get('/api/tab/overview', token)).body as OverviewView;
    const { overdue, upcoming } = o.deadlines;
    assert.ok(overdue.length > 0 && upcoming.length > 0);
    for (const d of overdue) assert.ok(d.daysLeft < 0);
    for (const d of upcoming) assert.ok(d.daysLeft >= 0 && d.daysLeft <= 30);
    const sorted = (list: DeadlineView[]) =>
      list.every((d, i) => i === 0 || (list[i - 1] as DeadlineView).due <= d.due);
    assert.ok(sorted(overdue) && sorted(upcoming));
    assert.ok(upcoming.some((d) => d.kind === 'enrollmentRenewal' && d.offering === 'DDPS'));
  });

  it('payments: totals per currency agree with the seeded payment requests', async () => {
    const p = (await fx.get('/api/tab/payments', token)).body as PaymentsView;
    const requested = fx.seedA.vouchers.filter((v) => v.paymentRequest);
    assert.equal(p.counts.requested, requested.length);
    for (const t of p.totals) {
      const mine = requested.filter((v) => v.paymentRequest?.currency === t.currency);
      assert.equal(
        t.requested,
        mine.reduce((n, v) => n + (v.paymentRequest?.amount ?? 0), 0),
      );
      const paid = mine.filter((v) => v.paymentRequest?.paidOn);
      assert.equal(
        t.paid,
        paid.reduce((n, v) => n + (v.paymentRequest?.amount ?? 0), 0),
      );
      assert.equal(t.outstanding + t.paid + t.denied, t.requested);
    }
  });

  it('vouchers: filters by state, offering, consultant and customer, combined', async () => {
    const list = async (q: string) =>
      (await fx.get(`/api/tab/vouchers?pageSize=200&${q}`, token)).body as VoucherListView;
    const reserved = await list('state=Reserved');
    assert.equal(reserved.total, fx.seedA.vouchers.filter((v) => v.state === 'Reserved').length);
    assert.ok(reserved.items.every((r) => r.state === 'Reserved'));

    const two = await list('state=Paid,Denied&offering=SDPS');
    assert.equal(
      two.total,
      fx.seedA.vouchers.filter((v) => (v.state === 'Paid' || v.state === 'Denied') && v.offeringId === 'SDPS')
        .length,
    );

    const diego = await list(`consultant=${SEED_PEOPLE.consultantDiego.userId}`);
    assert.ok(diego.total > 0);
    assert.ok(diego.items.every((r) => r.consultants.some((c) => c.name === 'Diego Fernández')));

    const fab = await list(`customer=${encodeURIComponent('Fabrikam, Inc.')}`);
    assert.equal(fab.total, fx.seedA.vouchers.filter((v) => v.customer.name === 'Fabrikam, Inc.').length);
    assert.ok(fab.total > 0);

    const none = await list('state=Assigned&offering=PVDPS');
    assert.equal(none.total, 0);
    assert.deepEqual(none.items, []);
  });

  it('vouchers: pages are disjoint, stable and sorted', async () => {
    const page = async (n: number) =>
      (await fx.get(`/api/tab/vouchers?sort=customer&dir=desc&pageSize=15&page=${n}`, token))
        .body as VoucherListView;
    const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
    assert.equal(p1.total, 40);
    assert.equal(p1.items.length + p2.items.length + p3.items.length, 40);
    const ids = [...p1.items, ...p2.items, ...p3.items].map((r) => r.id);
    assert.equal(new Set(ids).size, 40);
    const customers = [...p1.items, ...p2.items, ...p3.items].map((r) => r.customer.toLocaleLowerCase());
    assert.deepEqual(customers, [...customers].sort().reverse());
    assert.deepEqual((await page(9)).items, []);
  });

  it('voucher detail: the timeline in order with who did what', async () => {
    const paid = fx.seedA.vouchers.find((v) => v.state === 'Paid');
    assert.ok(paid);
    const res = await fx.get(`/api/tab/vouchers/${paid.id}`, token);
    assert.equal(res.status, 200, res.text);
    const d = res.body as VoucherDetailView;
    assert.equal(d.state, 'Paid');
    assert.deepEqual(
      d.timeline.filter((t) => t.to).map((t) => t.to),
      ['Assigned', 'Reserved', 'Delivered', 'ReportSubmitted', 'Redeemed', 'PaymentRequested', 'Paid'],
    );
    assert.ok(d.timeline.every((t, i) => i === 0 || (d.timeline[i - 1]?.at ?? '') <= t.at));
    assert.ok(d.timeline.some((t) => t.by === 'Carlos Ruiz'));
    assert.equal(d.payment?.status, 'paid');
    assert.ok(d.report && d.report.deliverables === 1);
  });

  it('voucher detail: the shareable link on the app host only when PUBLIC_HOSTNAME is set', async () => {
    const voucher = fx.seedA.vouchers[0];
    assert.ok(voucher);
    const path = `/api/tab/vouchers/${voucher.id}`;
    assert.equal((await fx.get(path, token)).status, 200);
    assert.equal(((await fx.get(path, token)).body as VoucherDetailView).link, undefined);
    // The route reads the config at each request; the bot's voucher card links to the same address.
    fx.config.publicHostname = 'companion.partner.example';
    try {
      const d = (await fx.get(path, token)).body as VoucherDetailView;
      assert.equal(d.link, `https://companion.partner.example/v/${encodeURIComponent(voucher.id)}`);
    } finally {
      delete fx.config.publicHostname;
    }
  });

  it('voucher detail: unknown and malformed ids', async () => {
    assert.equal((await fx.get('/api/tab/vouchers/does-not-exist', token)).status, 404);
    // Over-long ids never reach a handler (the router caps parameter length) or are refused by it.
    const long = await fx.get(`/api/tab/vouchers/${'x'.repeat(200)}`, token);
    assert.ok(long.status === 400 || long.status === 404, long.text);
    assert.equal((await fx.get('/api/tab/vouchers/a%20b%3Cscript%3E', token)).status, 400);
  });

  it('deadlines: a wider window includes more, an offering filter narrows', async () => {
    const d30 = (await fx.get('/api/tab/deadlines', token)).body as {
      upcoming: DeadlineView[];
      overdue: DeadlineView[];
    };
    const d365 = (await fx.get('/api/tab/deadlines?days=365', token)).body as { upcoming: DeadlineView[] };
    assert.ok(d365.upcoming.length > d30.upcoming.length);
    const sdps = (await fx.get('/api/tab/deadlines?days=365&offering=SDPS', token)).body as {
      upcoming: DeadlineView[];
    };
    assert.ok(sdps.upcoming.length > 0);
    assert.ok(sdps.upcoming.every((d) => d.offering === 'SDPS' || d.offering === undefined));
  });

  it('CSV: one row per filtered voucher, quoted where needed, formulas neutralised', async () => {
    const res = await fx.get('/api/tab/vouchers.csv?state=PaymentRequested,Paid&sort=voucherNumber', token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /attachment; filename="vouchers-2025-03-10\.csv"/,
    );
    const rows = parseCsv(res.text);
    const header = rows[0] ?? [];
    assert.equal(header[0], 'voucherNumber');
    const data = rows.slice(1);
    const expected = fx.seedA.vouchers
      .filter((v) => v.state === 'PaymentRequested' || v.state === 'Paid')
      .map((v) => v.voucherNumber)
      .sort();
    assert.deepEqual(
      data.map((r) => r[0]),
      expected,
    );
    const stateCol = header.indexOf('state');
    assert.ok(data.every((r) => r[stateCol] === 'PaymentRequested' || r[stateCol] === 'Paid'));
    // "Fabrikam, Inc." survives the comma.
    const all = parseCsv((await fx.get('/api/tab/vouchers.csv', token)).text);
    assert.ok(all.some((r) => r[1] === 'Fabrikam, Inc.'));
    assert.equal(all.length - 1, 40);
  });

  it('a tenant with nothing recorded gets an empty overview that says so', async () => {
    const tid = 'cccccccc-0000-4000-8000-00000000000c';
    const res = await fx.get(
      '/api/tab/overview',
      await fx.sign({ tid, iss: `https://login.microsoftonline.com/${tid}/v2.0` }),
    );
    assert.equal(res.status, 200, res.text);
    const o = res.body as OverviewView;
    assert.equal(o.organization.known, false);
    assert.equal(o.voucherCount, 0);
    assert.ok(o.pipeline.every((p) => p.count === 0));
    assert.equal(o.setup.enrollment.status, 'notStarted');
    assert.equal(o.setup.eligibility.status, 'notStarted');
    assert.equal(o.caller.role, 'Member');
    assert.deepEqual(o.deadlines.overdue, []);
  });

  it('reuses the tenant snapshot while nothing changed, and shows a write made anywhere at the next request', async () => {
    const assigned = fx.seedA.vouchers.find((v) => v.state === 'Assigned');
    assert.ok(assigned);
    // A snapshot is trusted only once the newest write's second is well past (Cosmos `_ts` is in whole seconds).
    await new Promise((r) => setTimeout(r, 2100));
    const before = (await fx.get('/api/tab/overview', token)).body as OverviewView;
    // The overview reads the tenant summary (never the whole voucher list).
    const list = sinon.spy(fx.vouchers, 'summary');
    try {
      const again = (await fx.get('/api/tab/overview', token)).body as OverviewView;
      assert.deepEqual(again.filters.customers, before.filters.customers);
      assert.equal(list.callCount, 0, 'unchanged data is served from the snapshot');
      // Written straight to the store, as another app instance would: no invalidate() call.
      const stored = await fx.vouchers.get(assigned.tenantId, assigned.id);
      assert.ok(stored);
      await fx.vouchers.save(
        assigned.tenantId,
        { ...stored.doc, customer: { name: 'Renamed Customer' } },
        stored.etag,
      );
      const fresh = (await fx.get('/api/tab/overview', token)).body as OverviewView;
      assert.ok(fresh.filters.customers.includes('Renamed Customer'));
      assert.equal(list.callCount, 1);
      // A second write in the same second as the first is not missed either.
      const renamed = await fx.vouchers.get(assigned.tenantId, assigned.id);
      assert.ok(renamed);
      await fx.vouchers.save(assigned.tenantId, assigned, renamed.etag);
      const restored = (await fx.get('/api/tab/overview', token)).body as OverviewView;
      assert.ok(!restored.filters.customers.includes('Renamed Customer'));
    } finally {
      list.restore();
    }
  });

  it('invalidate() makes the next request read the store', async () => {
    const list = sinon.spy(fx.vouchers, 'summary');
    try {
      fx.api.invalidate(TENANT_A);
      await fx.get('/api/tab/overview', token);
      assert.equal(list.callCount, 1);
    } finally {
      list.restore();
    }
  });

  describe('refuses bad parameters with 400 and a message naming the parameter', function () {
    const cases: [string, RegExp][] = [
      ['/api/tab/vouchers?pageSize=10000', /pageSize: must be at most 200/],
      ['/api/tab/vouchers?pageSize=0', /pageSize: must be at least 1/],
      ['/api/tab/vouchers?page=abc', /page: must be a whole number/],
      ['/api/tab/vouchers?page=1&page=2', /page: give it once/],
      ['/api/tab/vouchers?state=Bogus', /state: must be one of Assigned/],
      ['/api/tab/vouchers?sort=password', /sort: must be one of/],
      ['/api/tab/vouchers?dir=sideways', /dir: must be asc or desc/],
      ['/api/tab/vouchers?limit=5', /unknown parameter limit/],
      [`/api/tab/vouchers?q=${'a'.repeat(101)}`, /q: must be at most 100 characters/],
      [`/api/tab/vouchers?customer=${'c'.repeat(300)}`, /customer: must be at most 200 characters/],
      [
        `/api/tab/vouchers?${Array.from({ length: 30 }, (_, i) => `offering=O${i}`).join('&')}`,
        /offering: at most 20 values/,
      ],
      [`/api/tab/vouchers?offering=${'x,'.repeat(1500)}`, /query string: at most 2048 characters/],
      ['/api/tab/vouchers.csv?page=2', /unknown parameter page/],
      ['/api/tab/overview?debug=1', /unknown parameter debug/],
      ['/api/tab/deadlines?days=9999', /days: must be at most 366/],
      ['/api/tab/deadlines?days=-1', /days: must be a whole number/],
      ['/api/tab/payments?x=1', /unknown parameter x/],
    ];
    for (const [url, message] of cases) {
      it(url.length > 90 ? `${url.slice(0, 90)}…` : url, async () => {
        const res = await fx.get(url, token);
        assert.equal(res.status, 400, res.text);
        const body = res.body as { error: string; message: string };
        assert.equal(body.error, 'badRequest');
        assert.match(body.message, message);
      });
    }
  });
});

describe('tab static files', function () {
  let fx: ApiFixture;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tab-dist-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(dir, 'tab.js'), 'console.log(1)');
    fx = await startApiFixture({ tabDir: dir, vouchersA: 1, vouchersB: 1 });
  });
  after(async () => {
    await fx.stop();
  });

  it('serves the page with a CSP that only lets Teams hosts frame it', async () => {
    const res = await fx.get('/tab');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    assert.match(csp, /script-src 'self'/);
    assert.equal((await fx.get('/tab/tab.js')).text, 'console.log(1)');
  });

  it('serves only files of the build folder', async () => {
    assert.equal((await fx.get('/tab/nothere.js')).status, 404);
    assert.equal((await fx.get('/tab/..%2Fpackage.json')).status, 404);
    assert.equal((await fx.get('/tab/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd')).status, 404);
  });
});
