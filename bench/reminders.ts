// Reminder delivery benchmark: 2,000 reminders to 2,000 personal conversations in one tenant, through the
// real CloudAdapter to the connector simulator, which enforces the Teams limits and answers 5 % of sends
// with 429 (Retry-After: 1) and 1 % with a 5xx. Reports the sustained rate against the 50 RPS tenant limit,
// duplicates, losses and peak RSS (the embedded Cosmos server runs in the same process and is included).
// Run alone: npx tsx bench/reminders.ts   (the app's scan over 100 tenants: npx tsx bench/reminders.ts scan)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { silentLogger } from '../bot/logger';
import { Ledger } from '../bot/reminders/ledger';
import { ConversationRefDoc, ReferenceStore, referenceId } from '../bot/reminders/references';
import { ReminderSender } from '../bot/reminders/sender';
import { ReminderService } from '../bot/reminders/service';
import { loadRules } from '../bot/rules';
import { seedReadyOrganization, seedVoucher } from '../test/conversation/fixtures';
import type { Harness } from '../test/conversation/harness';
import { startConnectorSim } from '../test/support/connector-sim';
import { openStore, type Store } from '../bot/store';

/**
 * The embedded Cosmos server in a child process: in production the database is remote, and sharing one
 * thread with the sender would measure the database's CPU instead of the sender.
 */
export async function startCosmosServerProcess(): Promise<{ endpoint: string; pid: number; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=6144',
      '--require',
      'tsx/cjs',
      '--disable-warning=DEP0111',
      path.join(__dirname, 'cosmos-server.ts'),
    ],
    { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) resolve((JSON.parse(line) as { endpoint: string }).endpoint);
    });
    child.once('exit', (c) => reject(new Error(`cosmos child exited with ${String(c)}`)));
  });
  return { endpoint, pid: child.pid ?? 0, stop: () => child.kill() };
}

async function startCosmosProcess(): Promise<{ store: Store; stop(): Promise<void> }> {
  const server = await startCosmosServerProcess();
  const store = await openStore({
    endpoint: server.endpoint,
    auth: 'key',
    key: 'bench',
    database: 'bench-reminders',
    local: true,
  });
  return {
    store,
    async stop() {
      store.close();
      server.stop();
    },
  };
}

const TENANT = 'bench-tenant';
const TENANT_LIMIT_RPS = 50;

export async function runRemindersBench(count = 2000): Promise<Record<string, number | string>> {
  const cosmos = await startCosmosProcess();
  const sim = await startConnectorSim({
    random: { throttle: 0.05, throttleRetryAfter: 1, serverError: 0.01, seed: 7 },
  });
  const logger = silentLogger();
  try {
    const references = new ReferenceStore(cosmos.store, {
      serviceUrlAllowlist: [new URL(sim.url).origin],
      logger,
    });
    const ledger = new Ledger(cosmos.store, { logger });
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const now = new Date().toISOString();
    const entries: { id: string; entry?: Awaited<ReturnType<Ledger['enqueue']>>['entry'] }[] = [];
    for (let i = 0; i < count; i++) {
      const userId = `user-${i}`;
      await references.repo.create(
        ConversationRefDoc.parse({
          id: referenceId({ kind: 'user', userId }),
          tenantId: TENANT,
          type: 'conversationRef',
          scope: 'personal',
          userId,
          conversationId: `a:bench-${i}`,
          serviceUrl: sim.url,
          bot: { id: '28:bot', name: 'Companion' },
          user: { id: `29:${userId}`, name: userId, aadObjectId: userId },
          locale: 'en-US',
          active: true,
          capturedAt: now,
          updatedAt: now,
        }),
      );
      const res = await ledger.enqueue({
        tenantId: TENANT,
        reminderKey: `voucherExpiry:v${i}:2025-06-30:-7`,
        target: { kind: 'user', userId },
        payload: { key: `voucherExpiry:v${i}:2025-06-30:-7` },
        timeZone: 'UTC',
        notBefore: new Date(),
      });
      entries.push(res);
    }

    const sender = new ReminderSender({
      adapter,
      botAppId: '',
      ledger,
      references,
      render: (r, locale) => ({ type: 'message', text: `[${locale}] ${String(r.key)}` }),
      businessHours: { start: 0, end: 24, weekends: true },
      logger,
      concurrency: 24,
    });
    const deliveredAt: number[] = [];
    sender.onOutcome((o) => {
      if (o.result === 'sent') deliveredAt.push(Date.now());
    });
    const started = performance.now();
    const progress = process.env.BENCH_DEBUG
      ? setInterval(
          () => console.error(JSON.stringify(sender.stats), sender.pending, sender.inFlight, sender.waiting),
          2000,
        )
      : undefined;
    for (const e of entries) sender.submit(TENANT, e.id, undefined, e.entry);
    await sender.idle();
    if (progress) clearInterval(progress);
    const elapsedS = (performance.now() - started) / 1000;
    await sender.stop();

    const perConversation = new Map<string, number>();
    for (const a of sim.allActivities())
      perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
    let duplicates = 0;
    for (const n of perConversation.values()) if (n > 1) duplicates += n - 1;
    let lost = 0;
    for (let i = 0; i < count; i++) if (!perConversation.has(`a:bench-${i}`)) lost++;
    const states = new Map<string, number>();
    for (const e of await ledger.listAll(TENANT)) states.set(e.doc.state, (states.get(e.doc.state) ?? 0) + 1);

    // Sustained: the middle 90 % of deliveries (leaves out start-up and the Retry-After tail).
    deliveredAt.sort((a, b) => a - b);
    const lo = deliveredAt[Math.floor(deliveredAt.length * 0.05)] ?? 0;
    const hi = deliveredAt[Math.floor(deliveredAt.length * 0.95)] ?? 0;
    const spanS = Math.max(0.001, (hi - lo) / 1000);
    const sustainedDeliveries = (deliveredAt.length * 0.9) / spanS;
    // Every HTTP request (429s and 5xx included) counts against the tenant limit.
    const sustainedRequests = sim.requests.filter((r) => r.at >= lo && r.at <= hi).length / spanS;
    const limited = sim.requests.filter((r) => r.cause === 'limit').length;

    return {
      reminders: count,
      delivered: perConversation.size,
      duplicates,
      losses: lost,
      ledgerSent: states.get('sent') ?? 0,
      ledgerNotSent: count - (states.get('sent') ?? 0),
      elapsedSeconds: Number(elapsedS.toFixed(2)),
      httpRequests: sim.requests.length,
      injected429: sim.requests.filter((r) => r.status === 429 && r.cause === 'rate').length,
      injected5xx: sim.requests.filter((r) => r.status >= 500 && r.cause === 'rate').length,
      limit429FromSimulator: limited,
      sustainedRequestsPerSecond: Number(sustainedRequests.toFixed(1)),
      sustainedRequestFractionOfLimit: Number((sustainedRequests / TENANT_LIMIT_RPS).toFixed(3)),
      sustainedDeliveriesPerSecond: Number(sustainedDeliveries.toFixed(1)),
      sustainedDeliveryFractionOfLimit: Number((sustainedDeliveries / TENANT_LIMIT_RPS).toFixed(3)),
      overallDeliveryFractionOfLimit: Number((perConversation.size / elapsedS / TENANT_LIMIT_RPS).toFixed(3)),
      tenantPauses: sender.stats.tenantPauses,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      note: 'peak RSS of the bench process (sender, CloudAdapter, simulator); Cosmos runs in a child process',
    };
  } finally {
    await sim.close();
    await cosmos.stop();
  }
}

/**
 * The app's scan (ReminderService) over many tenants: the cross-partition listing of organisations, each
 * tenant's vouchers, the expiry pass, dueReminders, the ledger enqueue and the resolved/ready queries. It
 * runs on a Saturday so nothing is sent (the entries wait for Monday's opening): only the scan is measured.
 */
export async function runReminderScanBench(
  tenants = 100,
  perTenant = 20,
): Promise<Record<string, number | string>> {
  const cosmos = await startCosmosProcess();
  try {
    const h = { repos: cosmos.store.repos } as unknown as Harness;
    const saturday = new Date('2026-05-09T12:00:00Z');
    const seeding = performance.now();
    for (let t = 0; t < tenants; t++) {
      const tenantId = `scan-tenant-${t}`;
      await seedReadyOrganization(h, tenantId);
      for (let v = 0; v < perTenant; v++) {
        // One in ten is past its expiry (the scan expires it); the rest are due their day-3 reserve reminder.
        const day = v % 10 === 0 ? '2025-10-01' : '2026-05-06';
        await seedVoucher(h, tenantId, `v-S${t}-${String(v).padStart(4, '0')}`, 'Assigned', {
          assignedOn: day,
          intakeOn: day,
        });
      }
    }
    const seedS = (performance.now() - seeding) / 1000;
    const service = new ReminderService({
      store: cosmos.store,
      ledger: new Ledger(cosmos.store, { now: () => saturday.getTime(), logger: silentLogger() }),
      adapter: { continueConversationAsync: async () => undefined },
      botAppId: '',
      references: new ReferenceStore(cosmos.store),
      rules: loadRules({ profile: 'program-2020' }),
      render: () => ({ type: 'message' }),
      scanSeconds: 3600,
      defaultTimeZone: 'UTC',
      businessHours: { start: 9, end: 17 },
      now: () => saturday,
      logger: silentLogger(),
    });
    await service.backfillDueIndex();
    const t1 = performance.now();
    const first = await service.scanOnce();
    const firstMs = performance.now() - t1;
    const t2 = performance.now();
    const second = await service.scanOnce();
    const steadyMs = performance.now() - t2;
    await service.stop();
    return {
      tenants,
      vouchers: tenants * perTenant,
      seedSeconds: Number(seedS.toFixed(1)),
      firstScanMs: Math.round(firstMs),
      firstScanTenantsWorked: first.tenants,
      firstScanExpired: service.stats.expired,
      steadyScanMs: Math.round(steadyMs),
      steadyScanTenantsWorked: second.tenants,
      errors: first.errors + second.errors,
      note: 'the due scan: the first cycle works every tenant (index backfilled at start), the steady one only those due (none); embedded Cosmos in a child process. bench/scale.ts counts requests',
    };
  } finally {
    await cosmos.stop();
  }
}

if (require.main === module && process.argv[2] === 'scan') {
  runReminderScanBench()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
} else if (require.main === module) {
  runRemindersBench()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
