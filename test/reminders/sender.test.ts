import { strict as assert } from 'node:assert';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import { silentLogger } from '../../bot/logger';
import { ConversationRefDoc, ReferenceStore, referenceId } from '../../bot/reminders/references';
import type { ReminderSender } from '../../bot/reminders/sender';
import { startConnectorSim } from '../support/connector-sim';
import { makeAdapter, personalMessage, referenceOf, startRig, TENANT, until, type Rig } from './fixture';

const T0 = Date.parse('2025-06-04T10:00:00Z');
const conv = (user: string) => `a:personal-${user}`;

interface HoldingProxy {
  url: string;
  /** While true, the connector's answers are kept from the bot (the request itself goes through). */
  hold: boolean;
  /** Requests whose answer is being held. */
  held: number;
  /** Requests the bot gave up on (closed) before it got the answer. */
  aborted: number;
  close(): Promise<void>;
}

/** Sits between the bot and the connector simulator and can keep the simulator's answers from the bot. */
async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const proxy: HoldingProxy = { url: '', hold: false, held: 0, aborted: 0, close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const holding = proxy.hold;
      if (holding) {
        proxy.held++;
        res.on('close', () => {
          if (!res.writableEnded) proxy.aborted++;
        });
      }
      const upstream = request(
        new URL(req.url ?? '/', target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            if (holding) return; // never answered: the bot has to give up
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

describe('reminders: sender through CloudAdapter and the connector simulator', () => {
  let rig: Rig;
  let clock: sinon.SinonFakeTimers;

  before(async () => {
    rig = await startRig();
  });
  after(async () => rig.stop());
  beforeEach(() => {
    rig.sim.reset();
    clock = sinon.useFakeTimers({
      now: T0,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => clock.restore());

  async function entryFor(user: string, key = `test:${user}:2025-06-04:0`): Promise<string> {
    await rig.capture(personalMessage(rig.sim, user));
    const res = await rig.ledger.enqueue({
      tenantId: TENANT,
      reminderKey: key,
      target: { kind: 'user', userId: user },
      payload: { key },
      timeZone: 'UTC',
      notBefore: new Date(Date.now()),
    });
    return res.id;
  }

  async function entry(id: string) {
    const e = await rig.ledger.read(TENANT, id);
    assert.ok(e);
    return e.doc;
  }

  async function settle(sender: ReminderSender): Promise<void> {
    await until(() => sender.inFlight === 0);
    await sender.quiet();
  }

  it('sends once, in the recipient language, and records the activity id', async () => {
    const sender = rig.sender({ random: () => 0.5 });
    const id = await entryFor('ok1');
    sender.submit(TENANT, id);
    await until(() => rig.sim.activities(conv('ok1')).length === 1);
    await settle(sender);
    const [delivered] = rig.sim.activities(conv('ok1'));
    assert.equal(delivered?.activity.text, '[pt-BR] test:ok1:2025-06-04:0');
    assert.equal(delivered?.replyToId, undefined, 'a proactive post, not a reply');
    const e = await entry(id);
    assert.equal(e.state, 'sent');
    assert.equal(e.activityId, delivered?.id);
    assert.equal(e.sendCount, 1);
    // Submitting again sends nothing more.
    sender.submit(TENANT, id);
    await settle(sender);
    assert.equal(rig.sim.requestCount(conv('ok1')), 1);
  });

  it('a send timeout: the request is aborted, the outcome is unknown, and nothing is sent again before the lease has run out', async () => {
    const proxy = await startHoldingProxy(rig.sim.url);
    try {
      const references = new ReferenceStore(rig.cosmos.store, {
        serviceUrlAllowlist: [new URL(proxy.url).origin],
        logger: silentLogger(),
      });
      await references.capture(referenceOf(personalMessage(rig.sim, 'slow1', { serviceUrl: proxy.url })));
      const res = await rig.ledger.enqueue({
        tenantId: TENANT,
        reminderKey: 'test:slow1:2025-06-04:0',
        target: { kind: 'user', userId: 'slow1' },
        payload: { key: 'test:slow1:2025-06-04:0' },
        timeZone: 'UTC',
        notBefore: new Date(Date.now()),
      });
      const sender = rig.sender({ references, random: () => 0.5, sendTimeoutMs: 30_000, leaseMs: 120_000 });
      proxy.hold = true;
      sender.submit(TENANT, res.id);
      await until(() => rig.sim.activities(conv('slow1')).length === 1); // the connector accepted it; the bot does not know
      assert.equal(proxy.held, 1);

      await clock.tickAsync(30_000);
      await until(() => proxy.aborted === 1);
      await settle(sender);
      let e = await entry(res.id);
      assert.equal(e.state, 'claimed', 'still held by its claim');
      assert.match(e.lastError?.reason ?? '', /outcome unknown/);
      assert.equal(e.claim?.until, new Date(T0 + 120_000).toISOString());
      assert.equal(sender.stats.unknown, 1);

      // While the lease runs, nothing is sent again (a retry a second later could duplicate the message).
      proxy.hold = false;
      for (let i = 0; i < 8; i++) {
        await clock.tickAsync(10_000);
        await settle(sender);
      }
      assert.equal(rig.sim.requestCount(conv('slow1')), 1);

      // Once the lease has run out it is sent again (the one duplicate left: the connector had accepted it).
      await clock.tickAsync(10_000);
      await until(() => rig.sim.activities(conv('slow1')).length === 2);
      await settle(sender);
      e = await entry(res.id);
      assert.equal(e.state, 'sent');
      assert.equal(e.sendCount, 1);
    } finally {
      await proxy.close();
    }
  });

  it('429 with Retry-After: waits exactly that long, then delivers', async () => {
    const sender = rig.sender({ random: () => 0.5 });
    const id = await entryFor('ra1');
    rig.sim.failNext(conv('ra1'), { status: 429, retryAfter: 5 });
    sender.submit(TENANT, id);
    await until(() => rig.sim.requestCount(conv('ra1')) === 1);
    await settle(sender);
    let e = await entry(id);
    assert.equal(e.state, 'pending');
    assert.equal(e.lastError?.status, 429);
    assert.equal(e.notBefore, new Date(T0 + 5000).toISOString());
    const reads = sinon.spy(rig.ledger, 'read');
    try {
      await clock.tickAsync(4900);
      await settle(sender);
      assert.equal(rig.sim.requestCount(conv('ra1')), 1, 'nothing before Retry-After');
      await clock.tickAsync(200);
      await until(() => rig.sim.activities(conv('ra1')).length === 1);
      await settle(sender);
      const readsOfEntry = reads.getCalls().filter((c) => c.args[1] === id).length;
      assert.equal(readsOfEntry, 0, 'the retry claims the version its ledger write left, unread');
    } finally {
      reads.restore();
    }
    e = await entry(id);
    assert.equal(e.state, 'sent');
    assert.equal(e.attempts, 2);
  });

  it('a stale copy of an entry snoozed meanwhile: the sender queues it for the snooze end and sends it then, once', async () => {
    const sender = rig.sender({ random: () => 0.5 });
    const id = await entryFor('sz1');
    const listed = await rig.ledger.read(TENANT, id); // what a scan handed over
    assert.ok(listed);
    const until60s = new Date(T0 + 60_000);
    assert.ok((await rig.ledger.snooze(TENANT, id, until60s, 'sz1')).ok);
    sender.submit(TENANT, id, undefined, listed);
    await settle(sender);
    assert.equal(rig.sim.requestCount(conv('sz1')), 0, 'nothing before the snooze ends');
    await clock.tickAsync(60_100);
    await until(() => rig.sim.activities(conv('sz1')).length === 1);
    await settle(sender);
    assert.equal((await entry(id)).state, 'sent');
    assert.equal(rig.sim.requestCount(conv('sz1')), 1);
  });

  it("an adapter with onTurnError (the app's) does not hide a failed send: retried, not recorded as sent, no error message posted", async () => {
    const adapter = makeAdapter();
    let turnErrors = 0;
    adapter.onTurnError = async (context) => {
      turnErrors++;
      await context.sendActivity('Something went wrong');
    };
    const sender = rig.sender({ adapter, random: () => 0.5 });
    const id = await entryFor('te1');
    rig.sim.failNext(conv('te1'), { status: 429, retryAfter: 5 });
    sender.submit(TENANT, id);
    await until(() => rig.sim.requestCount(conv('te1')) === 1);
    await settle(sender);
    const e = await entry(id);
    assert.equal(e.state, 'pending');
    assert.equal(e.lastError?.status, 429);
    assert.equal(turnErrors, 0);
    assert.equal(rig.sim.requestCount(conv('te1')), 1, 'no "something went wrong" message was posted');
    await clock.tickAsync(5100);
    await until(() => rig.sim.activities(conv('te1')).length === 1);
    await settle(sender);
    assert.equal((await entry(id)).state, 'sent');
  });

  it('429 without Retry-After: exponential backoff with jitter', async () => {
    const sender = rig.sender({ random: () => 0, backoffBaseMs: 1000 });
    const id = await entryFor('nb1');
    rig.sim.failNext(conv('nb1'), { status: 429 }, { status: 429 });
    sender.submit(TENANT, id);
    await until(() => rig.sim.requestCount(conv('nb1')) === 1);
    await settle(sender);
    assert.equal((await entry(id)).notBefore, new Date(T0 + 500).toISOString()); // 1000 ms, jitter picks the low half
    await clock.tickAsync(500);
    await until(() => rig.sim.requestCount(conv('nb1')) === 2);
    await settle(sender);
    assert.equal((await entry(id)).notBefore, new Date(T0 + 500 + 1000).toISOString()); // doubled
    await clock.tickAsync(1000);
    await until(() => rig.sim.activities(conv('nb1')).length === 1);
    await settle(sender);
    assert.equal((await entry(id)).state, 'sent');
  });

  it('a burst of 5xx is retried one request per attempt (botbuilder does not retry behind our back)', async () => {
    const sender = rig.sender({ random: () => 0 });
    const id = await entryFor('fx1');
    rig.sim.failNext(
      conv('fx1'),
      { status: 500 },
      { status: 502 },
      { status: 503 },
      { status: 504 },
      { status: 412 },
    );
    sender.submit(TENANT, id);
    for (let i = 0; i < 40 && rig.sim.activities(conv('fx1')).length === 0; i++) {
      await settle(sender);
      await clock.tickAsync(1000);
    }
    await settle(sender);
    const statuses = rig.sim.requests.filter((r) => r.conversationId === conv('fx1')).map((r) => r.status);
    assert.deepEqual(statuses, [500, 502, 503, 504, 412, 201]);
    const e = await entry(id);
    assert.equal(e.state, 'sent');
    assert.equal(e.attempts, 6);
    assert.equal(e.history.filter((h) => h.note?.startsWith('retry')).length, 5);
  });

  it('5xx that does not stop: gives up after the bound and records the failure', async () => {
    const sender = rig.sender({ random: () => 0, maxAttempts: 3 });
    const id = await entryFor('fx2');
    rig.sim.failAlways(conv('fx2'), 503);
    sender.submit(TENANT, id);
    for (let i = 0; i < 20; i++) {
      await settle(sender);
      await clock.tickAsync(1000);
    }
    await settle(sender);
    assert.equal(rig.sim.requestCount(conv('fx2')), 3);
    const e = await entry(id);
    assert.equal(e.state, 'failed');
    assert.equal(e.lastError?.status, 503);
    assert.equal(e.attempts, 3);
  });

  for (const status of [403, 404]) {
    it(`${status}: the reference is marked inactive and nothing more is sent there`, async () => {
      const sender = rig.sender();
      const user = `gone${status}`;
      const first = await entryFor(user, `test:${user}:2025-06-04:-7`);
      rig.sim.failNext(conv(user), { status });
      sender.submit(TENANT, first);
      await until(() => rig.sim.requestCount(conv(user)) === 1);
      await settle(sender);
      const e = await entry(first);
      assert.equal(e.state, 'failed');
      assert.equal(e.lastError?.status, status);
      const ref = await rig.references.get(TENANT, { kind: 'user', userId: user });
      assert.equal(ref?.doc.active, false);

      const second = await rig.ledger.enqueue({
        tenantId: TENANT,
        reminderKey: `test:${user}:2025-06-04:0`,
        target: { kind: 'user', userId: user },
        payload: {},
        timeZone: 'UTC',
        notBefore: new Date(Date.now()),
      });
      sender.submit(TENANT, second.id);
      await until(async () => (await entry(second.id)).blocked !== undefined);
      await settle(sender);
      assert.equal(rig.sim.requestCount(conv(user)), 1, 'no request after the 403/404');
      assert.equal((await entry(second.id)).state, 'pending');
    });
  }

  it('a stored reference whose service URL is not allowlisted is never called', async () => {
    const outsider = await startConnectorSim();
    try {
      const sender = rig.sender();
      const now = new Date().toISOString();
      await rig.references.repo.create(
        ConversationRefDoc.parse({
          id: referenceId({ kind: 'user', userId: 'evil' }),
          tenantId: TENANT,
          type: 'conversationRef',
          scope: 'personal',
          userId: 'evil',
          conversationId: conv('evil'),
          serviceUrl: outsider.url,
          bot: { id: '28:bot' },
          user: { id: '29:evil' },
          active: true,
          capturedAt: now,
          updatedAt: now,
        }),
      );
      const res = await rig.ledger.enqueue({
        tenantId: TENANT,
        reminderKey: 'test:evil:x:0',
        target: { kind: 'user', userId: 'evil' },
        payload: {},
        timeZone: 'UTC',
        notBefore: new Date(),
      });
      sender.submit(TENANT, res.id);
      await until(async () => (await entry(res.id)).blocked !== undefined);
      await settle(sender);
      assert.equal(outsider.requests.length, 0);
      assert.equal(rig.sim.requests.length, 0);
      assert.match((await entry(res.id)).blocked?.reason ?? '', /service URL refused/);
    } finally {
      await outsider.close();
    }
  });

  it('many messages to one conversation stay inside the Teams windows (the simulator never has to say 429)', async () => {
    const sender = rig.sender();
    await rig.capture(personalMessage(rig.sim, 'busy'));
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await rig.ledger.enqueue({
        tenantId: TENANT,
        reminderKey: `busy:${i}:d:0`,
        target: { kind: 'user', userId: 'busy' },
        payload: { key: `busy:${i}` },
        timeZone: 'UTC',
        notBefore: new Date(),
      });
      ids.push(res.id);
    }
    for (const id of ids) sender.submit(TENANT, id);
    for (let i = 0; i < 200 && rig.sim.activities(conv('busy')).length < 20; i++) {
      // Advance the clock only when every worker is waiting for it, so I/O never spans fake time.
      await until(() => sender.inFlight === sender.waiting);
      await clock.tickAsync(100);
    }
    await settle(sender);
    assert.equal(rig.sim.activities(conv('busy')).length, 20);
    assert.equal(rig.sim.requests.filter((r) => r.status === 429).length, 0);
    // 8 per 2 s: the 20 sends span at least 4 s of (fake) time.
    const times = rig.sim.activities(conv('busy')).map((a) => a.at);
    assert.ok((times.at(-1) as number) - (times[0] as number) >= 4000);
  });
});
