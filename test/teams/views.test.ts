import { strict as assert } from 'node:assert';
import {
  blankPersonSettings,
  newOrganization,
  type Organization,
  type Person,
  type Voucher,
} from '../../bot/program';
import { loadRules } from '../../bot/rules';
import type { Stored } from '../../bot/store';
import type { TurnScope } from '../../bot/teams/scope';
import { CardMemo, voucherCard, welcomeCard, type Card, type ViewEnv } from '../../bot/teams/views';

const rules = loadRules({ profile: 'program-2020' });
const TENANT = 'tenant-views';

function person(userId: string, roles: Person['roles']): Person {
  return {
    userId,
    teamsUserId: `29:${userId}`,
    name: userId,
    roles,
    assessments: [],
    settings: {},
    firstSeenAt: '2026-01-05T10:00:00.000Z',
  };
}

const org: Organization = {
  ...newOrganization(TENANT, new Date('2026-01-05T10:00:00Z')),
  people: [person('admin', ['globalAdmin']), person('member', [])],
};
const stored = (o: Organization, etag: string): Stored<Organization> => ({ doc: o, etag });

function voucher(state: Voucher['state'], etag: string, id = 'v-1'): Stored<Voucher> {
  return {
    etag,
    doc: {
      id,
      tenantId: TENANT,
      schemaVersion: 1,
      voucherNumber: 'ABC-123',
      offeringId: 'SDPS',
      days: 5,
      customer: { name: 'Contoso' },
      voucherAdminEmail: 'pm@contoso.example',
      assignedOn: '2026-03-01',
      intakeOn: '2026-03-01',
      intakeBy: 'admin',
      source: 'manual',
      state,
      stateSince: '2026-03-01T10:00:00.000Z',
      audit: [],
    },
  };
}

/** 20:00 UTC: in Tokyo it is already the next day, so the default time zone moves the organisation's date. */
const NOW = new Date('2026-04-13T20:00:00Z');

function env(o: Partial<TurnScope> = {}, now = NOW, cardMemo?: CardMemo): ViewEnv {
  const scope: TurnScope = {
    tenantId: TENANT,
    userId: 'admin',
    name: 'admin',
    actor: { kind: 'user', userId: 'admin' },
    org: stored(org, 'org-1'),
    locale: 'en',
    timeZone: 'UTC',
    conversation: 'personal',
    ...o,
  };
  return { scope, rules, now, defaultTimeZone: 'UTC', ...(cardMemo ? { cardMemo } : {}) };
}

const json = (x: unknown) => JSON.stringify(x);

describe('teams views: finished voucher detail cards are reused only for the same inputs', () => {
  const memo = new CardMemo();
  const withMemo = (o: Partial<TurnScope> = {}, now = NOW) => env(o, now, memo);

  it('the same voucher version, organisation version, person, language, zone and day: the same frozen card', () => {
    const a = voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail');
    const b = voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail');
    assert.equal(a, b);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.body));
    // What the memo returns is what building it afresh gives (typed values bypass the memo).
    assert.equal(json(a), json(voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail', { values: {} })));
    assert.equal(
      json(a),
      json(voucherCard(env(), voucher('Assigned', 'v1'), 'detail')),
      'built without a memo',
    );
  });

  it('anything that goes into the card gives a new one', () => {
    const base = voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail');
    const newVersion = voucherCard(withMemo(), voucher('Reserved', 'v2'), 'detail');
    assert.notEqual(json(newVersion), json(base), 'another voucher version');
    const pt = voucherCard(withMemo({ locale: 'pt-BR' }), voucher('Assigned', 'v1'), 'detail');
    assert.notEqual(json(pt), json(base), 'another language');
    const member = voucherCard(
      withMemo({ userId: 'member', actor: { kind: 'user', userId: 'member' } }),
      voucher('Assigned', 'v1'),
      'detail',
    );
    assert.notEqual(json(member), json(base), 'someone with other roles sees other actions');
    const renamed: Organization = {
      ...org,
      people: org.people.map((p) => (p.userId === 'member' ? { ...p, teamsUserId: undefined } : p)),
    };
    const orgChanged = voucherCard(
      withMemo({ org: stored(renamed, 'org-2') }),
      voucher('Assigned', 'v1'),
      'detail',
    );
    assert.notEqual(json(orgChanged), json(base), 'another organisation version (refresh users)');
    const later = voucherCard(
      withMemo({}, new Date('2026-09-10T12:00:00Z')),
      voucher('Assigned', 'v1'),
      'detail',
    );
    assert.notEqual(later, base, 'another day is built again');
    assert.notEqual(json(later), json(base), '…and here shows another day (the voucher has expired by then)');
  });

  it('a card with a notice or errors is never the kept one', () => {
    const base = voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail');
    const noticed = voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail', {
      notice: { tone: 'success', text: 'Saved' },
    });
    assert.notEqual(noticed, base);
    assert.match(json(noticed), /Saved/);
    assert.doesNotMatch(json(voucherCard(withMemo(), voucher('Assigned', 'v1'), 'detail')), /Saved/);
  });

  it('forms, unsaved documents (no ETag) and envs without a memo are always built afresh', () => {
    const form = voucherCard(withMemo(), voucher('Assigned', 'v1'), 'reserve');
    assert.notEqual(voucherCard(withMemo(), voucher('Assigned', 'v1'), 'reserve'), form);
    const unsaved = voucherCard(withMemo(), voucher('Assigned', ''), 'detail');
    assert.notEqual(voucherCard(withMemo(), voucher('Assigned', ''), 'detail'), unsaved);
    const alone = voucherCard(env(), voucher('Assigned', 'v1'), 'detail');
    assert.notEqual(voucherCard(env(), voucher('Assigned', 'v1'), 'detail'), alone);
    assert.ok(!Object.isFrozen(alone));
  });
});

describe('teams views: finished welcome cards are reused only for the same document versions', () => {
  const memo = new CardMemo();
  const withMemo = (o: Partial<TurnScope> = {}) => env(o, NOW, memo);
  const v1 = voucher('Assigned', 'a', 'v-1');
  const v2 = voucher('ReportSubmitted', 'b', 'v-2');

  it('the same versions, viewer and day: the same card', () => {
    const a = welcomeCard(withMemo(), [v1]);
    assert.equal(welcomeCard(withMemo(), [v1]), a);
    assert.equal(json(a), json(welcomeCard(withMemo(), [v1], { extras: {} })), 'equal to one built afresh');
    assert.equal(json(a), json(welcomeCard(env(), [v1.doc])), 'equal to one built from plain documents');
  });

  it('another voucher version, another list, another language or the first-run variant: another card', () => {
    const a = welcomeCard(withMemo(), [v1]);
    assert.notEqual(json(welcomeCard(withMemo(), [voucher('ReportSubmitted', 'a2', 'v-1')])), json(a));
    assert.notEqual(welcomeCard(withMemo(), [v1, v2]), a);
    assert.notEqual(json(welcomeCard(withMemo({ locale: 'es-ES' }), [v1])), json(a));
    assert.notEqual(json(welcomeCard(withMemo(), [v1], { firstRun: true })), json(a));
  });

  it('plain documents (no versions) are never a reason to reuse a card', () => {
    const a = welcomeCard(withMemo(), [v1.doc]);
    assert.notEqual(welcomeCard(withMemo(), [v1.doc]), a);
    assert.ok(!Object.isFrozen(a));
  });
});

describe('teams views: a memo key covers every input its builder reads', () => {
  /** Runs `build` over recording proxies of `roots` and returns the path of every value it read. */
  function readsOf(roots: Record<string, object>, build: (proxied: Record<string, object>) => unknown) {
    const reads = new Set<string>();
    const wrap = (value: unknown, path: string): unknown => {
      if (value === null || typeof value !== 'object' || value instanceof Date) {
        reads.add(path);
        return value;
      }
      return new Proxy(value, {
        get(target, prop, receiver) {
          const found = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop === 'symbol' || typeof found === 'function') return found;
          return wrap(found, path === '' ? prop : `${path}.${prop}`);
        },
      });
    };
    build(
      Object.fromEntries(
        Object.entries(roots).map(([name, root]) => [name, wrap(root, name === 'env' ? '' : name) as object]),
      ),
    );
    return reads;
  }

  /** A read inside a document (named by its version), the rules or what a card shows besides belongs to the whole. */
  const WHOLE = [
    'stored',
    'scope.org',
    'rules',
    'vouchers',
    'extras.notice',
    'extras.errors',
    'extras.values',
    'opts.extras',
  ];
  const inputOf = (path: string): string => WHOLE.find((w) => path === w || path.startsWith(`${w}.`)) ?? path;

  interface Inputs {
    env: ViewEnv;
    stored: Stored<Voucher>;
    vouchers: Stored<Voucher>[];
    extras: Record<string, unknown>;
    opts: Record<string, unknown>;
  }
  const base = (): Inputs => ({
    env: env(),
    stored: voucher('Reserved', 'v1'),
    vouchers: [voucher('Assigned', 'a', 'v-1'), voucher('Reserved', 'b', 'v-2')],
    extras: {},
    opts: {},
  });
  const scoped = (i: Inputs, o: Partial<TurnScope>): Inputs => ({
    ...i,
    env: { ...i.env, scope: { ...i.env.scope, ...o } },
  });
  /** One change per input a builder may read (a document changes with its ETag, as the store guarantees). */
  const CHANGES: Record<string, (i: Inputs) => Inputs> = {
    stored: (i) => ({ ...i, stored: { ...i.stored, etag: 'v1-next' } }),
    'scope.org': (i) => scoped(i, { org: { doc: org, etag: 'org-1-next' } }),
    rules: (i) => ({ ...i, env: { ...i.env, rules: { ...i.env.rules } } }),
    vouchers: (i) => ({
      ...i,
      vouchers: [i.vouchers[0] as Stored<Voucher>, { ...i.vouchers[1]!, etag: 'b-next' }],
    }),
    'scope.settings': (i) =>
      scoped(i, { settings: { doc: { ...blankPersonSettings('t', 'member'), revision: 3 }, etag: 's-3' } }),
    'scope.userId': (i) => scoped(i, { userId: 'member' }),
    'scope.name': (i) => scoped(i, { name: '' }),
    'scope.locale': (i) => scoped(i, { locale: 'pt-BR' }),
    'scope.teamsLocale': (i) => scoped(i, { teamsLocale: 'es-ES' }),
    'scope.timeZone': (i) => scoped(i, { timeZone: 'America/Sao_Paulo' }),
    now: (i) => ({ ...i, env: { ...i.env, now: new Date(NOW.getTime() + 86_400_000) } }),
    defaultTimeZone: (i) => ({ ...i, env: { ...i.env, defaultTimeZone: 'Asia/Tokyo' } }),
    publicHostname: (i) => ({ ...i, env: { ...i.env, publicHostname: 'psc.example.com' } }),
    'extras.notice': (i) => ({ ...i, extras: { notice: { tone: 'info', text: 'x' } } }),
    'extras.errors': (i) => ({ ...i, extras: { errors: { field: 'x' } } }),
    'extras.values': (i) => ({ ...i, extras: { values: {} } }),
    'opts.firstRun': (i) => ({ ...i, opts: { firstRun: true } }),
    'opts.extras': (i) => ({ ...i, opts: { extras: {} } }),
  };

  const BUILDERS: Record<string, (i: Inputs) => Card> = {
    'voucher detail': (i) => voucherCard(i.env, i.stored, 'detail', i.extras),
    welcome: (i) => welcomeCard(i.env, i.vouchers, i.opts),
  };

  for (const [name, build] of Object.entries(BUILDERS)) {
    it(`${name}: changing any input it reads gives another card`, () => {
      // Some reads depend on other inputs (the first-run variant, a reader without a name): record them all.
      const reads = new Set<string>();
      for (const variant of [base(), ...Object.values(CHANGES).map((change) => change(base()))])
        for (const read of readsOf({ ...variant }, (p) => build(p as unknown as Inputs))) reads.add(read);
      const inputs = [...new Set([...reads].filter((r) => r !== 'cardMemo').map(inputOf))].sort();
      const unknown = inputs.filter((input) => !CHANGES[input]);
      assert.deepEqual(unknown, [], `${name} reads these: make its key cover them, and add a change here`);
      assert.ok(inputs.includes('scope.locale') && inputs.includes('now'), `recorded: ${inputs.join(', ')}`);

      // A fresh memo for each change: another set of rules, for one, empties it.
      for (const input of inputs) {
        const memo = new CardMemo();
        const withMemo = (i: Inputs): Inputs => ({ ...i, env: { ...i.env, cardMemo: memo } });
        const kept = build(withMemo(base()));
        assert.equal(build(withMemo(base())), kept, 'the same inputs are the same card');
        const changed = build(withMemo(CHANGES[input]!(base())));
        assert.notEqual(changed, kept, `a change of ${input} must give another card`);
      }
    });
  }
});

describe('teams views: the card memo', () => {
  const card = (text: string): Card => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text }],
  });

  it('keeps the most recently used cards up to its capacity', () => {
    const memo = new CardMemo(2);
    const a = memo.reuse(rules, 'a', () => card('a'));
    memo.reuse(rules, 'b', () => card('b'));
    assert.equal(
      memo.reuse(rules, 'a', () => card('a again')),
      a,
    );
    memo.reuse(rules, 'c', () => card('c'));
    assert.equal(memo.size, 2);
    assert.equal(
      memo.reuse(rules, 'a', () => card('a again')),
      a,
      'used last, so kept',
    );
    assert.equal(json(memo.reuse(rules, 'b', () => card('b again'))), json(card('b again')), 'b went first');
  });

  it('another set of rules starts afresh; an unknown key is never kept', () => {
    const memo = new CardMemo();
    const a = memo.reuse(rules, 'a', () => card('a'));
    assert.notEqual(
      memo.reuse({ ...rules }, 'a', () => card('a')),
      a,
    );
    assert.equal(memo.size, 1);
    memo.reuse(rules, undefined, () => card('x'));
    assert.equal(memo.size, 1);
  });
});
