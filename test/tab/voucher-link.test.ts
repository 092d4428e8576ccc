// Issue #11: the tab's voucher detail shows the voucher's shareable link on the app's own host, with a
// "Copy link" button that works with the Clipboard API and, where the frame may not use it, falls back.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { TENANT_A } from '../api/fixture';
import { ARTIFACTS, startTabHarness, type TabHarness } from './harness';

const HOST = 'companion.partner.example';

// The local development identity is Ana, Global admin of tenant A.
const LOCAL_ENV = {
  ENTRA_CLIENT_ID: '',
  ENTRA_APP_ID_URI: '',
  ENTRA_JWKS_URI: '',
  LOCAL_TENANT_ID: TENANT_A,
  LOCAL_USER_ID: SEED_PEOPLE.globalAdmin.userId,
  LOCAL_USER_NAME: SEED_PEOPLE.globalAdmin.name,
  PUBLIC_HOSTNAME: HOST,
};

describe('tab: the voucher detail shows its shareable link (browser)', function () {
  this.timeout(90_000);
  let hx: TabHarness;
  let context: BrowserContext;

  before(async () => {
    hx = await startTabHarness({ env: LOCAL_ENV });
    context = await hx.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  });
  after(async () => {
    await context?.close();
    await hx?.stop();
  });

  async function openVoucher(p: Page, lang?: string): Promise<string> {
    const [v] = await hx.fx.vouchers.list(TENANT_A);
    assert.ok(v);
    const query = `voucher=${encodeURIComponent(v.doc.id)}${lang ? `&lang=${lang}` : ''}`;
    await p.goto(`${hx.fx.baseUrl}/tab?${query}`);
    await p.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await p.waitForSelector('#voucher-detail[open] #voucher-link');
    return `https://${HOST}/v/${encodeURIComponent(v.doc.id)}`;
  }

  it('shows the link and copies it with the Clipboard API', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hx.fx.baseUrl });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const expected = await openVoucher(page);
    assert.equal(await page.inputValue('#voucher-link'), expected);
    assert.match((await page.textContent('#voucher-detail dl.facts')) ?? '', /Link to this voucher/);
    await page.click('#copy-link');
    await page.waitForSelector('#voucher-link-status:text("Link copied.")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-voucher-link-en.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('without the Clipboard API: the legacy copy of the selected link, worded in Spanish', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      // As in a host frame without clipboard permission or an older WebView.
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    });
    const expected = await openVoucher(page, 'es-ES');
    assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
    assert.equal(await page.textContent('#copy-link'), 'Copiar enlace');
    await page.click('#copy-link');
    await page.waitForSelector('#voucher-link-status:not(:empty)');
    const status = await page.textContent('#voucher-link-status');
    // Headless Chromium may or may not allow execCommand('copy'); either way the answer is worded and the link
    // is left selected for the keyboard.
    assert.ok(
      status === 'Enlace copiado.' || status === 'No se ha podido copiar el enlace: selecciónalo y cópialo.',
      String(status),
    );
    const selected = await page.$eval('#voucher-link', (el) => {
      const input = el as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    assert.equal(selected, expected);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-voucher-link-es-ES.png') });
    await page.close();
  });

  it('without PUBLIC_HOSTNAME the detail has no link', async () => {
    delete hx.fx.config.publicHostname;
    try {
      const page = await context.newPage();
      const [v] = await hx.fx.vouchers.list(TENANT_A);
      assert.ok(v);
      await page.goto(`${hx.fx.baseUrl}/tab?voucher=${encodeURIComponent(v.doc.id)}`);
      await page.waitForSelector('#voucher-detail[open]', { timeout: 15_000 });
      assert.equal(await page.$('#voucher-link'), null);
      await page.close();
    } finally {
      hx.fx.config.publicHostname = HOST;
    }
  });
});
