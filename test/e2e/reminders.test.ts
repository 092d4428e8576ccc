// A proactive reminder in the real local client: the app runs with reminders on and development defaults
// (no SERVICE_URL_ALLOWLIST: loopback must be allowed by default), the Microsoft 365 Agents Playground talks
// to it through its own connector (http://localhost:<port>/_connector), and "test reminder" makes the bot post
// a sample reminder card into the chat on its own, whatever the hour.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { t } from '../../bot/i18n';
import { startTestApp } from '../support/app';
import { launchBrowser } from '../support/browser';

const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020'; // the Playground's mock user (config LOCAL_USER_ID)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function runPlayground(endpoint: string, port: number): Promise<ChildProcess> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');
  const noBrowser = mkdtempSync(path.join(os.tmpdir(), 'psc-pg-rem-'));
  writeFileSync(path.join(noBrowser, 'xdg-open'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(noBrowser, 'xdg-open'), 0o755);
  const child = spawn(bin, ['start', '-e', endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: { ...process.env, PATH: `${noBrowser}${path.delimiter}${process.env.PATH ?? ''}`, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Agents Playground did not start')), 30_000);
    const onData = (chunk: Buffer): void => {
      if (!/listening/i.test(chunk.toString())) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Agents Playground exited (${code ?? 'signal'})`)));
  });
}

describe('e2e: a proactive reminder reaches the Agents Playground', function () {
  this.timeout(90_000);
  let app: App;
  let playground: ChildProcess | undefined;
  let browser: Browser | undefined;
  let url: string;

  before(async () => {
    app = await startTestApp({ REMINDERS_ENABLED: 'true', REMINDER_SCAN_SECONDS: '86400', INITIAL_GLOBAL_ADMINS: PLAYGROUND_USER });
    const port = await freePort();
    playground = await runPlayground(`${app.url}/api/messages`, port);
    url = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await app?.stop();
  });

  it('"test reminder" makes the bot post the sample reminder card into the chat by itself', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 20_000 }); // the welcome of the install event
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.click();
    await page.keyboard.type('test reminder');
    await page.keyboard.press('Enter');
    const notice = t('en', 'reminder.testNotice');
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => (c as HTMLElement).innerText.includes(text)),
      notice,
      { timeout: 30_000 },
    );
    const all = await cards.allInnerTexts();
    assert.ok(all.some((c) => c.includes(t('en', 'reminderList.testSent'))), 'the answer says it is on its way');
    assert.ok(all.some((c) => c.includes(notice) && c.includes(t('en', 'reminder.done'))), 'the sample card with its buttons');
    // Delivered through the Playground's own loopback connector, and recorded in the ledger.
    const { resources: deliveries } = await app.store.containers.reminders.items.query<{ state: string; target: { userId?: string } }>("SELECT * FROM c WHERE c.type = 'delivery'").fetchAll();
    assert.deepEqual(deliveries.map((d) => [d.state, d.target.userId]), [['sent', PLAYGROUND_USER]]);
    const { resources: refs } = await app.store.containers.conversations.items.query<{ serviceUrl: string }>("SELECT * FROM c WHERE c.scope = 'personal'").fetchAll();
    assert.ok(refs.length > 0 && refs.every((r) => /^http:\/\/(localhost|127\.0\.0\.1):\d+\/_connector/.test(r.serviceUrl)), JSON.stringify(refs.map((r) => r.serviceUrl)));
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: path.join('test-artifacts', 'playground-test-reminder.png') });
  });
});
