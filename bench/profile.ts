// Where a turn's CPU goes: runs one kind of turn many times against the bench's bot host (the same child
// process as bench/turns.ts) with V8's sampling profiler on, then prints the functions and the packages
// with the most self time. The .cpuprofile is kept (bench/results/profiles/) for Chrome DevTools.
//
//   npx tsx bench/profile.ts show|reserve|deliver|next|help|echo|echo-invoke [turns]   (PROFILE_VOUCHERS: pipeline size, 80)
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { invokeActivity, messageActivity } from '../test/support/activities';
import { startLocalConnector } from '../test/support/connector';
import { startTestCosmos } from '../test/support/cosmos';
import { seedReadyOrganization, seedVoucher, ADMIN, CONSULTANT } from '../test/conversation/fixtures';
import { send, startHost } from './turns';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per package (node_modules/<name>, or the project's own top folder). */
function summarize(profile: CpuProfile, top = 30): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) continue;
    const url = frame.url.replace(/^file:\/\//, '');
    const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const own = url.includes('/main/') ? url.split('/main/')[1]?.split('/').slice(0, 2).join('/') : undefined;
    const pkg = nm
      ? nm[1]
      : (own ?? (url ? (url.startsWith('node:') ? 'node' : url) : `(${frame.functionName || 'native'})`));
    pkgs.set(pkg as string, (pkgs.get(pkg as string) ?? 0) + us);
    const key = `${frame.functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${frame.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const table = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `by package / folder:\n${table(pkgs)}\n\nby function:\n${table(fns)}`;
}

async function main(): Promise<void> {
  const kind = process.argv[2] ?? 'show';
  const turns = Number(process.argv[3] ?? 1500);
  const dir = path.join(__dirname, 'results', 'profiles');
  mkdirSync(dir, { recursive: true });
  const database = `bench-profile-${process.pid}`;
  const cosmos = await startTestCosmos(database);
  const connector = await startLocalConnector();
  const host = await startHost({
    endpoint: cosmos.embedded.endpoint,
    database,
    serviceUrl: connector.serviceUrl,
  });
  const tenantId = 'bench-tenant';
  const harness = { repos: cosmos.store.repos } as Parameters<typeof seedReadyOrganization>[0];
  await seedReadyOrganization(harness, tenantId);
  await seedVoucher(harness, tenantId, 'v-BENCH-SHOW', 'Reserved');
  // A pipeline as large as the turns bench has by its latency phase (PROFILE_VOUCHERS=0 for none).
  const states = [
    'Assigned',
    'Reserved',
    'Delivered',
    'ReportSubmitted',
    'Redeemed',
    'PaymentRequested',
    'Paid',
  ] as const;
  const extra = Number(process.env.PROFILE_VOUCHERS ?? 80);
  for (let i = 0; i < extra; i++)
    await seedVoucher(
      harness,
      tenantId,
      `v-PIPE-${i}`,
      states[i % states.length] as (typeof states)[number],
      { customer: { name: `Pipeline customer ${i}` } },
    );
  const me = {
    serviceUrl: connector.serviceUrl,
    tenantId,
    userId: ADMIN,
    userName: 'Ana Souza',
    conversationId: 'a:bench-0',
  };
  const reserveData = {
    step: 'submit',
    engagementId: 'sdps-sharepoint',
    deliveryCountry: 'BR',
    partnerLocationId: 'sp-br',
    plannedStart: '2026-05-04',
    plannedEnd: '2026-05-08',
    consultants: CONSULTANT,
    offsiteDays: '0',
  };
  let seq = 0;
  const turn = async (): Promise<void> => {
    if (kind === 'show')
      return send(host.urls.companion, invokeActivity(me, 'voucher.show', { voucherId: 'v-BENCH-SHOW' }));
    if (kind === 'next') return send(host.urls.companion, messageActivity(me, "what's next"));
    if (kind === 'help') return send(host.urls.companion, messageActivity(me, 'help'));
    if (kind === 'echo') return send(host.urls.echo, messageActivity(me, 'help'));
    if (kind === 'echo-invoke')
      return send(host.urls.echo, invokeActivity(me, 'voucher.show', { voucherId: 'v-BENCH-SHOW' }));
    if (kind === 'deliver') {
      const id = `v-PROF-D-${++seq}`;
      const v = await seedVoucher(harness, tenantId, id, 'Reserved', {
        customer: { name: `Profile customer ${seq}` },
      });
      await send(
        host.urls.companion,
        invokeActivity(me, 'voucher.markDelivered', { step: 'open', voucherId: id }),
      );
      return send(
        host.urls.companion,
        invokeActivity(me, 'voucher.markDelivered', { step: 'submit', voucherId: id, etag: v.etag }),
      );
    }
    if (kind === 'reserve') {
      const id = `v-PROF-${++seq}`;
      const v = await seedVoucher(harness, tenantId, id, 'Assigned', {
        customer: { name: `Profile customer ${seq}` },
      });
      return send(
        host.urls.companion,
        invokeActivity(me, 'voucher.reserve', { ...reserveData, voucherId: id, etag: v.etag }),
      );
    }
    throw new Error(`unknown kind ${kind}: show | reserve | deliver | next | help | echo | echo-invoke`);
  };
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await turn();
      if (connector.received.length > 1000) connector.clear();
    }
  };
  await run(200); // warm-up (JIT, connection pools, prepared templates) outside the profile
  await host.profileStart();
  await run(turns);
  const file = path.join(dir, `${kind}.cpuprofile`);
  await host.profileStop(file);
  await host.stop();
  await connector.stop();
  await cosmos.stop();
  console.log(`${kind}: ${turns} turns; profile ${file}\n`);
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
