import { strict as assert } from 'node:assert';
import { newOrganization, type Organization, type Person, type Voucher } from '../../bot/program';
import { loadRules } from '../../bot/rules';
import { deepFreeze, type Stored } from '../../bot/store';
import type { TurnScope } from '../../bot/teams/scope';
import { voucherCard, welcomeCard, type ViewEnv } from '../../bot/teams/views';

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

function voucher(state: Voucher['state'], etag: string): Stored<Voucher> {
  return {
    etag,
    doc: {
      id: 'v-1',
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

function env(o: Partial<TurnScope> = {}, now = new Date('2026-04-13T12:00:00Z')): ViewEnv {
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
  return { scope, rules, now, defaultTimeZone: 'UTC' };
}

const json = (x: unknown) => JSON.stringify(x);

describe('teams views: finished voucher detail cards are reused only for the same inputs', () => {
  it('the same voucher version, organisation version, person, language, zone and minute: the same frozen card', () => {
    const a = voucherCard(env(), voucher('Assigned', 'v1'), 'detail');
    const b = voucherCard(env(), voucher('Assigned', 'v1'), 'detail');
    assert.equal(a, b);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.body));
    // What the cache returns is what building it afresh gives (typed values bypass the cache).
    assert.equal(json(a), json(voucherCard(env(), voucher('Assigned', 'v1'), 'detail', { values: {} })));
  });

  it('anything that goes into the card gives a new one', () => {
    const base = voucherCard(env(), voucher('Assigned', 'v1'), 'detail');
    const newVersion = voucherCard(env(), voucher('Reserved', 'v2'), 'detail');
    assert.notEqual(json(newVersion), json(base), 'another voucher version');
    const pt = voucherCard(env({ locale: 'pt-BR' }), voucher('Assigned', 'v1'), 'detail');
    assert.notEqual(json(pt), json(base), 'another language');
    const member = voucherCard(
      env({ userId: 'member', actor: { kind: 'user', userId: 'member' } }),
      voucher('Assigned', 'v1'),
      'detail',
    );
    assert.notEqual(json(member), json(base), 'someone with other roles sees other actions');
    const renamed: Organization = {
      ...org,
      people: org.people.map((p) => (p.userId === 'member' ? { ...p, teamsUserId: undefined } : p)),
    };
    const orgChanged = voucherCard(
      env({ org: stored(renamed, 'org-2') }),
      voucher('Assigned', 'v1'),
      'detail',
    );
    assert.notEqual(json(orgChanged), json(base), 'another organisation version (refresh users)');
    const later = voucherCard(env({}, new Date('2026-09-10T12:00:00Z')), voucher('Assigned', 'v1'), 'detail');
    assert.notEqual(later, base, 'another minute is built again');
    assert.notEqual(json(later), json(base), '…and here shows another day (the voucher has expired by then)');
  });

  it('a card with a notice or errors is never the cached one', () => {
    const base = voucherCard(env(), voucher('Assigned', 'v1'), 'detail');
    const noticed = voucherCard(env(), voucher('Assigned', 'v1'), 'detail', {
      notice: { tone: 'success', text: 'Saved' },
    });
    assert.notEqual(noticed, base);
    assert.match(json(noticed), /Saved/);
    assert.doesNotMatch(json(voucherCard(env(), voucher('Assigned', 'v1'), 'detail')), /Saved/);
  });
});

describe('teams views: finished welcome cards are reused only for the same document versions', () => {
  // As the store's cache hands them out: one frozen object per document version.
  const frozenOrg = deepFreeze(structuredClone(org));
  const v1 = deepFreeze(voucher('Assigned', 'a').doc);
  const v2 = deepFreeze(voucher('ReportSubmitted', 'b').doc);
  const frozenEnv = (o: Partial<TurnScope> = {}) => env({ org: stored(frozenOrg, 'org-1'), ...o });

  it('the same versions, viewer and minute: the same card', () => {
    const a = welcomeCard(frozenEnv(), [v1]);
    assert.equal(welcomeCard(frozenEnv(), [v1]), a);
    assert.equal(json(a), json(welcomeCard(frozenEnv(), [v1], { extras: {} })), 'equal to one built afresh');
  });

  it('another voucher version, another list, another language or the first-run variant: another card', () => {
    const a = welcomeCard(frozenEnv(), [v1]);
    assert.notEqual(json(welcomeCard(frozenEnv(), [v2])), json(a));
    assert.notEqual(welcomeCard(frozenEnv(), [v1, v2]), a);
    assert.notEqual(json(welcomeCard(frozenEnv({ locale: 'es-ES' }), [v1])), json(a));
    assert.notEqual(json(welcomeCard(frozenEnv(), [v1], { firstRun: true })), json(a));
  });

  it('documents that could still change (not frozen) are never a reason to reuse a card', () => {
    const mutable = voucher('Assigned', 'a').doc;
    const a = welcomeCard(frozenEnv(), [mutable]);
    assert.notEqual(welcomeCard(frozenEnv(), [mutable]), a);
    assert.ok(!Object.isFrozen(a));
  });
});
