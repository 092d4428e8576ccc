// Cross-tenant fan-out benchmark (issue #12): 200 tenants × 50 reminders due at the same moment (1 January
// renewals), one instance's sender through the real CloudAdapter to the connector simulator, which enforces the
// Teams limits (50/s per tenant, the conversation windows) with 429. Reports sends per second, the busiest second
// of any tenant, duplicates, losses and peak RSS. The embedded Cosmos server runs in a child process.
// Run alone: npx tsx bench/fanout-tenants.ts [tenants] [perTenant]
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { silentLogger } from '../bot/logger';
import { Ledger, LedgerEntry, ledgerId } from '../bot/reminders/ledger';
import { ConversationRefDoc, ReferenceStore, referenceId } from '../bot/reminders/references';
import { ReminderSender } from '../bot/reminders/sender';
import { openStore, type Store, type Stored } from '../bot/store';
import { startConnectorSim } from '../test/support/connector-sim';
import { startCosmosServerProcess } from './reminders';

/** Creates the documents in bulk; returns each one's ETag, in order. */
async function bulk(
  store: Store,
  container: 'conversations' | 'reminders',
  docs: object[],
): Promise<string[]> {
  const etags: string[] = [];
  for (let i = 0; i < docs.length; i += 100) {
    const ops = docs
      .slice(i, i + 100)
      .map((d) => ({ operationType: 'Create' as const, resourceBody: d as never }));
    const res = await store.containers[container].items.bulk(ops);
    if (res.some((r) => r.statusCode >= 300)) throw new Error(`bulk create into ${container} failed`);
    etags.push(...res.map((r) => r.eTag ?? ''));
  }
  return etags;
}

function documents(tenantId: string, perTenant: number, serviceUrl: string, at: string) {
  const refs: object[] = [];
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < perTenant; i++) {
    const userId = `${tenantId}-u${i}`;
    refs.push(
      ConversationRefDoc.parse({
        id: referenceId({ kind: 'user', userId }),
        tenantId,
        type: 'conversationRef',
        scope: 'personal',
        userId,
        conversationId: `a:${userId}`,
        serviceUrl,
        bot: { id: '28:bot', name: 'Companion' },
        user: { id: `29:${userId}`, name: userId, aadObjectId: userId },
        locale: 'en-US',
        active: true,
        capturedAt: at,
        updatedAt: at,
      }),
    );
    const key = `enrollmentRenewal:SDPS:2027-01-01:-${i}`;
    const target = { kind: 'user' as const, userId };
    entries.push(
      LedgerEntry.parse({
        id: ledgerId(key, target),
        tenantId,
        type: 'delivery',
        reminderKey: key,
        causeKey: key,
        target,
        payload: { key },
        timeZone: 'UTC',
        state: 'pending',
        notBefore: at,
        attempts: 0,
        sendCount: 0,
        createdAt: at,
        updatedAt: at,
        history: [],
      }),
    );
  }
  return { refs, entries };
}

export async function runFanoutTenantsBench(
  tenants = 200,
  perTenant = 50,
): Promise<Record<string, number | string>> {
  const cosmos = await startCosmosServerProcess();
  const sim = await startConnectorSim();
  const logger = silentLogger();
  try {
    const store = await openStore({
      endpoint: cosmos.endpoint,
      auth: 'key',
      key: 'bench',
      database: 'bench-fanout',
      local: true,
    });
    const at = new Date().toISOString();
    const ids = Array.from({ length: tenants }, (_, t) => `fan-${String(t).padStart(4, '0')}`);
    const queued: { tenantId: string; id: string; entry: Stored<LedgerEntry> }[] = [];
    const seeding = performance.now();
    for (const tenantId of ids) {
      const { refs, entries } = documents(tenantId, perTenant, sim.url, at);
      await bulk(store, 'conversations', refs);
      const etags = await bulk(store, 'reminders', entries);
      entries.forEach((e, i) => queued.push({ tenantId, id: e.id, entry: { doc: e, etag: etags[i] ?? '' } }));
    }
    const seedSeconds = (performance.now() - seeding) / 1000;
    const ledger = new Ledger(store, { logger });
    const sender = new ReminderSender({
      adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
      botAppId: '',
      ledger,
      references: new ReferenceStore(store, { serviceUrlAllowlist: [new URL(sim.url).origin], logger }),
      render: (r, locale) => ({ type: 'message', text: `[${locale}] ${String(r.key)}` }),
      businessHours: { start: 0, end: 24, weekends: true },
      logger,
    });
    const started = performance.now();
    // As the due scan submits them: tenant after tenant, every entry due now, with the version it listed.
    for (const q of queued) sender.submit(q.tenantId, q.id, undefined, q.entry);
    await sender.idle();
    const elapsedS = (performance.now() - started) / 1000;
    await sender.stop();

    const perConversation = new Map<string, number>();
    for (const a of sim.allActivities())
      perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
    let duplicates = 0;
    for (const n of perConversation.values()) if (n > 1) duplicates += n - 1;
    const expected = tenants * perTenant;
    // The busiest second of any tenant at the connector (arrivals, every request counted).
    let busiest = 0;
    const byTenant = new Map<string, number[]>();
    for (const r of sim.requests) {
      const list = byTenant.get(r.tenantId ?? '') ?? [];
      list.push(r.at);
      byTenant.set(r.tenantId ?? '', list);
    }
    for (const list of byTenant.values()) {
      let lo = 0;
      for (let hi = 0; hi < list.length; hi++) {
        while ((list[hi] as number) - (list[lo] as number) >= 1000) lo++;
        busiest = Math.max(busiest, hi - lo + 1);
      }
    }
    return {
      tenants,
      remindersPerTenant: perTenant,
      reminders: expected,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      delivered: perConversation.size,
      duplicates,
      lost: expected - perConversation.size,
      elapsedSeconds: Number(elapsedS.toFixed(2)),
      sendsPerSecondOneInstance: Number((perConversation.size / elapsedS).toFixed(1)),
      httpRequests: sim.requests.length,
      refusedByTenantOrConversationLimit: sim.requests.filter((r) => r.cause === 'limit').length,
      busiestTenantSecond: busiest,
      tenantLimitPerSecond: 50,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      note: 'one instance (tenantShare 1), sender concurrency 16 (the default); peak RSS of the bench process (sender, CloudAdapter, simulator); Cosmos in a child process',
    };
  } finally {
    await sim.close();
    cosmos.stop();
  }
}

if (require.main === module) {
  const [tenants, perTenant] = process.argv.slice(2).map(Number);
  runFanoutTenantsBench(tenants || undefined, perTenant || undefined)
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
