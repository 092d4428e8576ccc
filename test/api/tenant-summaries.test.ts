// The tab's overview source (bot/api/tenant-summaries.ts): a loaded summary is reused while nothing changed,
// and dropped when its check against the vouchers, run after answering, finds it out of step.
import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { builtInRules, DEFAULT_PROFILE } from '../../bot/program';
import type { ApiDeps } from '../../bot/api';
import { TenantSnapshots } from '../../bot/api/tenant-snapshots';
import { TenantSummaries } from '../../bot/api/tenant-summaries';

const TENANT = 'dddddddd-0000-4000-8000-00000000000d';
const CALLER = { tenantId: TENANT, userId: 'u', local: true };

function depsWith(checks: boolean[]): { deps: ApiDeps; reads: () => number } {
  const loaded = loadConfig({ LOG_LEVEL: 'silent' });
  const rules = builtInRules(DEFAULT_PROFILE);
  if (!loaded.ok || !rules.ok) throw new Error('config');
  let reads = 0;
  const marker = { count: 0, lastModified: 1, tsSum: 0 };
  const deps: ApiDeps = {
    config: loaded.config,
    logger: silentLogger(),
    rules: rules.rules,
    now: () => new Date('2025-03-10T10:00:00.000Z'),
    cacheTtlMs: 60_000,
    snapshotFreshMs: 60_000,
    organizations: { get: () => Promise.resolve(undefined) },
    vouchers: {
      get: () => Promise.resolve(undefined),
      list: () => Promise.resolve([]),
      changeMarker: () => Promise.resolve(marker),
      summary: () => {
        reads++;
        const ok = checks.shift() ?? true;
        return Promise.resolve({ vouchers: [], marker, verify: () => Promise.resolve(ok) });
      },
    },
  };
  return { deps, reads: () => reads };
}

const afterChecks = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('tab API: the overview’s tenant summary source', () => {
  it('serves a checked summary again without reading it', async () => {
    const { deps, reads } = depsWith([true]);
    const summaries = new TenantSummaries(deps, silentLogger(), new TenantSnapshots(deps, silentLogger()));
    await summaries.load(CALLER);
    await afterChecks();
    await summaries.load(CALLER);
    assert.equal(reads(), 1);
  });

  it('drops a summary its check found out of step, so the next request reads the repaired one', async () => {
    const { deps, reads } = depsWith([false, true]);
    const summaries = new TenantSummaries(deps, silentLogger(), new TenantSnapshots(deps, silentLogger()));
    await summaries.load(CALLER);
    await afterChecks();
    await summaries.load(CALLER);
    assert.equal(reads(), 2);
  });
});
