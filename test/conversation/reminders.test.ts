// Proactive reminders end to end, over HTTP: the whole app (startApp, reminders on, development defaults so a
// loopback connector is allowed) with the connector simulator as the Teams service. People talk to the bot
// (their conversation references are captured), vouchers reach a reminder, the scan sends it, and the card's
// buttons are invoked like Teams would. The clock starts at a fixed date and flows in real time (retries after
// a 429 need time to pass); every assertion is about what arrived and what is stored, never about timing.
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { formatDate, t } from '../../bot/i18n';
import { silentLogger } from '../../bot/logger';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/store/embedded';
import type { Repos } from '../../bot/teams/repos';
import { savedNotice } from '../../cards';
import { invokeActivity, messageActivity } from '../support/activities';
import { post } from '../support/app';
import { startConnectorSim, type ConnectorSim } from '../support/connector-sim';
import { ADMIN, CONSULTANT, MEMBER, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';
import { actionsOf, cardText, noticeOf, type Card, type Harness } from './harness';

const START = '2026-05-05T12:00:00Z'; // a Tuesday, inside 9–17 UTC
const TODAY = '2026-05-05';
const THREE_DAYS_AGO = '2026-05-02';

/** A clock set to a fixed instant that then runs at real speed. */
function settableClock(iso: string): { now: () => Date; set(iso: string): void } {
  let offset = Date.parse(iso) - Date.now();
  return { now: () => new Date(Date.now() + offset), set: (at) => (offset = Date.parse(at) - Date.now()) };
}

async function startReminderApp(clock: { now: () => Date }, env: Record<string, string> = {}): Promise<App> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'psc-rem-'));
  const result = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REMINDERS_ENABLED: 'true',
    REMINDER_SCAN_SECONDS: '86400', // the test drives the scans
    DEFAULT_TIME_ZONE: 'UTC',
    BUSINESS_HOURS: '9-17',
    ...env,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return startApp(result.config, silentLogger(), { now: clock.now });
}

/** Waits (real time, bounded) until `cond` holds. */
async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`not reached: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const conv = (tenantId: string, userId: string) => `a:conv-${tenantId}-${userId}`;

interface Talk {
  app: App;
  sim: ConnectorSim;
}

function talk({ app, sim }: Talk) {
  const opts = (tenantId: string, userId: string, locale: string) => ({
    serviceUrl: sim.url,
    tenantId,
    userId,
    locale,
  });
  return {
    /** A message from a person in their personal chat; resolves with the card the bot answered. */
    async say(tenantId: string, userId: string, text: string, locale = 'en-US'): Promise<Card> {
      const before = sim.activities(conv(tenantId, userId)).length;
      const res = await post(
        `${app.url}/api/messages`,
        messageActivity(opts(tenantId, userId, locale), text),
      );
      assert.equal(res.status, 200, res.text);
      await until(() => sim.activities(conv(tenantId, userId)).length > before, 'the reply');
      const reply = sim.activities(conv(tenantId, userId))[before];
      return ((reply?.activity.attachments as { content: Card }[] | undefined) ?? [])[0]?.content as Card;
    },
    /** A card action (Action.Execute); resolves with the card in the HTTP answer. */
    async act(
      tenantId: string,
      userId: string,
      verb: string,
      data: Record<string, unknown>,
      locale = 'en-US',
    ): Promise<Card> {
      const res = await post(
        `${app.url}/api/messages`,
        invokeActivity(opts(tenantId, userId, locale), verb, data),
      );
      assert.equal(res.status, 200, res.text);
      return (res.body as { value: Card }).value;
    },
  };
}

/** Cards the bot sent on its own (not replies) into a conversation. */
function proactiveCards(sim: ConnectorSim, conversationId: string): Card[] {
  return sim
    .activities(conversationId)
    .filter((a) => !a.replyToId)
    .flatMap((a) =>
      ((a.activity.attachments as { content: Card }[] | undefined) ?? []).map((x) => x.content),
    );
}

function reminderIdOf(card: Card): string | undefined {
  return actionsOf(card).find((a) => a.verb === 'reminder.snooze' || a.verb === 'reminder.done')?.data
    .reminderId as string | undefined;
}

describe('conversation: proactive reminders, the whole app over HTTP', function () {
  this.timeout(60_000);
  let sim: ConnectorSim;
  let app: App;
  let repos: Repos;
  let h: Harness;
  const clock = settableClock(START);
  let people: ReturnType<typeof talk>;

  before(async () => {
    sim = await startConnectorSim();
    app = await startReminderApp(clock);
    repos = app.store.repos;
    h = { repos } as unknown as Harness; // the fixtures only write through the repositories
    people = talk({ app, sim });
  });
  after(async () => {
    await app?.stop();
    await sim?.close();
  });
  afterEach(() => clock.set(START));

  async function newTenant(id: string): Promise<void> {
    await seedReadyOrganization(h, id);
  }

  it('a due reminder reaches the partner admin once, in their language (pt-BR and en), and its snooze and done work over HTTP', async () => {
    const [A, B] = ['tenant-rem-a', 'tenant-rem-b'];
    await newTenant(A);
    await newTenant(B);
    await people.say(A, PARTNER_ADMIN, 'oi', 'pt-BR');
    await people.say(B, PARTNER_ADMIN, 'hello', 'en-US');
    await seedVoucher(h, A, 'v-REMA-0001', 'Assigned', {
      assignedOn: THREE_DAYS_AGO,
      intakeOn: THREE_DAYS_AGO,
    });
    await seedVoucher(h, B, 'v-REMB-0001', 'Assigned', {
      assignedOn: THREE_DAYS_AGO,
      intakeOn: THREE_DAYS_AGO,
    });

    const summary = await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    assert.ok(summary.tenants >= 2, 'the scan lists every tenant');
    const [cardA, ...moreA] = proactiveCards(sim, conv(A, PARTNER_ADMIN));
    const [cardB, ...moreB] = proactiveCards(sim, conv(B, PARTNER_ADMIN));
    assert.ok(cardA && cardB, 'one reminder each');
    assert.deepEqual([moreA.length, moreB.length], [0, 0]);
    assert.match(cardText(cardA), new RegExp(t('pt-BR', 'reminder.voucherReserve.title')));
    assert.match(cardText(cardA), /REMA-0001/);
    assert.match(cardText(cardA), /Customer of v-REMA-0001/, 'the customer is looked up at send time');
    assert.match(cardText(cardB), new RegExp(t('en', 'reminder.voucherReserve.title')));
    assert.doesNotMatch(cardText(cardA), new RegExp(t('en', 'reminder.voucherReserve.title')));

    // Scanning again sends nothing new.
    await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    assert.equal(proactiveCards(sim, conv(A, PARTNER_ADMIN)).length, 1);
    assert.equal(proactiveCards(sim, conv(B, PARTNER_ADMIN)).length, 1);

    // Snooze (pt-BR) from the card, as Teams sends it: the card's data plus the chosen input.
    const idA = reminderIdOf(cardA);
    assert.ok(idA);
    const sentA = await app.reminders.ledger.read(A, idA);
    assert.equal(sentA?.doc.state, 'sent');
    assert.equal(sentA?.doc.locale ?? 'pt-BR', 'pt-BR');
    // Somebody else cannot snooze another person's reminder.
    const foreign = await people.act(A, ADMIN, 'reminder.snooze', { reminderId: idA, snoozeDays: '3' });
    assert.match(noticeOf(foreign) ?? cardText(foreign), /I could not find that/);
    assert.equal((await app.reminders.ledger.read(A, idA))?.doc.state, 'sent');
    const snoozed = await people.act(
      A,
      PARTNER_ADMIN,
      'reminder.snooze',
      { reminderId: idA, snoozeDays: '3' },
      'pt-BR',
    );
    const afterSnooze = await app.reminders.ledger.read(A, idA);
    assert.equal(afterSnooze?.doc.state, 'snoozed');
    assert.ok(
      (afterSnooze?.doc.snoozedUntil ?? '') >= '2026-05-08T09:00:00.000Z',
      afterSnooze?.doc.snoozedUntil,
    );
    // The answer is the reminder itself (its action still there) with "snoozed until <date>" on top.
    const until = formatDate('pt-BR', (afterSnooze?.doc.snoozedUntil ?? '').slice(0, 10));
    assert.equal(noticeOf(snoozed), t('pt-BR', 'reminder.snoozedNotice', { date: until }));
    assert.doesNotMatch(cardText(snoozed), new RegExp(savedNotice('pt-BR').text.replace('.', '\\.')));
    assert.match(cardText(snoozed), new RegExp(t('pt-BR', 'reminder.voucherReserve.title')));
    assert.match(cardText(snoozed), /REMA-0001/);
    assert.ok(
      actionsOf(snoozed).some((a) => a.verb === 'voucher.reserve'),
      'the resolving action is still there',
    );
    assert.equal(reminderIdOf(snoozed), idA);

    // Done (en).
    const idB = reminderIdOf(cardB);
    assert.ok(idB);
    const done = await people.act(B, PARTNER_ADMIN, 'reminder.done', { reminderId: idB });
    assert.equal(noticeOf(done), t('en', 'reminder.doneNotice'));
    assert.match(cardText(done), new RegExp(t('en', 'reminder.voucherReserve.title')));
    assert.ok(
      actionsOf(done).some((a) => a.verb === 'voucher.reserve'),
      'the resolving action is still there',
    );
    assert.ok(
      !actionsOf(done).some((a) => a.verb === 'reminder.snooze' || a.verb === 'reminder.done'),
      'nothing left to snooze',
    );
    const afterDone = await app.reminders.ledger.read(B, idB);
    assert.equal(afterDone?.doc.state, 'done');
    assert.equal(afterDone?.doc.doneBy, PARTNER_ADMIN);
  });

  it('"reminders" lists what is scheduled for 30 days with its delivery state; admins get the test action, members do not', async () => {
    const C = 'tenant-rem-c';
    await newTenant(C);
    await people.say(C, PARTNER_ADMIN, 'hello');
    await seedVoucher(h, C, 'v-LIST-0001', 'Assigned', {
      assignedOn: THREE_DAYS_AGO,
      intakeOn: THREE_DAYS_AGO,
    });
    await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    assert.equal(proactiveCards(sim, conv(C, PARTNER_ADMIN)).length, 1);

    const list = await people.say(C, PARTNER_ADMIN, 'reminders');
    const text = cardText(list);
    assert.match(text, new RegExp(t('en', 'reminderList.title')));
    assert.match(text, /LIST-0001/);
    // Day 3 was sent; day 7 (May 9) is still to come.
    assert.match(text, new RegExp(`${t('en', 'reminderList.state.sent')}`));
    assert.match(text, new RegExp(t('en', 'reminderList.state.scheduled')));
    assert.match(text, /May 9, 2026/);
    assert.ok(
      actionsOf(list).some((a) => a.verb === 'reminder.test'),
      'the partner admin may ask for a test reminder',
    );

    await people.say(C, MEMBER, 'hi');
    const memberList = await people.say(C, MEMBER, 'lembretes', 'pt-BR');
    assert.match(cardText(memberList), new RegExp(t('pt-BR', 'reminderList.title')));
    assert.ok(
      !actionsOf(memberList).some((a) => a.verb === 'reminder.test'),
      'members do not get the test action',
    );

    const empty = 'tenant-rem-c-empty';
    await repos.organizations.getOrCreate(empty, new Date(START));
    const nothing = await people.say(empty, 'someone-1', 'reminders');
    assert.match(cardText(nothing), new RegExp(t('en', 'reminderList.empty', { days: 30 })));
  });

  it('"reminders" shows a reminder nobody could deliver as "not delivered to <who>: <reason>" with what to do', async () => {
    const G = 'tenant-rem-g';
    await newTenant(G);
    await people.say(G, PARTNER_ADMIN, 'hello');
    // The consultant on the voucher never opened a chat with the bot.
    await seedVoucher(h, G, 'v-BLK-0001', 'Reserved', { expiresOn: '2026-05-12' }); // -7 days: today
    await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    assert.equal(proactiveCards(sim, conv(G, PARTNER_ADMIN)).length, 1, 'the partner admin got it');
    const toConsultant = (await app.reminders.ledger.listAll(G)).find(
      (e) => e.doc.target.kind === 'user' && e.doc.target.userId === CONSULTANT,
    );
    assert.match(toConsultant?.doc.blocked?.reason ?? '', /no conversation reference/);

    for (const [locale, text] of [
      ['en', 'reminders'],
      ['pt-BR', 'lembretes'],
    ] as const) {
      const list = await people.say(G, PARTNER_ADMIN, text, locale);
      const expected = t(locale, 'reminderList.state.blocked', {
        names: 'Carla Dias',
        reason: t(locale, 'reminderList.blocked.noChat'),
      });
      assert.ok(cardText(list).includes(expected), `${locale}: ${cardText(list)}`);
    }
  });

  it('"send me a test reminder" delivers a sample to the caller\'s personal chat at once, at night too; a member is refused', async () => {
    const T = 'tenant-rem-t';
    await newTenant(T);
    await people.say(T, PARTNER_ADMIN, 'oi', 'pt-BR');
    await people.say(T, MEMBER, 'hi');
    clock.set('2026-05-09T23:30:00Z'); // Saturday night: no ordinary reminder would go out now

    const answer = await people.act(T, PARTNER_ADMIN, 'reminder.test', {}, 'pt-BR');
    assert.match(noticeOf(answer) ?? '', new RegExp(t('pt-BR', 'reminderList.testSent')));
    await until(() => proactiveCards(sim, conv(T, PARTNER_ADMIN)).length === 1, 'the test reminder');
    const [sample] = proactiveCards(sim, conv(T, PARTNER_ADMIN));
    assert.match(cardText(sample), new RegExp(t('pt-BR', 'reminder.testNotice').slice(0, 30)));
    // Its buttons work like a real reminder's.
    const id = reminderIdOf(sample as Card);
    assert.ok(id);
    await people.act(T, PARTNER_ADMIN, 'reminder.done', { reminderId: id }, 'pt-BR');
    assert.equal((await app.reminders.ledger.read(T, id))?.doc.state, 'done');

    const refused = await people.act(T, MEMBER, 'reminder.test', {});
    assert.match(noticeOf(refused) ?? '', new RegExp(t('en', 'notice.refusedTitle')));
    assert.match(noticeOf(refused) ?? '', /Global admin/);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(proactiveCards(sim, conv(T, MEMBER)).length, 0);

    // Free text works too, for a Global admin whose first message this is.
    await people.say(T, ADMIN, 'send me a test reminder');
    await until(() => proactiveCards(sim, conv(T, ADMIN)).length === 1, "the Global admin's test reminder");
  });

  it('a recorded payment outcome goes out at once to the partner admin and the program channel, each in its language', async () => {
    const D = 'tenant-rem-d';
    const channelId = '19:program-d@thread.tacv2';
    const seeded = await seedReadyOrganization(h, D);
    await repos.organizations.save(
      D,
      { ...seeded.doc, programChannel: { channelId, teamId: '19:team-d' } },
      seeded.etag,
    );
    await people.say(D, PARTNER_ADMIN, 'oi', 'pt-BR');
    // Someone mentions the bot in the program channel (Spanish client): the channel's reference is captured.
    const inChannel = {
      ...messageActivity(
        {
          serviceUrl: sim.url,
          tenantId: D,
          userId: MEMBER,
          locale: 'es-ES',
          conversationId: channelId,
          conversationType: 'channel',
        },
        'hola',
      ),
      channelData: { tenant: { id: D }, team: { id: '19:team-d' }, channel: { id: channelId } },
    };
    assert.equal((await post(`${app.url}/api/messages`, inChannel)).status, 200);
    await until(() => sim.activities(channelId).length === 1, 'the reply in the channel');

    const paid = await seedVoucher(h, D, 'v-PAID-0001', 'PaymentRequested');
    const denied = await seedVoucher(h, D, 'v-DENY-0001', 'PaymentRequested');
    await people.act(
      D,
      PARTNER_ADMIN,
      'payment.recordOutcome',
      { voucherId: paid.doc.id, etag: paid.etag, outcome: 'paid', outcomeOn: TODAY, paidAmount: '1000' },
      'pt-BR',
    );
    assert.equal((await repos.vouchers.get(D, paid.doc.id))?.doc.state, 'Paid');
    // No scan is run here: the write itself triggers one for the tenant.
    await until(
      () =>
        proactiveCards(sim, conv(D, PARTNER_ADMIN)).length === 1 &&
        proactiveCards(sim, channelId).length === 1,
      'the payment news to the partner admin and the channel',
    );
    assert.match(
      cardText(proactiveCards(sim, conv(D, PARTNER_ADMIN))[0]),
      new RegExp(t('pt-BR', 'reminder.paymentReceived.title')),
    );
    assert.match(
      cardText(proactiveCards(sim, channelId)[0]),
      new RegExp(t('es-ES', 'reminder.paymentReceived.title')),
    );

    await people.act(
      D,
      PARTNER_ADMIN,
      'payment.recordOutcome',
      {
        voucherId: denied.doc.id,
        etag: denied.etag,
        outcome: 'denied',
        outcomeOn: TODAY,
        denialReason: 'Missing signature',
      },
      'pt-BR',
    );
    await until(
      () =>
        proactiveCards(sim, conv(D, PARTNER_ADMIN)).length === 2 &&
        proactiveCards(sim, channelId).length === 2,
      'the denial news',
    );
    assert.match(
      cardText(proactiveCards(sim, conv(D, PARTNER_ADMIN))[1]),
      new RegExp(t('pt-BR', 'reminder.paymentDenied.title')),
    );
    assert.match(
      cardText(proactiveCards(sim, channelId)[1]),
      new RegExp(t('es-ES', 'reminder.paymentDenied.title')),
    );

    // The channel's copy is seen by everyone there: a member (or a consultant, whose role the payment does not
    // need) cannot snooze it or mark it done; the partner admin can.
    const channelEntry = (await app.reminders.ledger.listAll(D)).find(
      (e) => e.doc.target.kind === 'channel' && e.doc.payload.kind === 'paymentDenied',
    );
    assert.ok(channelEntry);
    const before = await app.reminders.ledger.read(D, channelEntry.doc.id);
    for (const who of [MEMBER, CONSULTANT]) {
      for (const [verb, data] of [
        ['reminder.done', {}],
        ['reminder.snooze', { snoozeDays: '1' }],
      ] as const) {
        const refused = await people.act(D, who, verb, { reminderId: channelEntry.doc.id, ...data });
        assert.match(noticeOf(refused) ?? '', new RegExp(t('en', 'notice.refusedTitle')), `${who} ${verb}`);
        assert.match(noticeOf(refused) ?? '', /MPN partner admin/);
      }
    }
    const unchanged = await app.reminders.ledger.read(D, channelEntry.doc.id);
    assert.equal(unchanged?.etag, before?.etag, 'nothing changed');
    assert.equal(unchanged?.doc.state, 'sent');
    const allowed = await people.act(D, PARTNER_ADMIN, 'reminder.done', { reminderId: channelEntry.doc.id });
    assert.equal(noticeOf(allowed), t('en', 'reminder.doneNotice'));
    assert.equal((await app.reminders.ledger.read(D, channelEntry.doc.id))?.doc.state, 'done');
  });

  it('a voucher expiring on a Sunday: its last reminder (-1 day) goes out on Saturday, not lost to the weekend', async () => {
    const S = 'tenant-rem-sunday';
    await newTenant(S);
    await people.say(S, PARTNER_ADMIN, 'hello');
    await seedVoucher(h, S, 'v-SUN-0001', 'Assigned', { expiresOn: '2026-05-10' }); // Sunday
    clock.set('2026-05-09T10:00:00Z'); // Saturday, 10:00 UTC
    await app.reminders.scanOnce();
    await app.reminders.sender.settled();
    const cards = proactiveCards(sim, conv(S, PARTNER_ADMIN));
    assert.equal(cards.length, 1);
    assert.match(cardText(cards[0]), new RegExp(t('en', 'reminder.voucherExpiry.title')));
    assert.match(cardText(cards[0]), /SUN-0001/);
    const entry = await app.reminders.ledger.read(S, reminderIdOf(cards[0] as Card) ?? '');
    assert.equal(entry?.doc.reminderKey, 'voucherExpiry:v-SUN-0001:2026-05-10:-1');
    assert.equal(entry?.doc.state, 'sent');
  });

  it('the scan moves a voucher past its expiry to Expired through the domain, with an audit entry by the app', async () => {
    const E = 'tenant-rem-e';
    await newTenant(E);
    const old = await seedVoucher(h, E, 'v-OLD-0001', 'Assigned', {
      assignedOn: '2025-10-01',
      intakeOn: '2025-10-01',
    });
    const fresh = await seedVoucher(h, E, 'v-NEW-0001', 'Assigned', {
      assignedOn: THREE_DAYS_AGO,
      intakeOn: THREE_DAYS_AGO,
    });
    await app.reminders.scanOnce();
    await app.reminders.sender.settled();

    const expired = await repos.vouchers.get(E, old.doc.id);
    assert.equal(expired?.doc.state, 'Expired');
    const last = expired?.doc.audit.at(-1);
    assert.deepEqual(
      { by: last?.by, action: last?.action, from: last?.from, to: last?.to },
      { by: 'system:reminders', action: 'voucher.expire', from: 'Assigned', to: 'Expired' },
    );
    assert.equal((await repos.vouchers.get(E, fresh.doc.id))?.doc.state, 'Assigned');
    // Expired once: a second scan writes nothing more.
    await app.reminders.scanOnce();
    assert.equal((await repos.vouchers.get(E, old.doc.id))?.etag, expired?.etag);
  });
});

describe('conversation: two app instances on one database scanning at once', function () {
  this.timeout(60_000);
  let sim: ConnectorSim;
  let cosmos: EmbeddedCosmos;
  let apps: App[] = [];
  const clock = settableClock(START);

  before(async () => {
    sim = await startConnectorSim();
    cosmos = await startEmbeddedCosmos();
    const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'shared', COSMOS_DATABASE: 'two-instances' };
    apps = [await startReminderApp(clock, env), await startReminderApp(clock, env)];
  });
  after(async () => {
    for (const a of apps) await a.stop();
    await cosmos?.stop();
    await sim?.close();
  });

  it('each reminder is delivered exactly once', async () => {
    const [one, two] = apps as [App, App];
    const F = 'tenant-rem-two';
    const h = { repos: one.store.repos } as unknown as Harness;
    await seedReadyOrganization(h, F);
    await talk({ app: one, sim }).say(F, PARTNER_ADMIN, 'hello');
    await talk({ app: two, sim }).say(F, ADMIN, 'hello');
    const ids = Array.from({ length: 8 }, (_, i) => `v-TWO-${String(i + 1).padStart(4, '0')}`);
    for (const id of ids)
      await seedVoucher(h, F, id, 'Assigned', { assignedOn: THREE_DAYS_AGO, intakeOn: THREE_DAYS_AGO });
    // One more cause for the Global admin: a first redemption without SAVB registration.
    await seedVoucher(h, F, 'v-TWO-SAVB', 'Redeemed', {
      redemption: { redeemedOn: TODAY, redeemedBy: ADMIN },
    });

    await Promise.all([one.reminders.scanOnce(), two.reminders.scanOnce()]);
    await Promise.all([one.reminders.sender.idle(), two.reminders.sender.idle()]);
    await Promise.all([one.reminders.scanOnce(), two.reminders.scanOnce()]);
    await Promise.all([one.reminders.sender.idle(), two.reminders.sender.idle()]);

    const toPartnerAdmin = proactiveCards(sim, conv(F, PARTNER_ADMIN)).map(reminderIdOf);
    const toAdmin = proactiveCards(sim, conv(F, ADMIN)).map(reminderIdOf);
    assert.equal(toPartnerAdmin.length, ids.length, 'one per voucher');
    assert.equal(new Set(toPartnerAdmin).size, ids.length, 'no duplicates');
    assert.equal(toAdmin.length, 1);
    const entries = await one.reminders.ledger.listAll(F);
    const delivered = entries.filter((e) => e.doc.state === 'sent');
    assert.equal(delivered.length, ids.length + 1);
    assert.ok(delivered.every((e) => e.doc.sendCount === 1));
    // Both instances took part in the sending or lost claims to each other; either way nothing went twice.
    const owners = new Set(
      delivered.flatMap((e) => e.doc.history.filter((x) => x.state === 'claimed').map((x) => x.note)),
    );
    assert.ok(owners.size >= 1);
  });
});
