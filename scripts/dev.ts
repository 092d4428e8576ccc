// `npm start`: the bot with the embedded database, plus the Microsoft 365 Agents Playground pointed at it.
// `npm run start:bot` starts the bot alone (bring your own client).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromProcessOrExit, type Config } from '../bot/config';
import { createLogger, logFormatFor } from '../bot/logger';
import { startApp } from '../bot/app';
import { seedDemoData } from '../bot/dev/seed';

/**
 * The Playground opens a browser with xdg-open and exits right after "Listening" when that fails (headless
 * machines, containers). Where no xdg-open exists, put a no-op one first on its PATH; we print the URL instead.
 */
function playgroundEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const hasOpener = spawnSync('sh', ['-c', 'command -v xdg-open'], { stdio: 'ignore' }).status === 0;
  if (!hasOpener || process.env.PLAYGROUND_NO_BROWSER === 'true') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'psc-noopen-'));
    const opener = path.join(dir, 'xdg-open');
    writeFileSync(opener, '#!/bin/sh\nexit 0\n');
    chmodSync(opener, 0o755);
    env.PATH = `${dir}${path.delimiter}${env.PATH ?? ''}`;
  }
  return env;
}

// On the first start the local tenant gets the demo organisation, with the local user (the Playground's
// "Alex Wilber") as its Global admin. SEED_DEMO=false starts empty: a new partner at step 1.
async function seedOnFirstStart(
  store: Parameters<typeof seedDemoData>[0],
  config: Config,
  now: () => Date,
): Promise<void> {
  const identity = config.tab.localIdentity;
  if (!identity || process.env.SEED_DEMO === 'false') return;
  const existing = await store.repos.organizations.get(identity.tenantId);
  if (existing) return;
  const seeded = await seedDemoData(store, identity.tenantId, now(), {
    people: [{ userId: identity.userId, name: identity.name, roles: ['globalAdmin', 'mpnPartnerAdmin'] }],
  });
  console.log(
    `  Seeded a demo organisation for the local tenant (${seeded.vouchers.length} vouchers); SEED_DEMO=false starts empty.`,
  );
}

/** The reminder scan interval `npm start` uses unless REMINDER_SCAN_SECONDS is set. */
const DEV_SCAN_SECONDS = 30;

async function main(): Promise<void> {
  const config = configFromProcessOrExit();
  // Local development: scan often so a due reminder shows up in the Playground soon (business hours still
  // apply; "test reminder" or BUSINESS_HOURS=0-24 shows one at any hour).
  if (config.env === 'development' && !process.env.REMINDER_SCAN_SECONDS?.trim())
    config.reminders.scanSeconds = DEV_SCAN_SECONDS;
  const logger = createLogger(config.logLevel, undefined, logFormatFor(config.env));
  const app = await startApp(config, logger);
  await seedOnFirstStart(app.store, config, app.now);
  const endpoint = `${app.url}/api/messages`;

  const bin = path.join(__dirname, '..', 'node_modules', '.bin', 'agentsplayground');
  const playground: ChildProcess = spawn(
    bin,
    ['start', '-e', endpoint, '-c', 'msteams', '-p', String(config.playgroundPort), '--disable-telemetry'],
    { env: playgroundEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const playgroundUrl = `http://localhost:${config.playgroundPort}`;
  let announced = false;
  const onOutput = (chunk: Buffer): void => {
    const text = chunk.toString();
    if (!announced && /listening/i.test(text)) {
      announced = true;
      console.log('');
      console.log('  Planning Services Companion is running.');
      console.log(`  Open the Agents Playground:  ${playgroundUrl}`);
      console.log(`  Bot endpoint:                ${endpoint}`);
      console.log(`  Status tab:                  ${app.url}/tab`);
      if (app.embedded?.dataFile) console.log(`  Local data:                  ${app.embedded.dataFile}`);
      if (config.devClockOffsetDays !== 0)
        console.log(
          `  Development clock:           shifted by ${config.devClockOffsetDays} days, today is ${app.now().toISOString().slice(0, 10)} (DEV_CLOCK_OFFSET_DAYS)`,
        );
      if (config.reminders.enabled) {
        const { start, end } = config.reminders.businessHours;
        const when = start === 0 && end === 24 ? 'at any hour' : `${start}:00–${end}:00 on weekdays`;
        console.log(
          `  Reminders:                   scanned every ${config.reminders.scanSeconds} s, sent ${when} (say "test reminder" to get one now)`,
        );
      }
      console.log('  Stop with Ctrl+C.');
      console.log('');
    }
    if (process.env.PLAYGROUND_VERBOSE === 'true') process.stderr.write(text);
  };
  playground.stdout?.on('data', onOutput);
  playground.stderr?.on('data', onOutput);

  let stopping = false;
  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    playground.kill('SIGTERM');
    await app.stop();
    process.exit(code);
  };
  playground.on('exit', (code) => {
    if (!stopping) {
      console.error(
        `The Agents Playground stopped (exit ${code ?? 'signal'}); the bot keeps running at ${endpoint}.`,
      );
    }
  });
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
