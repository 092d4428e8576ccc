import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { silentLogger } from '../../bot/logger';
import { Organization } from '../../bot/program';
import { DueIndex } from '../../bot/reminders/due-index';
import { DueScan } from '../../bot/reminders/due-scan';
import { nextDueTime } from '../../bot/reminders/due-time';
import { Ledger } from '../../bot/reminders/ledger';
import type { ProactiveAdapter } from '../../bot/reminders/proactive-post';
import { ReminderScheduler } from '../../bot/reminders/scheduler';
import type { ReminderSender } from '../../bot/reminders/sender';
import { MAX_IDLE_MS } from '../../bot/reminders/service';
import { dueReminders, type FakeVoucher } from './fake-vouchers';
import { HOURS, personalMessage, startRig, TENANT, until, type Rig } from './fixture';

const conv = (user: string) => `a:personal-${user}`;
/** How soon a worked tenant with entries handed to a sender is looked at again (the service uses its lease). */
const RECHECK_MS = 60_000;
const RECHECK = { expiryConflicts: 0, recheckMs: RECHECK_MS, maxIdleMs: MAX_IDLE_MS };
/** The fake domain has no later day of its own: a tenant wakes for its ledger entries (or the weekly net). */
const NOTHING_LATER = { dueNow: false, nextAt: undefined };

// The scheduler's deliverDue is the due scan's work here, as in ReminderService.workTenant, over fake vouchers
// and the real due index: a tenant is worked when its next due time has passed, and that time is recomputed
// from its open ledger entries. A change to the vouchers lowers the index, as a write does (due-on-write.ts).
describe('reminders: scheduler, worked by the due scan', () => {
  let rig: Rig;
  let index: DueIndex;
  let clock: sinon.SinonFakeTimers;
  let org: Organization;
  let vouchers: FakeVoucher[];
  let tenant = 0;

  before(async () => {
    rig = await startRig();
    index = new DueIndex(rig.cosmos.store);
  });
  after(async () => rig.stop());
  afterEach(async () => {
    clock.restore();
    // Each test's tenant leaves the index, so the next test's scans work only its own.
    await index.forget(org.tenantId).catch(() => undefined);
  });

  function begin(iso: string): void {
    rig.sim.reset();
    clock = sinon.useFakeTimers({
      now: Date.parse(iso),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    org = Organization.parse({
      id: 'organization',
      tenantId: `${TENANT}-${++tenant}`,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    vouchers = [];
  }

  async function user(id: string, timeZone = 'UTC', locale = 'en-US'): Promise<void> {
    await rig.capture({
      ...personalMessage(rig.sim, id),
      conversation: {
        id: conv(id),
        conversationType: 'personal',
        tenantId: org.tenantId,
        isGroup: false,
        name: '',
      },
      channelData: { tenant: { id: org.tenantId } },
      locale,
      entities: [{ type: 'clientInfo', timezone: timeZone }],
    });
  }

  /** One instance: its scheduler, and a due scan whose work is that scheduler's deliverDue. */
  function instance(sender: ReminderSender, ledger: Ledger = rig.ledger, owner?: string) {
    const sched = new ReminderScheduler({
      ledger,
      references: rig.references,
      sender,
      defaultTimeZone: 'UTC',
      businessHours: HOURS,
    });
    const scan = new DueScan({
      index,
      work: async (tenantId, now) => {
        if (tenantId !== org.tenantId) return 'gone';
        const open = await sched.deliverDue(org, dueReminders(vouchers, now), now);
        return nextDueTime({ now, schedule: NOTHING_LATER, open, ...RECHECK });
      },
      intervalSeconds: 60,
      ...(owner ? { owner } : {}),
      logger: silentLogger(),
    });
    return { sched, scan };
  }

  /** The tenant's vouchers changed: due now, as a write makes it. */
  async function wrote(): Promise<void> {
    await index.lower(org.tenantId, new Date());
  }

  async function nextDueAt(): Promise<string | undefined> {
    return (await index.get(org.tenantId))?.doc.nextDueAt;
  }

  function sender(extra: Parameters<Rig['sender']>[0] = {}): ReminderSender {
    return rig.sender({ businessHours: HOURS, random: () => 0.5, ...extra });
  }

  /** Lets every worker finish its I/O, ticking the fake clock only when all of them wait for it. */
  async function drain(senders: ReminderSender[], maxTicks = 300): Promise<void> {
    for (let i = 0; i < maxTicks; i++) {
      await until(() => senders.every((s) => s.inFlight === s.waiting));
      if (senders.every((s) => s.inFlight === 0)) return;
      await clock.tickAsync(100);
    }
    throw new Error('senders did not drain');
  }

  async function entries() {
    return (await rig.ledger.listAll(org.tenantId)).map((e) => e.doc);
  }

  it('sends inside business hours of each recipient time zone, and a future offset waits for its day', async () => {
    begin('2025-06-04T03:00:00Z'); // Wed: 12:00 in Tokyo, 00:00 in São Paulo
    await user('tokyo', 'Asia/Tokyo', 'es-ES');
    await user('saopaulo', 'America/Sao_Paulo', 'pt-BR');
    vouchers.push({
      id: 'v1',
      resolved: false,
      recipients: ['tokyo', 'saopaulo'],
      sendableOn: '2025-06-04',
      offset: -30,
    });
    vouchers.push({
      id: 'v2',
      resolved: false,
      recipients: ['tokyo'],
      sendableOn: '2025-06-06',
      offset: -14,
    });
    await wrote();
    const s = sender();
    const { scan } = instance(s);

    assert.equal((await scan.scanOnce()).tenants, 1);
    assert.equal((await entries()).length, 3, 'one entry per reminder and recipient');
    await drain([s]);
    assert.equal(rig.sim.activities(conv('tokyo')).length, 1);
    assert.equal(
      rig.sim.activities(conv('tokyo'))[0]?.activity.text,
      '[es-ES] voucherExpiry:v1:2025-06-30:-30',
    );
    assert.equal(rig.sim.activities(conv('saopaulo')).length, 0, 'midnight in São Paulo');
    const sp = (await entries()).find((e) => e.target.kind === 'user' && e.target.userId === 'saopaulo');
    assert.equal(sp?.notBefore, '2025-06-04T12:00:00.000Z');

    await clock.tickAsync(Date.parse('2025-06-04T11:59:00Z') - Date.now());
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('saopaulo')).length, 0, 'one minute before opening');
    assert.equal(await nextDueAt(), '2025-06-04T12:00:00.000Z', 'the tenant wakes when São Paulo opens');
    await clock.tickAsync(60_000);
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([s]);
    assert.equal(rig.sim.activities(conv('saopaulo')).length, 1);

    // v2 is sendable from Friday 6 June, 09:00 in Tokyo (00:00Z).
    await clock.tickAsync(Date.parse('2025-06-05T23:59:00Z') - Date.now());
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('tokyo')).length, 1);
    assert.equal(await nextDueAt(), '2025-06-06T00:00:00.000Z');
    await clock.tickAsync(60_000);
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('tokyo')).length, 2);
    // Worked again (a later write made it due): nothing is sent again.
    await clock.tickAsync(60_000);
    await wrote();
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([s]);
    assert.equal(rig.sim.activities(conv('tokyo')).length, 2);
    assert.equal(rig.sim.activities(conv('saopaulo')).length, 1);
  });

  it('a reminder whose cause is resolved before sending is dropped', async () => {
    begin('2025-06-07T10:00:00Z'); // Saturday: nothing goes out before Monday
    await user('r1');
    vouchers.push({ id: 'vr', resolved: false, recipients: ['r1'], sendableOn: '2025-06-07', offset: -7 });
    await wrote();
    const s = sender();
    const { scan } = instance(s);
    await scan.scanOnce();
    await drain([s]);
    assert.equal((await entries())[0]?.state, 'pending');
    assert.equal(await nextDueAt(), '2025-06-09T09:00:00.000Z', 'due again when the entry may go out');
    vouchers[0]!.resolved = true; // e.g. the voucher was redeemed over the weekend
    await clock.tickAsync(Date.parse('2025-06-09T09:00:00Z') - Date.now());
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([s]);
    const [e] = await entries();
    assert.equal(e?.state, 'dropped');
    assert.equal(e?.droppedReason, 'resolved');
    assert.equal(rig.sim.requestCount(), 0);
  });

  it('the last reminder before an expiry on a Sunday goes out on the weekend (in business hours, else at once) instead of being lost', async () => {
    begin('2025-06-28T07:00:00Z'); // Saturday, before opening; the voucher expires on Sunday 29 June
    await user('sun1');
    await user('sun2');
    await user('sun3');
    vouchers.push({
      id: 'vsun',
      resolved: false,
      recipients: ['sun1'],
      sendableOn: '2025-06-28',
      offset: -1,
      dueDate: '2025-06-29',
    });
    // A reminder whose due date is after the weekend still waits for Monday's opening.
    vouchers.push({
      id: 'vtue',
      resolved: false,
      recipients: ['sun3'],
      sendableOn: '2025-06-28',
      offset: -3,
      dueDate: '2025-07-01',
    });
    await wrote();
    const s = sender();
    const { scan } = instance(s);
    await scan.scanOnce();
    await drain([s]);
    const first = await entries();
    const sat = first.find((e) => e.reminderKey.startsWith('voucherExpiry:vsun:'));
    assert.equal(sat?.notBefore, '2025-06-28T09:00:00.000Z', 'Saturday at opening, not Monday');
    assert.equal(sat?.sendBy, '2025-06-29');
    assert.equal(
      first.find((e) => e.reminderKey.startsWith('voucherExpiry:vtue:'))?.notBefore,
      '2025-06-30T09:00:00.000Z',
    );
    assert.equal(rig.sim.activities(conv('sun1')).length, 0, 'not before opening hours');

    await clock.tickAsync(Date.parse('2025-06-28T09:00:00Z') - Date.now());
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('sun1')).length, 1, 'sent on Saturday');

    // Sunday evening, after closing: a reminder first seen now (the app was down) goes out at once.
    await clock.tickAsync(Date.parse('2025-06-29T18:00:00Z') - Date.now());
    vouchers.push({
      id: 'vlate',
      resolved: false,
      recipients: ['sun2'],
      sendableOn: '2025-06-28',
      offset: -1,
      dueDate: '2025-06-29',
    });
    await wrote();
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('sun2')).length, 1, 'sent on Sunday evening rather than never');

    // Monday: past the due date nothing more goes out, and what was sent stays sent.
    await clock.tickAsync(Date.parse('2025-06-30T10:00:00Z') - Date.now());
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('sun1')).length, 1);
    assert.equal(rig.sim.activities(conv('sun2')).length, 1);
    assert.equal(rig.sim.activities(conv('sun3')).length, 1, 'the Tuesday reminder on Monday');
    const states = (await entries()).filter((e) => e.reminderKey.endsWith(':-1')).map((e) => e.state);
    assert.deepEqual(states, ['sent', 'sent']);
  });

  it('also posts to the program channel when the reminder asks for it', async () => {
    begin('2025-06-04T10:00:00Z');
    await user('pc1');
    await rig.capture({
      ...personalMessage(rig.sim, 'pc1'),
      conversation: {
        id: '19:program@thread.tacv2',
        conversationType: 'channel',
        tenantId: org.tenantId,
        isGroup: true,
        name: '',
      },
      channelData: {
        tenant: { id: org.tenantId },
        team: { id: '19:team@thread.tacv2' },
        channel: { id: '19:program@thread.tacv2' },
      },
    });
    org.programChannel = { channelId: '19:program@thread.tacv2' };
    vouchers.push({
      id: 'vp',
      resolved: false,
      recipients: ['pc1'],
      sendableOn: '2025-06-04',
      offset: 0,
      toProgramChannel: true,
    });
    await wrote();
    const s = sender();
    await instance(s).scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('pc1')).length, 1);
    assert.equal(rig.sim.activities('19:program@thread.tacv2').length, 1);
  });

  // The due scan's lease keeps a tenant to one instance; a lease that ran out while its holder still works
  // (a very slow tenant) gives two at once, and the ledger and the sender's claims keep each reminder once.
  it('two instances delivering one tenant at once send nothing twice', async () => {
    begin('2025-06-04T10:00:00Z');
    const users = Array.from({ length: 40 }, (_, i) => `dup${i}`);
    for (const u of users) await user(u);
    for (const [i, u] of users.entries())
      vouchers.push({ id: `vd${i}`, resolved: false, recipients: [u], sendableOn: '2025-06-04', offset: -1 });
    const logger = silentLogger();
    const a = sender({ owner: 'instance-a', tenantShare: 0.5, concurrency: 8 });
    const b = sender({
      owner: 'instance-b',
      tenantShare: 0.5,
      concurrency: 8,
      ledger: new Ledger(rig.cosmos.store, { logger }),
    });
    const sa = instance(a, rig.ledger, 'instance-a').sched;
    const sb = instance(b, new Ledger(rig.cosmos.store, { logger }), 'instance-b').sched;
    const deliver = (sched: ReminderScheduler) => {
      const now = new Date();
      return sched.deliverDue(org, dueReminders(vouchers, now), now);
    };
    await Promise.all([deliver(sa), deliver(sb), deliver(sa), deliver(sb)]);
    await drain([a, b]);
    await Promise.all([deliver(sa), deliver(sb)]);
    await drain([a, b]);
    for (const u of users) assert.equal(rig.sim.activities(conv(u)).length, 1, u);
    assert.ok(
      a.stats.sent > 0 && b.stats.sent > 0,
      `both instances worked (a ${a.stats.sent}, b ${b.stats.sent})`,
    );
    assert.equal(a.stats.sent + b.stats.sent, users.length);
    assert.ok((await entries()).every((e) => e.state === 'sent' && e.sendCount === 1));
  });

  it('a sender that crashes mid-run: the due scan of another instance delivers the rest, nothing twice', async () => {
    begin('2025-06-04T10:00:00Z');
    const users = Array.from({ length: 12 }, (_, i) => `crash${i}`);
    for (const u of users) await user(u);
    for (const [i, u] of users.entries())
      vouchers.push({ id: `vc${i}`, resolved: false, recipients: [u], sendableOn: '2025-06-04', offset: -1 });
    await wrote();

    // Instance A: the first 5 sends go through, then the process "dies": its next sends never happen and
    // its claims are abandoned (no timeout fires, no outcome is written).
    let calls = 0;
    const hanging: ProactiveAdapter = {
      ConnectorClientKey: rig.adapter.ConnectorClientKey,
      continueConversationAsync(
        appId: string,
        ref: Partial<ConversationReference>,
        logic: (c: TurnContext) => Promise<void>,
      ) {
        calls++;
        if (calls > 5) return new Promise<void>(() => undefined);
        return rig.adapter.continueConversationAsync(appId, ref, logic);
      },
    };
    const a = sender({
      owner: 'crashing',
      adapter: hanging,
      concurrency: 4,
      sendTimeoutMs: 2_000_000_000,
      leaseMs: 120_000,
      tenantLimits: [{ max: 48, ms: 1000 }],
    });
    assert.equal((await instance(a, rig.ledger, 'crashing').scan.scanOnce()).tenants, 1);
    await until(async () => {
      const es = await entries();
      return (
        es.filter((e) => e.state === 'sent').length === 5 &&
        es.filter((e) => e.state === 'claimed').length === 4
      );
    });
    assert.equal(rig.sim.allActivities().length, 5);
    a.abandon();

    // Instance B: the tenant is due again soon after A handed its entries to A's sender; B then delivers what
    // nobody holds, and leaves A's claims alone while their lease runs.
    const b = sender({ owner: 'restarted' });
    const { scan } = instance(b, rig.ledger, 'restarted');
    assert.equal((await scan.scanOnce()).tenants, 0, 'not due again at once');
    await clock.tickAsync(RECHECK_MS);
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([b]);
    assert.equal(rig.sim.allActivities().length, 8);
    // After the lease, B takes the abandoned claims over.
    await clock.tickAsync(120_000);
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([b]);
    const all = await entries();
    for (const u of users) assert.equal(rig.sim.activities(conv(u)).length, 1, u);
    assert.ok(all.every((e) => e.state === 'sent'));
    assert.equal(all.filter((e) => e.history.some((h) => h.note?.startsWith('takeover'))).length, 4);
  });

  it('after uninstall nothing more is sent to that person', async () => {
    begin('2025-06-04T10:00:00Z');
    await user('un1');
    vouchers.push({ id: 'vu', resolved: false, recipients: ['un1'], sendableOn: '2025-06-04', offset: -7 });
    await wrote();
    const s = sender();
    const { scan } = instance(s);
    await scan.scanOnce();
    await drain([s]);
    assert.equal(rig.sim.activities(conv('un1')).length, 1);
    await rig.capture({
      ...personalMessage(rig.sim, 'un1'),
      type: 'installationUpdate',
      action: 'remove',
      conversation: {
        id: conv('un1'),
        conversationType: 'personal',
        tenantId: org.tenantId,
        isGroup: false,
        name: '',
      },
      channelData: { tenant: { id: org.tenantId } },
    } as Partial<Activity>);
    vouchers.push({ id: 'vu', resolved: false, recipients: ['un1'], sendableOn: '2025-06-04', offset: -1 });
    await clock.tickAsync(60_000);
    await wrote();
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([s]);
    assert.equal(rig.sim.requestCount(conv('un1')), 1);
    const blocked = (await entries()).find((e) => e.reminderKey.endsWith(':-1'));
    assert.match(blocked?.blocked?.reason ?? '', /inactive/);
  });

  it('snooze delivers again later, inside business hours; done stops later offsets of the cause', async () => {
    begin('2025-06-04T15:30:00Z'); // Wed 15:30 UTC
    await user('sn1');
    vouchers.push({ id: 'vs', resolved: false, recipients: ['sn1'], sendableOn: '2025-06-04', offset: -14 });
    await wrote();
    const s = sender();
    const { sched, scan } = instance(s);
    await scan.scanOnce();
    await drain([s]);
    const [sent] = await entries();
    assert.equal(sent?.state, 'sent');

    // Snooze 2 hours at 15:30 → 17:30 is after closing → Thursday 09:00.
    const res = await sched.snooze(org.tenantId, sent!.id, 2 * 3_600_000, 'sn1');
    assert.ok(res.ok);
    assert.equal((await entries())[0]?.snoozedUntil, '2025-06-05T09:00:00.000Z');
    await clock.tickAsync(Date.parse('2025-06-05T08:59:00Z') - Date.now());
    await drain([s]);
    assert.equal(rig.sim.activities(conv('sn1')).length, 1);
    await clock.tickAsync(60_000);
    await drain([s]);
    assert.equal(rig.sim.activities(conv('sn1')).length, 2, 'sent again when the snooze ended');
    assert.equal((await entries())[0]?.sendCount, 2);

    // Done: the -7 offset of the same cause is not sent to this person.
    const done = await sched.markDone(org.tenantId, sent!.id, 'sn1');
    assert.ok(done.ok);
    vouchers[0]!.offset = -7;
    await wrote();
    assert.equal((await scan.scanOnce()).tenants, 1);
    await drain([s]);
    assert.equal(rig.sim.activities(conv('sn1')).length, 2);
    const later = (await entries()).find((e) => e.reminderKey.endsWith(':-7'));
    assert.equal(later?.state, 'dropped');
    assert.equal(later?.droppedReason, 'markedDone');
    assert.deepEqual(await sched.snooze(org.tenantId, 'nope', 1000, 'x'), { ok: false, reason: 'notFound' });
  });
});
