import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  claimGlobalAdmin,
  ORGANIZATION_ID,
  setOrganizationTimeZone,
  type Actor,
  type AuditEntry,
  type Organization,
} from '../../bot/program';
import {
  ConcurrencyConflict,
  OrganizationRepository,
  PersonSettingsRepository,
  openStore,
  type Store,
  type Stored,
} from '../../bot/store';
import { startEmbeddedCosmos } from '../../bot/store/embedded';
import { AUDIT_ARCHIVE_PREFIX, auditArchiveId } from '../../bot/store/organization-audit';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { rules } from '../program/fixtures';

const NOW = new Date('2024-01-01T00:00:00Z');
const ANA: Actor = { kind: 'user', userId: 'u-ana', name: 'Ana' };

function entry(step: number, by = 'u-ana'): AuditEntry {
  return {
    at: new Date(NOW.getTime() + step * 60_000).toISOString(),
    by,
    action: 'test.step',
    details: { step },
  };
}

/** What an organisation command does to the trail: one entry appended, everything else carried through. */
function append(org: Organization, ...entries: AuditEntry[]): Organization {
  return { ...org, audit: [...org.audit, ...entries] };
}

const steps = (trail: readonly AuditEntry[]) => trail.map((e) => `${e.by}:${String(e.details?.step)}`);
const range = (from: number, to: number, by = 'u-ana') =>
  Array.from({ length: to - from }, (_, i) => `${by}:${from + i}`);

describe('store: organisation audit trail archiving', () => {
  let cosmos: TestCosmos;
  let tenantSeq = 0;
  const database = `org-audit-${process.pid}`;

  before(async () => {
    cosmos = await startTestCosmos(database);
  });
  after(async () => cosmos.stop());

  const newTenant = () => `t-audit-${++tenantSeq}`;
  const repoWith = (auditKeep: number, auditChunk?: number, store: Store = cosmos.store) =>
    new OrganizationRepository(
      store.containers.organizations,
      store.caches.organizations,
      { auditKeep, ...(auditChunk !== undefined ? { auditChunk } : {}) },
      new PersonSettingsRepository(store.containers.people, store.caches.people),
    );

  async function archiveIds(tenantId: string): Promise<string[]> {
    const { resources } = await cosmos.store.containers.organizations.items
      .query<{ id: string }>(
        {
          query: 'SELECT c.id FROM c WHERE c.tenantId = @t AND STARTSWITH(c.id, @p) ORDER BY c.id',
          parameters: [
            { name: '@t', value: tenantId },
            { name: '@p', value: AUDIT_ARCHIVE_PREFIX },
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources.map((r) => r.id);
  }

  async function rawArchive(
    tenantId: string,
    id: string,
  ): Promise<{ from: number; entries: AuditEntry[]; _etag: string } | undefined> {
    const { resource } = await cosmos.store.containers.organizations
      .item(id, tenantId)
      .read<{ from: number; entries: AuditEntry[]; _etag: string }>();
    return resource;
  }

  /** Another writer (or an older instance) rewrites the organisation behind the repository's back. */
  async function rawRewrite(
    tenantId: string,
    change: (doc: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const item = cosmos.store.containers.organizations.item(ORGANIZATION_ID, tenantId);
    const { resource } = await item.read<Record<string, unknown>>();
    await item.replace(change(resource!));
  }

  /** `count` saves of one entry each, numbered from `from`; every stored document is checked against `keep`. */
  async function saveSteps(
    repo: OrganizationRepository,
    tenantId: string,
    from: number,
    count: number,
    keep: number,
  ): Promise<Stored<Organization>> {
    let stored = (await repo.get(tenantId)) ?? (await repo.getOrCreate(tenantId, NOW));
    for (let i = from; i < from + count; i++) {
      stored = await repo.save(tenantId, append(stored.doc, entry(i)), stored.etag);
      assert.ok(stored.doc.audit.length <= keep, `after step ${i}: ${stored.doc.audit.length} entries kept`);
      const fresh = (await repo.get(tenantId))!;
      assert.ok(fresh.doc.audit.length <= keep);
      // Without a counter (dropped by an older instance) the place is known from the archive: see below.
      if (fresh.doc.auditArchived !== undefined)
        assert.equal(fresh.doc.auditArchived + fresh.doc.audit.length, i + 1);
    }
    return stored;
  }

  it('keeps at most KEEP entries in the organisation and every entry, once and in order, in the trail', async () => {
    const tenant = newTenant();
    const repo = repoWith(5);
    const last = await saveSteps(repo, tenant, 0, 37, 5);
    assert.equal(last.doc.auditArchived, 35);
    assert.deepEqual(steps(last.doc.audit), range(35, 37));
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 37));
    assert.deepEqual(await archiveIds(tenant), [0, 5, 10, 15, 20, 25, 30].map(auditArchiveId));
    assert.equal(auditArchiveId(35), 'organization-audit-0000000035');
    for (const id of await archiveIds(tenant))
      assert.equal((await rawArchive(tenant, id))!.entries.length, 5);
  });

  it('archives in runs smaller than KEEP when asked, and real organisation commands carry the counter through', async () => {
    const tenant = newTenant();
    const repo = repoWith(5, 2);
    const ctx = { rules: rules(), now: NOW };
    let stored = await repo.getOrCreate(tenant, NOW);
    const claimed = claimGlobalAdmin(stored.doc, {}, ANA, ctx);
    assert.ok(claimed.ok);
    stored = await repo.save(tenant, claimed.value, stored.etag);
    const zones = ['Europe/Lisbon', 'America/Sao_Paulo', 'Europe/Madrid'];
    for (let i = 0; i < 20; i++) {
      const turn = (await repo.get(tenant))!;
      const changed = setOrganizationTimeZone(turn.doc, { timeZone: zones[i % 3]! }, ANA, {
        rules: rules(),
        now: new Date(NOW.getTime() + i * 1000),
      });
      assert.ok(changed.ok, JSON.stringify(changed));
      stored = await repo.save(tenant, changed.value, turn.etag);
      // Runs of 2: once anything is archived, 4 or 5 entries stay.
      assert.ok(
        stored.doc.audit.length <= 5 &&
          (stored.doc.auditArchived === undefined || stored.doc.audit.length >= 4),
      );
    }
    const trail = await repo.auditTrail(tenant);
    assert.equal(trail.length, 21);
    assert.equal(trail[0]?.action, 'role.claimGlobalAdmin');
    assert.deepEqual(
      trail.slice(1).map((e) => e.to),
      Array.from({ length: 20 }, (_, i) => zones[i % 3]),
    );
    assert.equal((await archiveIds(tenant)).length, stored.doc.auditArchived! / 2);
  });

  it('a write that loses its race after writing the archive loses and doubles nothing; the retry rewrites the archive identically', async () => {
    const tenant = newTenant();
    const repo = repoWith(5);
    const full = await saveSteps(repo, tenant, 0, 5, 5);
    assert.deepEqual(await archiveIds(tenant), []);
    // Someone else changes the organisation (no audit entry) after this turn read it.
    await rawRewrite(tenant, (d) => ({ ...d, timeZone: 'Europe/Lisbon' }));
    await assert.rejects(repo.save(tenant, append(full.doc, entry(5)), full.etag), ConcurrencyConflict);

    // The archive was written first; its entries are still in the organisation, which is read first.
    const leftover = await rawArchive(tenant, auditArchiveId(0));
    assert.deepEqual(steps(leftover!.entries), range(0, 5));
    const after412 = (await repo.get(tenant))!;
    assert.equal(after412.doc.auditArchived, undefined);
    assert.deepEqual(steps(after412.doc.audit), range(0, 5));
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 5));

    // The retry, on the fresh document, writes the same archive id with the same entries.
    const retried = await repo.save(tenant, append(after412.doc, entry(5)), after412.etag);
    assert.equal(retried.doc.timeZone, 'Europe/Lisbon');
    assert.equal(retried.doc.auditArchived, 5);
    const rewritten = await rawArchive(tenant, auditArchiveId(0));
    assert.notEqual(rewritten!._etag, leftover!._etag);
    assert.deepEqual(rewritten!.entries, leftover!.entries);
    assert.deepEqual(await archiveIds(tenant), [auditArchiveId(0)]);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 6));
  });

  it('only committed entries are archived: a write adding more than fits, then losing its race, leaves nothing behind', async () => {
    const tenant = newTenant();
    const repo = repoWith(5);
    const start = await saveSteps(repo, tenant, 0, 2, 5);
    await rawRewrite(tenant, (d) => ({ ...d, timeZone: 'Europe/Lisbon' }));
    await assert.rejects(
      repo.save(
        tenant,
        append(start.doc, entry(2, 'u-x'), entry(3, 'u-x'), entry(4, 'u-x'), entry(5, 'u-x')),
        start.etag,
      ),
      ConcurrencyConflict,
    );
    assert.deepEqual(await archiveIds(tenant), []);
    const fresh = (await repo.get(tenant))!;
    await repo.save(tenant, append(fresh.doc, entry(2)), fresh.etag);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 3));
    // Committed at once, such a write is trimmed by the next one.
    const now = (await repo.get(tenant))!;
    const big = await repo.save(tenant, append(now.doc, ...[3, 4, 5, 6].map((i) => entry(i))), now.etag);
    assert.equal(big.doc.audit.length, 7);
    await saveSteps(repo, tenant, 7, 1, 5);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 8));
  });

  it('two instances archiving at once: one write wins, the other retries, every entry is there once', async () => {
    const tenant = newTenant();
    const other = await openStore({
      endpoint: cosmos.embedded.endpoint,
      auth: 'key',
      key: 'test',
      database,
      local: true,
    });
    try {
      const a = repoWith(5);
      const b = repoWith(5, undefined, other);
      await saveSteps(a, tenant, 0, 5, 5);
      const [seenA, seenB] = await Promise.all([a.get(tenant), b.get(tenant)]);
      assert.equal(seenA!.etag, seenB!.etag);
      const results = await Promise.allSettled([
        a.save(tenant, append(seenA!.doc, entry(5, 'u-a')), seenA!.etag),
        b.save(tenant, append(seenB!.doc, entry(5, 'u-b')), seenB!.etag),
      ]);
      const lost = results.findIndex((r) => r.status === 'rejected');
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok((results[lost] as PromiseRejectedResult).reason instanceof ConcurrencyConflict);
      const [loser, by] = lost === 0 ? [a, 'u-a'] : [b, 'u-b'];
      const fresh = (await loser.get(tenant))!;
      await loser.save(tenant, append(fresh.doc, entry(5, by)), fresh.etag);
      const winner = by === 'u-a' ? 'u-b' : 'u-a';
      assert.deepEqual(steps(await a.auditTrail(tenant)), [...range(0, 5), `${winner}:5`, `${by}:5`]);
      assert.deepEqual(steps(await b.auditTrail(tenant)), [...range(0, 5), `${winner}:5`, `${by}:5`]);
    } finally {
      other.close();
    }
  });

  it('an organisation written before archiving existed (no counter, a long trail) reads, writes and is trimmed', async () => {
    const tenant = newTenant();
    const repo = repoWith(5);
    const legacy = {
      id: ORGANIZATION_ID,
      tenantId: tenant,
      schemaVersion: 1,
      createdAt: NOW.toISOString(),
      people: [],
      competencies: [],
      enrollments: [],
      savbRegistrations: [],
      audit: Array.from({ length: 12 }, (_, i) => entry(i)),
    };
    await cosmos.store.containers.organizations.items.create(legacy);
    const read = (await repo.get(tenant))!;
    assert.equal(read.doc.auditArchived, undefined);
    assert.equal(read.doc.audit.length, 12);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 12));
    const saved = await repo.save(tenant, append(read.doc, entry(12)), read.etag);
    assert.equal(saved.doc.auditArchived, 10);
    assert.deepEqual(steps(saved.doc.audit), range(10, 13));
    assert.deepEqual(await archiveIds(tenant), [auditArchiveId(0), auditArchiveId(5)]);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 13));
    await saveSteps(repo, tenant, 13, 4, 5);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 17));
  });

  it('a counter dropped by an older instance (which strips fields it does not know) is recovered, leftover archive included', async () => {
    const tenant = newTenant();
    const repo = repoWith(5);
    await saveSteps(repo, tenant, 0, 10, 5); // counter 5, entries 5..9 in the organisation
    const full = (await repo.get(tenant))!;
    assert.equal(full.doc.auditArchived, 5);
    // A write that loses its race leaves archive 5 (entries 5..9, still in the organisation).
    await rawRewrite(tenant, (d) => ({ ...d, timeZone: 'Europe/Madrid' }));
    await assert.rejects(repo.save(tenant, append(full.doc, entry(10)), full.etag), ConcurrencyConflict);
    assert.deepEqual(await archiveIds(tenant), [auditArchiveId(0), auditArchiveId(5)]);
    // An older instance appends entry 10 and drops the counter it does not know.
    await rawRewrite(tenant, (d) => {
      const { auditArchived: _dropped, ...rest } = d;
      return { ...rest, audit: [...(d.audit as AuditEntry[]), entry(10)] };
    });
    const stripped = (await repo.get(tenant))!;
    assert.equal(stripped.doc.auditArchived, undefined);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 11));
    const saved = await repo.save(tenant, append(stripped.doc, entry(11)), stripped.etag);
    assert.equal(saved.doc.auditArchived, 10);
    assert.deepEqual(steps(saved.doc.audit), range(10, 12));
    assert.deepEqual(await archiveIds(tenant), [auditArchiveId(0), auditArchiveId(5)]);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 12));

    // Without a leftover, the organisation's entries follow the archive.
    await rawRewrite(tenant, (d) => {
      const { auditArchived: _dropped, ...rest } = d;
      return rest;
    });
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 12));
    await saveSteps(repo, tenant, 12, 6, 5);
    assert.deepEqual(steps(await repo.auditTrail(tenant)), range(0, 18));
  });

  it('archive documents never pass for organisations', async () => {
    const tenant = newTenant();
    const repo = repoWith(5);
    await saveSteps(repo, tenant, 0, 23, 5);
    assert.ok((await archiveIds(tenant)).length >= 4);
    const tenants = await repo.listTenantIds();
    assert.equal(tenants.filter((t) => t === tenant).length, 1);
    const { resources } = await cosmos.store.containers.organizations.items
      .query<{ id: string }>({
        query: 'SELECT c.id FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: tenant }],
      })
      .fetchAll();
    assert.equal(resources.filter((r) => r.id === ORGANIZATION_ID).length, 1);
    const org = (await repo.get(tenant))!;
    assert.equal(org.doc.id, ORGANIZATION_ID);
    assert.ok(org.doc.audit.length <= 5);
    // A repository keeping more entries reads the same document and the same trail.
    assert.deepEqual(steps(await repoWith(200).auditTrail(tenant)), range(0, 23));
  });

  it('a new organisation with more pinned admins than it keeps is created whole, then trimmed', async () => {
    const tenant = newTenant();
    const repo = repoWith(2);
    const created = await repo.getOrCreate(tenant, NOW, ['u-1', 'u-2', 'u-3']);
    assert.equal(created.doc.people.length, 3);
    assert.ok(created.doc.audit.length <= 2);
    const trail = await repo.auditTrail(tenant);
    assert.deepEqual(
      trail.map((e) => [e.action, e.details?.userId]),
      [
        ['role.pin', 'u-1'],
        ['role.pin', 'u-2'],
        ['role.pin', 'u-3'],
      ],
    );
  });

  it('refuses a run longer than the organisation keeps', () => {
    assert.throws(() => repoWith(5, 6), RangeError);
    assert.throws(() => repoWith(0), RangeError);
  });

  it('archive documents survive a stop/start of the embedded server', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-org-audit-'));
    const open = async () => {
      const embedded = await startEmbeddedCosmos({ dataDir: dir });
      const store = await openStore({
        endpoint: embedded.endpoint,
        auth: 'key',
        key: 'k',
        database: 'local',
        local: true,
      });
      return {
        embedded,
        store,
        repo: new OrganizationRepository(
          store.containers.organizations,
          store.caches.organizations,
          { auditKeep: 5 },
          new PersonSettingsRepository(store.containers.people, store.caches.people),
        ),
      };
    };
    const first = await open();
    let stored = await first.repo.getOrCreate('t-persist', NOW);
    for (let i = 0; i < 13; i++)
      stored = await first.repo.save('t-persist', append(stored.doc, entry(i)), stored.etag);
    first.store.close();
    await first.embedded.stop();
    const second = await open();
    try {
      assert.equal((await second.repo.get('t-persist'))?.doc.auditArchived, 10);
      assert.deepEqual(steps(await second.repo.auditTrail('t-persist')), range(0, 13));
    } finally {
      second.store.close();
      await second.embedded.stop();
    }
  });
});
