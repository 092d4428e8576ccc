// The tab's language in a fake Teams host: the person's choice in the bot, else the Teams locale, from the
// first render; the picker changes it for the session only and saves nothing.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { setLocaleOverride, TENANT_A } from '../api/fixture';
import { ARTIFACTS, startTabHarness, type TabHarness } from './harness';

const ANA = SEED_PEOPLE.globalAdmin;

// Inside the tab's frame, every state of #app as the person could see it (html lang + text), from the first
// paint on: the check that no other language shows before the person's own. A string, so the test runner's
// transform cannot add helpers the page does not have.
const RECORD_STATES = `(() => {
  if (!location.pathname.startsWith('/tab')) return;
  window.__states = [];
  const record = () => {
    const app = document.getElementById('app');
    if (app && app.textContent) window.__states.push(document.documentElement.lang + '|' + app.textContent);
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

describe('tab language: the person’s choice in the bot, then the Teams locale', function () {
  this.timeout(90_000);
  let hx: TabHarness;
  let context: BrowserContext;

  before(async () => {
    hx = await startTabHarness();
    context = await hx.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' });
  });
  after(async () => {
    await context?.close();
    await hx?.stop();
  });
  afterEach(async () => {
    await setLocaleOverride(hx.fx, TENANT_A, ANA.userId, undefined);
  });

  async function openAs(
    locale: string,
    page?: Page,
  ): Promise<{ page: Page; frame: Frame; errors: string[]; apiMethods: string[] }> {
    Object.assign(hx.host, {
      token: await hx.fx.sign(),
      locale,
      theme: 'default',
      tenantId: TENANT_A,
      userId: ANA.userId,
      failAuth: false,
    });
    const p = page ?? (await context.newPage());
    const errors: string[] = [];
    const apiMethods: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/'))
        apiMethods.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    if (!page) {
      await p.addInitScript(RECORD_STATES);
      // No internet here: teams-js's valid-origins download is answered locally (it has a built-in list).
      await p.route('https://res.cdn.office.net/**', (r) =>
        r.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":[]}' }),
      );
    }
    await p.goto(`${hx.fx.baseUrl}/test-host.html`);
    const frame = await (await p.waitForSelector('#tab')).contentFrame();
    assert.ok(frame);
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    return { page: p, frame, errors, apiMethods };
  }

  async function states(frame: Frame): Promise<string[]> {
    return (await frame.evaluate('window.__states')) as string[];
  }

  it('opens in Portuguese for a person whose override is pt-BR, though Teams says en-US, with no English first', async () => {
    await setLocaleOverride(hx.fx, TENANT_A, ANA.userId, 'pt-BR');
    const { page, frame, errors } = await openAs('en-US');
    assert.equal(await frame.getAttribute('html', 'lang'), 'pt-BR');
    assert.equal(await frame.textContent('#pipeline-heading'), 'Funil de vouchers');
    assert.match((await frame.textContent('header.top')) ?? '', /Administrador global/);
    assert.match((await frame.textContent('#renewal-countdown')) ?? '', /24 dias para renovar/);
    assert.equal(await frame.inputValue('[data-control="language"]'), 'pt-BR');
    // Every state shown since the first paint was Portuguese (or wordless while loading): no English flash.
    const seen = await states(frame);
    assert.ok(seen.length > 0, 'no states recorded');
    const english = seen.filter(
      (s) =>
        /Loading your program status|Voucher pipeline|Global admin|Deadlines/.test(s) || s.startsWith('en|'),
    );
    assert.deepEqual(english, []);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-host-override-pt-BR.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('without an override follows the Teams locale: en-US in English, es-MX in Spanish', async () => {
    const en = await openAs('en-US');
    assert.equal(await en.frame.getAttribute('html', 'lang'), 'en');
    assert.equal(await en.frame.textContent('#pipeline-heading'), 'Voucher pipeline');
    assert.match((await en.frame.textContent('header.top')) ?? '', /Global admin/);
    await en.page.close();

    const es = await openAs('es-MX');
    assert.equal(await es.frame.getAttribute('html', 'lang'), 'es-ES');
    assert.equal(await es.frame.textContent('#pipeline-heading'), 'Embudo de vales');
    await es.page.close();
  });

  it('an override the app does not speak is ignored: the Teams locale applies', async () => {
    await setLocaleOverride(hx.fx, TENANT_A, ANA.userId, 'fr-FR');
    const { page, frame } = await openAs('es-ES');
    assert.equal(await frame.getAttribute('html', 'lang'), 'es-ES');
    assert.equal(await frame.textContent('#pipeline-heading'), 'Embudo de vales');
    await page.close();
  });

  it('the picker changes the language for this session only and saves nothing', async () => {
    await setLocaleOverride(hx.fx, TENANT_A, ANA.userId, 'pt-BR');
    const before = await hx.fx.organizations.get(TENANT_A);
    const first = await openAs('en-US');
    assert.equal(await first.frame.textContent('#pipeline-heading'), 'Funil de vouchers');
    await first.frame.selectOption('[data-control="language"]', 'es-ES');
    await first.frame.waitForFunction(() => document.documentElement.lang === 'es-ES');
    assert.equal(await first.frame.textContent('#pipeline-heading'), 'Embudo de vales');

    // Reloaded in the same session: the picker's choice still wins over the override.
    const reloaded = await openAs('en-US', first.page);
    assert.equal(await reloaded.frame.getAttribute('html', 'lang'), 'es-ES');
    assert.equal(await reloaded.frame.inputValue('[data-control="language"]'), 'es-ES');
    // The tab only read: no request changed anything, and the stored override is untouched.
    assert.ok(first.apiMethods.length > 0);
    assert.deepEqual(
      first.apiMethods.filter((m) => !m.startsWith('GET ')),
      [],
    );
    const after = await hx.fx.organizations.get(TENANT_A);
    assert.equal(after?.etag, before?.etag);
    assert.equal(after?.doc.people.find((p) => p.userId === ANA.userId)?.settings.locale, 'pt-BR');
    await first.page.close();

    // A new session opens in the person's choice from the bot again.
    const second = await openAs('en-US');
    assert.equal(await second.frame.getAttribute('html', 'lang'), 'pt-BR');
    assert.equal(await second.frame.textContent('#pipeline-heading'), 'Funil de vouchers');
    await second.page.close();
  });
});
