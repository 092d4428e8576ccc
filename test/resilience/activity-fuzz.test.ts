// Issue #13: odd activities. The shapes the issue found (an emoji or a lone surrogate in conversation.id, a
// number where Teams sends a string, membersAdded that is not an array) and a seeded fuzz over every field the
// bot reads and over card payloads: never a 5xx, never a failed turn or silence, no stored change for refused input.
import { strict as assert } from 'node:assert';
import type { App } from '../../bot/app';
import { CONTAINERS, type ContainerName } from '../../bot/store';
import { baseActivity, invokeActivity, messageActivity } from '../support/activities';
import { post, startTestApp } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';

const FAILED_TURN = 'Something went wrong';
const TENANT = 'tenant-fuzz';

/** Sets a dotted path in a copy of the activity. */
function withField(activity: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(activity);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1] as string] = value;
  return copy;
}

/** A tiny seeded generator (mulberry32): the fuzz is the same on every run, and a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  'id',
  'channelId',
  'serviceUrl',
  'conversation.id',
  'conversation.name',
  'conversation.conversationType',
  'conversation.tenantId',
  'conversation.isGroup',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'recipient.id',
  'recipient.name',
  'recipient.aadObjectId',
  'replyToId',
  'text',
  'locale',
  'localTimezone',
  'timestamp',
  'membersAdded',
  'membersRemoved',
  'entities',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'channelData.channel.id',
  'channelData.channel.name',
];

const VALUES: unknown[] = [
  42,
  -1.5,
  true,
  null,
  {},
  [],
  ['x'],
  [{ id: 5 }],
  [null],
  'x',
  '',
  'a:conv-😀',
  'a:conv-\uD83D',
  '\uDE00tail',
  'line\r\nX-Injected: 1',
  'nul\u0000char',
  'bell\u0007',
  'ç-ã-ñ',
  'x'.repeat(5000),
  '29:user-1',
  'Ana Souza 😀',
];

describe('resilience: odd activities are answered, never a 5xx or a failed turn (issue #13)', function () {
  this.timeout(120_000);
  let app: App;
  let connector: LocalConnector;

  before(async () => {
    connector = await startLocalConnector();
    app = await startTestApp();
    // First contact (organisation and person created) before any snapshot is compared.
    await post(`${app.url}/api/messages`, help());
    await connector.waitFor(1);
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });
  beforeEach(() => connector.clear());

  const who = () => ({ serviceUrl: connector.serviceUrl, tenantId: TENANT });
  const help = () => messageActivity(who(), 'help');

  /** Every stored document's id and ETag, across all containers. */
  async function snapshot(): Promise<string[]> {
    const out: string[] = [];
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const { resources } = await app.store.containers[name].items
        .query<{ id: string; _etag: string }>('SELECT c.id, c._etag FROM c')
        .fetchAll();
      out.push(...resources.map((r) => `${name}/${r.id}@${r._etag}`));
    }
    return out.sort();
  }

  /** Posts; checks no 5xx, no failed turn, an answer when accepted, nothing stored when refused. */
  async function check(label: string, activity: unknown, opts: { mayStore?: boolean } = {}): Promise<number> {
    const before = await snapshot();
    connector.clear();
    const res = await post(`${app.url}/api/messages`, activity);
    assert.ok(res.status < 500, `${label}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    assert.ok(!res.text.includes(FAILED_TURN), `${label}: failed invoke`);
    const a = activity as Record<string, unknown>;
    if (res.status === 200 && a.type === 'message') {
      const replies = await connector.waitFor(1, 10_000).catch(() => []);
      assert.ok(replies.length > 0, `${label}: answered with silence`);
    }
    // Give a stray reply time to arrive before looking for a failed turn among them.
    await new Promise((r) => setImmediate(r));
    for (const c of connector.received)
      assert.ok(!JSON.stringify(c.activity).includes(FAILED_TURN), `${label}: failed turn`);
    if (res.status === 400 || !opts.mayStore)
      assert.deepEqual(await snapshot(), before, `${label}: stored change`);
    return res.status;
  }

  describe('the shapes the issue found', () => {
    const cases: [string, string, unknown][] = [
      ['an emoji in conversation.id', 'conversation.id', 'a:conv-😀'],
      ['a lone surrogate in conversation.id', 'conversation.id', 'a:conv-\uD83D'],
      ['a number in from.name', 'from.name', 7],
      ['a number in conversation.conversationType', 'conversation.conversationType', 7],
      ['a number in conversation.tenantId', 'conversation.tenantId', 7],
      ['a number in recipient.aadObjectId', 'recipient.aadObjectId', 7],
      ['a header-unsafe conversation.id', 'conversation.id', 'a:conv\r\nX-Evil: 1'],
      ['a control character in from.name', 'from.name', 'Ana\u0000'],
      ['a number in channelData.tenant.id', 'channelData.tenant.id', 7],
    ];
    for (const [label, field, value] of cases) {
      it(`${label}: 400, nothing sent, nothing stored`, async () => {
        assert.equal(await check(label, withField(help(), field, value)), 400);
        assert.equal(connector.received.length, 0);
      });
    }

    it('a conversationUpdate with membersAdded: "x" gets 400', async () => {
      const update = { ...baseActivity(who()), type: 'conversationUpdate', membersAdded: 'x' };
      assert.equal(await check('membersAdded "x"', update), 400);
    });

    it('membersAdded with a member that is not an object gets 400', async () => {
      const update = { ...baseActivity(who()), type: 'conversationUpdate', membersAdded: [5] };
      assert.equal(await check('membersAdded [5]', update), 400);
    });

    it('well-formed but unusable (no tenant): a clear localized reply, nothing stored', async () => {
      const activity = withField(withField(help(), 'channelData', {}), 'conversation.tenantId', undefined);
      const pt = withField(activity, 'locale', 'pt-BR');
      assert.equal(await check('no tenant', pt), 200);
      const [reply] = connector.received;
      assert.match(String(reply?.activity.text), /organização/);
    });
  });

  it('fuzz: 150 seeded mutations of a message, a card action and a conversationUpdate', async () => {
    const next = random(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const bases = [
      () => help(),
      () => invokeActivity(who(), 'voucher.list', {}),
      () => ({ ...baseActivity(who()), type: 'conversationUpdate', membersAdded: [{ id: '29:someone' }] }),
    ];
    const counts = { 400: 0, 200: 0 } as Record<number, number>;
    for (let i = 0; i < 150; i++) {
      const field = pick(FIELDS);
      const value = pick(VALUES);
      const base = pick(bases)();
      const status = await check(
        `#${i} ${String(base.type)} ${field}=${JSON.stringify(value)?.slice(0, 40)}`,
        withField(base, field, value),
        {
          mayStore: true,
        },
      );
      counts[status] = (counts[status] ?? 0) + 1;
    }
    assert.ok((counts[400] ?? 0) > 0 && (counts[200] ?? 0) > 0, JSON.stringify(counts));
  });

  it('fuzz: junk card payloads are answered with a card and change nothing', async () => {
    const next = random(31);
    const verbs = [
      'voucher.show',
      'voucher.reserve',
      'voucher.redeem',
      'settings.save',
      'people.assignRole',
      'report.submit',
      'nav.people',
      'reminder.snooze',
      'no.such.verb',
    ];
    const junk: unknown[] = [
      42,
      'x',
      null,
      ['a'],
      { voucherId: 5 },
      { voucherId: '😀\uD800' },
      { etag: {} },
      { step: 'submit', inputs: 'x' },
    ];
    for (let i = 0; i < 40; i++) {
      const verb = verbs[Math.floor(next() * verbs.length)] as string;
      const data = junk[Math.floor(next() * junk.length)];
      const activity = invokeActivity(who(), verb, {});
      (activity.value as { action: { data: unknown } }).action.data = data;
      const before = await snapshot();
      const res = await post(`${app.url}/api/messages`, activity);
      assert.equal(res.status, 200, `${verb} ${JSON.stringify(data)}: ${res.text.slice(0, 200)}`);
      const body = res.body as { type?: string; value?: { type?: string } };
      assert.equal(body.value?.type, 'AdaptiveCard', `${verb}: answered with a card`);
      assert.ok(!res.text.includes(FAILED_TURN), `${verb} ${JSON.stringify(data)}: failed`);
      assert.deepEqual(await snapshot(), before, `${verb} ${JSON.stringify(data)}: stored change`);
    }
  });
});
