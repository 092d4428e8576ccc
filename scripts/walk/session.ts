// The app (embedded store, empty tenant, a clock the walk can move), the Agents Playground and headless Chromium.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { launchBrowser } from '../../test/support/browser';
import { freePort, startPlayground } from '../../test/support/playground';

const DAY_MS = 86_400_000;

export interface Session {
  page: Page;
  /** Moves the app's clock forward, as DEV_CLOCK_OFFSET_DAYS would, without a restart. */
  advanceDays(days: number): void;
  today(): Date;
  stop(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  let offsetDays = 0;
  const now = (): Date => new Date(Date.now() + offsetDays * DAY_MS);
  const loaded = loadConfig({
    PORT: '0',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'psc-walk-')),
    LOG_LEVEL: 'silent',
    REMINDERS_ENABLED: 'false',
    SEED_DEMO: 'false',
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const app: App = await startApp(loaded.config, silentLogger(), { now });
  let playground: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const port = await freePort();
    playground = await startPlayground(`${app.url}/api/messages`, port);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    await page.goto(`http://127.0.0.1:${port}`, { waitUntil: 'networkidle' });
    const b = browser;
    const pg = playground;
    return {
      page,
      advanceDays: (days) => {
        offsetDays += days;
      },
      today: now,
      stop: async () => {
        await b.close();
        pg.kill('SIGTERM');
        await app.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    playground?.kill('SIGTERM');
    await app.stop();
    throw err;
  }
}
