// The real local Teams-like client: the Microsoft 365 Agents Playground, driven in headless Chromium,
// talking to the app over the Bot Framework protocol (its own connector at /_connector).
import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { App } from '../../bot/app';
import { startTestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { freePort, startPlayground } from '../support/playground';

describe('e2e: the Agents Playground talks to the app', function () {
  this.timeout(180_000);
  let app: App;
  let playground: ChildProcess;
  let browser: Browser;
  let url: string;

  before(async () => {
    app = await startTestApp();
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

  it('typing "hello" shows the bot\'s welcome card', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    // The install event already produced the first welcome card.
    await cards.first().waitFor({ timeout: 20_000 });
    const before = await cards.count();
    // The compose box is a rich-text editor (contenteditable), not an <input>.
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, {
      timeout: 20_000,
    });
    const text = (await cards.last().innerText()).toLowerCase();
    assert.match(text, /planning services/);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: path.join('test-artifacts', 'playground-hello.png') });
  });

  it('a change made on a card shows at once in the next answer (claim Global admin, then "what\'s next")', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 20_000 });
    const send = async (text: string) => {
      const before = await cards.count();
      await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, {
        timeout: 20_000,
      });
    };
    // Nobody has claimed the role in this app's tenant yet (the test above only said hello).
    await send("what's next");
    assert.match(await cards.last().innerText(), /Nobody is Global admin yet/);
    await send('people and roles');
    const claim = cards.last().getByRole('button', { name: 'Claim Global admin' });
    assert.equal(await claim.count(), 1);
    await claim.click();
    // The card is replaced in place by the answer to the action.
    await page.waitForFunction(
      () => {
        const all = document.querySelectorAll('.ac-adaptiveCard');
        return !(all[all.length - 1]?.textContent ?? '').includes('Claim Global admin');
      },
      undefined,
      { timeout: 20_000 },
    );
    // The very next answer, well within READ_CACHE_MS, already knows.
    await send("what's next");
    const next = await cards.last().innerText();
    assert.doesNotMatch(next, /Nobody is Global admin yet/);
    await page.screenshot({ path: path.join('test-artifacts', 'playground-after-claim.png') });
  });

  it('a step out of order says why; a pasted email whose line breaks the Playground drops still fills the form', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 60_000 });
    const send = async (write: () => Promise<void>) => {
      const before = await cards.count();
      await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
      await write();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, {
        timeout: 60_000,
      });
    };
    // No voucher in this tenant yet: "redeem" says what comes first, on the form that does it.
    await send(() => page.keyboard.type('redeem'));
    const early = await cards.last().innerText();
    assert.match(early, /There is no voucher yet: add the voucher the customer sent first/);
    assert.match(early, /Confirm voucher/);
    // A pasted email, one field a line; whatever the Playground keeps of the line breaks, each field is read.
    const email = [
      'Voucher ID: PS7Q-4K2M-19XD',
      'Customer: Contoso Ltd',
      'Offering: SharePoint',
      'Days: 3',
      'Voucher admin: ana@contoso.com',
      'Expires: 2026-12-31',
    ].join('\n');
    await send(() => page.keyboard.insertText(email));
    const form = cards.last();
    assert.equal(
      await form.locator('input[aria-label*="Voucher ID"], input').first().inputValue(),
      'PS7Q-4K2M-19XD',
    );
    const text = await form.innerText();
    assert.match(text, /Today by default/);
    assert.doesNotMatch(text, /Not found/);
    await page.screenshot({
      path: path.join('test-artifacts', 'playground-intake-pasted.png'),
      fullPage: true,
    });
  });

  it('the language chosen on the first welcome card, saved after "hello", is kept (issue #14 item 1)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 60_000 });
    const before = await cards.count();
    await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, {
      timeout: 60_000,
    });
    // Back on the install's welcome card: choose Português and save.
    const first = cards.first();
    // The Playground renders the choice set as a Fluent combobox.
    await first.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Português (Brasil)' }).click();
    await first.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(
      () => (document.querySelector('.ac-adaptiveCard')?.textContent ?? '').includes('Salvo'),
      undefined,
      { timeout: 60_000 },
    );
    const answer = await cards.first().innerText();
    assert.doesNotMatch(answer, /changed since you opened it/i);
    await page.screenshot({ path: path.join('test-artifacts', 'playground-first-language.png') });
  });
});
