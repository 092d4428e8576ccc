import { strict as assert } from 'node:assert';
import { assignRole, claimGlobalAdmin, ORGANIZATION_ID, type Actor } from '../../bot/program';
import { ConcurrencyConflict, NotFound, type OrganizationRepository } from '../../bot/store';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { rules } from '../program/fixtures';

const NOW = new Date('2020-03-10T12:00:00Z');
const ANA: Actor = { kind: 'user', userId: 'u-ana', name: 'Ana' };
const BEN: Actor = { kind: 'user', userId: 'u-ben', name: 'Ben' };

describe('store: OrganizationRepository', () => {
  let cosmos: TestCosmos;
  let repo: OrganizationRepository;

  before(async () => {
    cosmos = await startTestCosmos();
    repo = cosmos.store.repos.organizations;
  });
  after(async () => cosmos.stop());

  it('creates one organisation document per tenant on first use', async () => {
    const a = await repo.getOrCreate('t-1', NOW);
    assert.equal(a.doc.id, ORGANIZATION_ID);
    assert.equal(a.doc.tenantId, 't-1');
    const again = await repo.getOrCreate('t-1', NOW);
    assert.equal(again.etag, a.etag);
  });

  it('racing first uses converge on one document', async () => {
    const [x, y] = await Promise.all([repo.getOrCreate('t-race', NOW), repo.getOrCreate('t-race', NOW)]);
    assert.equal(x.doc.createdAt, y.doc.createdAt);
  });

  it('seeds operator-pinned Global admins, also when pinned after creation', async () => {
    const org = await repo.getOrCreate('t-pin', NOW, ['u-op']);
    assert.deepEqual(
      org.doc.people.map((p) => [p.userId, p.roles]),
      [['u-op', ['globalAdmin']]],
    );
    const later = await repo.getOrCreate('t-pin', NOW, ['u-op', 'u-op2']);
    assert.deepEqual(
      later.doc.people.map((p) => p.userId),
      ['u-op', 'u-op2'],
    );
    assert.deepEqual(
      later.doc.audit.map((e) => [e.action, e.by]),
      [
        ['role.pin', 'system:config'],
        ['role.pin', 'system:config'],
      ],
    );
  });

  it('bootstrap claim races: exactly one person becomes Global admin', async () => {
    const start = await repo.getOrCreate('t-boot', NOW);
    const c = { rules: rules(), now: NOW };
    const ana = claimGlobalAdmin(start.doc, {}, ANA, c);
    const ben = claimGlobalAdmin(start.doc, {}, BEN, c);
    assert.ok(ana.ok && ben.ok);
    const results = await Promise.allSettled([
      repo.save('t-boot', ana.value, start.etag),
      repo.save('t-boot', ben.value, start.etag),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.ok(lost?.reason instanceof ConcurrencyConflict);
    // The loser retries on the fresh document and is told someone holds the role.
    const fresh = (await repo.get('t-boot'))!;
    const winner = fresh.doc.people.find((p) => p.roles.includes('globalAdmin'))!.userId;
    const loser = winner === 'u-ana' ? BEN : ANA;
    const retry = claimGlobalAdmin(fresh.doc, {}, loser, c);
    assert.equal(retry.ok ? '' : retry.refusal.rule, 'bootstrap.globalAdminExists');
  });

  it("a tenant cannot read or write another tenant's organisation", async () => {
    const theirs = await repo.getOrCreate('t-other', NOW, ['u-boss']);
    await repo.getOrCreate('t-mine', NOW);
    const mine = await repo.get('t-mine');
    assert.equal(mine?.doc.tenantId, 't-mine');
    assert.equal(mine?.doc.people.length, 0);
    await assert.rejects(repo.save('t-mine', theirs.doc, theirs.etag), /tenant mismatch/);
    const changed = assignRole(
      theirs.doc,
      { userId: 'u-x', role: 'mpnPartnerAdmin' },
      { kind: 'user', userId: 'u-boss' },
      { rules: rules(), now: NOW },
    );
    assert.ok(changed.ok);
    await assert.rejects(
      repo.save('t-mine', { ...changed.value, tenantId: 't-mine' }, theirs.etag),
      (e: unknown) => e instanceof ConcurrencyConflict || e instanceof NotFound,
    );
    assert.equal((await repo.get('t-other'))?.doc.people.length, 1);
  });
});
