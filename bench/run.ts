// `npm run bench`: runs every benchmark in one process, one after another, and prints their figures as
// JSON (also written to bench/results/latest.json, git-ignored). Benchmarks are not tests: they assert
// nothing; their figures go into the issue notes. `npm run bench -- turns` runs one by name.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Bench = () => Promise<Record<string, number | string>>;

const BENCHES: { name: string; file: string; fn: string }[] = [
  { name: 'turns', file: 'turns.ts', fn: 'runTurnsBench' },
  { name: 'reminders', file: 'reminders.ts', fn: 'runRemindersBench' },
  { name: 'overview', file: 'overview.ts', fn: 'runOverviewBench' },
  { name: 'scale', file: 'scale.ts', fn: 'runScaleBench' },
  { name: 'fanout-tenants', file: 'fanout-tenants.ts', fn: 'runFanoutTenantsBench' },
  { name: 'search', file: 'search.ts', fn: 'runSearchBench' },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: Record<string, Record<string, number | string>> = {};
  for (const b of BENCHES) {
    if (only.length > 0 && !only.includes(b.name)) continue;
    const file = path.join(__dirname, b.file);
    if (!existsSync(file)) {
      console.error(`bench ${b.name}: ${b.file} not present, skipped`);
      continue;
    }
    const mod = (await import(file)) as Record<string, Bench>;
    const run = mod[b.fn];
    if (typeof run !== 'function') throw new Error(`bench ${b.name}: ${b.file} does not export ${b.fn}()`);
    console.error(`bench ${b.name}: running…`);
    results[b.name] = await run();
    console.log(JSON.stringify({ [b.name]: results[b.name] }, null, 2));
  }
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2),
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
