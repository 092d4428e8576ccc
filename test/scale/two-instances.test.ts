// Scale-out: two app processes' worth of the real composition (startApp) on different ports, one database.
// Any instance can serve any turn; ETags make concurrent edits across instances safe.
import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../bot/app';
import { t } from '../../bot/i18n';
import type { OrganizationRepository } from '../../bot/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import { invokeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { post, startTestApp } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';
import { seedReadyOrganization, seedVoucher, ADMIN } from '../conversation/fixtures';

const TENANT = 'tenant-two-instances';

describe('two instances on one database behave as one', function () {
  this.timeout(60_000);
  let cosmos: EmbeddedCosmos;
  let a: App;
  let b: App;
  let connector: LocalConnector;
  let orgs: OrganizationRepository;
  const me = (o: Partial<ActivityOptions> = {}): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    tenantId: TENANT,
    userId: 'admin-1',
    userName: 'Ana Souza',
    ...o,
  });
  // Read-only turns may show an instance's own copy of a document up to READ_CACHE_MS old (bot/teams/repos.ts);
  // short here so the tests can wait it out. Changes always work on the current version.
  const READ_CACHE_MS = 300;
  const env = (): Record<string, string> => ({
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: 'k',
    COSMOS_DATABASE: 'scale',
    READ_CACHE_MS: String(READ_CACHE_MS),
  });

  before(async () => {
    cosmos = await startEmbeddedCosmos();
    connector = await startLocalConnector();
    a = await startTestApp(env());
    b = await startTestApp(env());
    orgs = a.store.repos.organizations;
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await connector?.stop();
    await cosmos?.stop();
  });

  it('run on different ports and share no embedded database of their own', () => {
    assert.notEqual(a.url, b.url);
    assert.equal(a.embedded, undefined);
    assert.equal(b.embedded, undefined);
  });

  it('a turn served by one instance is seen by a turn served by the other', async () => {
    assert.equal((await post(`${a.url}/api/messages`, messageActivity(me(), 'hello'))).status, 200);
    const created = await orgs.get(TENANT);
    assert.ok(created, 'the first contact on A created the organisation');
    assert.ok(created.doc.people.some((p) => p.userId === 'admin-1'));

    // B claims the Global admin role on the organisation A created, with the ETag the card would carry.
    const res = await post(
      `${b.url}/api/messages`,
      invokeActivity(me(), 'people.claimGlobalAdmin', { etag: created.etag }),
    );
    assert.equal(res.status, 200);
    const after = await orgs.get(TENANT);
    assert.ok(after?.doc.people.find((p) => p.userId === 'admin-1')?.roles.includes('globalAdmin'));

    // A answers from the same state: claiming again is refused because someone (the same person) holds it.
    const again = await post(
      `${a.url}/api/messages`,
      invokeActivity(me(), 'people.claimGlobalAdmin', { etag: after!.etag }),
    );
    assert.equal(again.status, 200);
    assert.equal((await orgs.get(TENANT))?.etag, after!.etag, 'the refused claim changed nothing');
  });

  it('the same edit sent to both instances at once is applied once; the other is told it changed', async () => {
    const current = await orgs.get(TENANT);
    assert.ok(current);
    const data = { step: 'submit', etag: current.etag, updatedOn: new Date().toISOString().slice(0, 10) };
    const [ra, rb] = await Promise.all([
      post(`${a.url}/api/messages`, invokeActivity(me(), 'profile.update', data)),
      post(`${b.url}/api/messages`, invokeActivity(me(), 'profile.update', data)),
    ]);
    assert.equal(ra.status, 200);
    assert.equal(rb.status, 200);
    const stored = await orgs.get(TENANT);
    const updates = stored!.doc.audit.filter((e) => e.action === 'businessProfile.update');
    assert.equal(updates.length, 1, 'exactly one of the two writes landed');
    const stale = t('en', 'notice.stale');
    const told = [ra.text, rb.text].filter((body) => body.includes(stale));
    assert.equal(told.length, 1, 'the other caller got the "changed since you opened it" card');
  });

  /** voucher.show on an instance, asked for by hand or sent by Teams as an automatic refresh. */
  const showOn = (app: App, who: ActivityOptions, voucherId: string, trigger: 'manual' | 'automatic') => {
    const activity = invokeActivity(who, 'voucher.show', { voucherId });
    (activity.value as { trigger: string }).trigger = trigger;
    return post(`${app.url}/api/messages`, activity);
  };

  it('a change on one instance works on what another instance wrote a moment before, whatever copy it showed', async () => {
    // A third instance whose read-only views may lag by a whole minute, so what it holds is certain.
    const c = await startTestApp({ ...env(), READ_CACHE_MS: '60000' });
    try {
      const tenantId = 'tenant-two-instances-cache';
      const harness = { repos: a.store.repos } as Parameters<typeof seedReadyOrganization>[0];
      await seedReadyOrganization(harness, tenantId);
      // These instances run on the real clock: dates relative to today.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const v1 = await seedVoucher(harness, tenantId, 'v-CACHE-1', 'Assigned', {
        assignedOn: day(-5),
        intakeOn: day(-5),
      });
      const admin = me({ tenantId, userId: ADMIN });
      const stale = t('en', 'notice.stale');
      const reservedState = new RegExp(`"${t('en', 'state.Reserved')}"`);
      const show = (trigger: 'manual' | 'automatic') => showOn(c, admin, 'v-CACHE-1', trigger);

      // C shows the voucher (and so holds that version); A then reserves it.
      assert.doesNotMatch((await show('manual')).text, reservedState);
      const reserve = {
        step: 'submit',
        engagementId: 'sdps-sharepoint',
        deliveryCountry: 'BR',
        partnerLocationId: 'sp-br',
        plannedStart: day(14),
        plannedEnd: day(18),
        consultants: 'cons-1',
        offsiteDays: '0',
      };
      const onA = await post(
        `${a.url}/api/messages`,
        invokeActivity(admin, 'voucher.reserve', { ...reserve, voucherId: 'v-CACHE-1', etag: v1.etag }),
      );
      assert.doesNotMatch(onA.text, new RegExp(stale));
      const v2 = await harness.repos.vouchers.get(tenantId, 'v-CACHE-1');
      assert.equal(v2?.doc.state, 'Reserved');

      // A view asked for by hand on C may still be C's older copy: that is the READ_CACHE_MS bound.
      assert.doesNotMatch((await show('manual')).text, reservedState);
      // The old card submitted on C: C takes the version it holds, and its ETag-checked write is refused.
      const oldCard = await post(
        `${c.url}/api/messages`,
        invokeActivity(admin, 'voucher.reserve', { ...reserve, voucherId: 'v-CACHE-1', etag: v1.etag }),
      );
      // Told what happened meanwhile, by whom (issue #14 item 12), with the current card.
      assert.match(oldCard.text, /Already done: Reserved, by /);
      assert.equal(
        (await harness.repos.vouchers.get(tenantId, 'v-CACHE-1'))?.etag,
        v2!.etag,
        'nothing changed',
      );
      assert.match(
        (await show('manual')).text,
        reservedState,
        'the conflict replaced C’s copy with the current version',
      );
    } finally {
      await c.stop();
    }
  });

  it('Teams’ automatic refresh after a change on another instance never shows the older card', async () => {
    const c = await startTestApp({ ...env(), READ_CACHE_MS: '60000' });
    try {
      const tenantId = 'tenant-two-instances-refresh';
      const harness = { repos: a.store.repos } as Parameters<typeof seedReadyOrganization>[0];
      await seedReadyOrganization(harness, tenantId);
      const v1 = await seedVoucher(harness, tenantId, 'v-REFRESH-1', 'Reserved');
      const admin = me({ tenantId, userId: ADMIN });
      const show = (trigger: 'manual' | 'automatic') => showOn(c, admin, 'v-REFRESH-1', trigger);
      const cancelledNotice = 'customer postponed';
      assert.doesNotMatch((await show('manual')).text, new RegExp(cancelledNotice));
      // A cancels the reservation; its card is updated for everyone, and each person's Teams asks for a refresh.
      const onA = await post(
        `${a.url}/api/messages`,
        invokeActivity(admin, 'voucher.cancelReservation', {
          step: 'submit',
          voucherId: 'v-REFRESH-1',
          etag: v1.etag,
          reason: cancelledNotice,
        }),
      );
      assert.doesNotMatch(onA.text, new RegExp(t('en', 'notice.stale')));
      assert.doesNotMatch(onA.text, /Already done: /);
      assert.equal((await harness.repos.vouchers.get(tenantId, 'v-REFRESH-1'))?.doc.state, 'Assigned');
      assert.doesNotMatch(
        (await show('manual')).text,
        new RegExp(cancelledNotice),
        'a view by hand on C: its older copy, within the bound',
      );
      assert.match(
        (await show('automatic')).text,
        new RegExp(cancelledNotice),
        'the refresh: the current version',
      );
    } finally {
      await c.stop();
    }
  });

  it('stopping one instance mid-turn loses nothing: its turn finishes, the other keeps serving', async () => {
    // A connector that holds replies, so A's turn is in flight when A is told to stop.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const replies: unknown[] = [];
    const slow = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        void held.then(() => {
          replies.push(JSON.parse(body || '{}'));
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"r"}');
        });
      });
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    try {
      const before = await orgs.get(TENANT);
      const turn = post(
        `${a.url}/api/messages`,
        messageActivity(me({ serviceUrl: slowUrl, userId: 'member-2', userName: 'Bruno Lima' }), 'hello'),
      );
      while (a.http.inFlight() === 0) await new Promise((r) => setTimeout(r, 10));
      const stopping = a.stop();
      // B serves while A drains.
      const onB = await post(`${b.url}/api/messages`, messageActivity(me(), 'status'));
      assert.equal(onB.status, 200);
      release();
      assert.equal((await turn).status, 200);
      await stopping;
      assert.equal(replies.length, 1, "A's in-flight turn delivered its reply");
      const after = await orgs.get(TENANT);
      assert.ok(
        after?.doc.people.some((p) => p.userId === 'member-2'),
        "A's turn recorded the new person",
      );
      assert.notEqual(after?.etag, before?.etag);
      // A change made on B at once works on the version A wrote (B's copy, read by the "status" turn above, is older).
      const assigned = await post(
        `${b.url}/api/messages`,
        invokeActivity(me(), 'people.assignRole', {
          step: 'submit',
          etag: after!.etag,
          userId: 'member-2',
          role: 'consultant',
        }),
      );
      assert.equal(assigned.status, 200);
      assert.doesNotMatch(assigned.text, new RegExp(t('en', 'notice.stale')));
      assert.doesNotMatch(assigned.text, /Already done: /);
      const final = await orgs.get(TENANT);
      assert.ok(
        final?.doc.people.find((p) => p.userId === 'member-2')?.roles.includes('consultant'),
        "B's change landed on A's version",
      );
      // And B's views show it (after at most READ_CACHE_MS).
      await new Promise((r) => setTimeout(r, READ_CACHE_MS + 50));
      const res = await post(`${b.url}/api/messages`, invokeActivity(me(), 'nav.people', {}));
      assert.equal(res.status, 200);
      assert.match(res.text, /Bruno Lima/);
    } finally {
      release();
      slow.closeAllConnections();
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });
});
