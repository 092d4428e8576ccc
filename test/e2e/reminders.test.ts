// A proactive reminder in the real local client: the app runs with reminders on and development defaults
// (no SERVICE_URL_ALLOWLIST: loopback must be allowed by default), the Microsoft 365 Agents Playground talks
// to it through its own connector (http://localhost:<port>/_connector), and "test reminder" makes the bot post
// a sample reminder card into the chat on its own, whatever the hour.
import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { t } from '../../bot/i18n';
import { startTestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { freePort, startPlayground } from '../support/playground';

const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020'; // the Playground's mock user (config LOCAL_USER_ID)

describe('e2e: a proactive reminder reaches the Agents Playground', function () {
  this.timeout(90_000);
  let app: App;
  let playground: ChildProcess | undefined;
  let browser: Browser | undefined;
  let url: string;

  before(async () => {
    app = await startTestApp({
      REMINDERS_ENABLED: 'true',
      REMINDER_SCAN_SECONDS: '86400',
      INITIAL_GLOBAL_ADMINS: PLAYGROUND_USER,
    });
    const port = await freePort();
    playground = await startPlayground(`${app.url}/api/messages`, port);
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
      (text) =>
        [...document.querySelectorAll('.ac-adaptiveCard')].some((c) =>
          (c as HTMLElement).innerText.includes(text),
        ),
      notice,
      { timeout: 30_000 },
    );
    const all = await cards.allInnerTexts();
    assert.ok(
      all.some((c) => c.includes(t('en', 'reminderList.testSent'))),
      'the answer says it is on its way',
    );
    assert.ok(
      all.some((c) => c.includes(notice) && c.includes(t('en', 'reminder.done'))),
      'the sample card with its buttons',
    );
    // Delivered through the Playground's own loopback connector, and recorded in the ledger.
    const { resources: deliveries } = await app.store.containers.reminders.items
      .query<{ state: string; target: { userId?: string } }>("SELECT * FROM c WHERE c.type = 'delivery'")
      .fetchAll();
    assert.deepEqual(
      deliveries.map((d) => [d.state, d.target.userId]),
      [['sent', PLAYGROUND_USER]],
    );
    const { resources: refs } = await app.store.containers.conversations.items
      .query<{ serviceUrl: string }>("SELECT * FROM c WHERE c.scope = 'personal'")
      .fetchAll();
    assert.ok(
      refs.length > 0 &&
        refs.every((r) => /^http:\/\/(localhost|127\.0\.0\.1):\d+\/_connector/.test(r.serviceUrl)),
      JSON.stringify(refs.map((r) => r.serviceUrl)),
    );
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: path.join('test-artifacts', 'playground-test-reminder.png') });
  });
});
