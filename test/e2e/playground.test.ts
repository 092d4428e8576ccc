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
  this.timeout(90_000);
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

  it('the language chosen on the first welcome card, saved after "hello", is kept (issue #14 item 1)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 20_000 });
    const before = await cards.count();
    await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, {
      timeout: 20_000,
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
      { timeout: 20_000 },
    );
    const answer = await cards.first().innerText();
    assert.doesNotMatch(answer, /changed since you opened it/i);
    await page.screenshot({ path: path.join('test-artifacts', 'playground-first-language.png') });
  });
});
