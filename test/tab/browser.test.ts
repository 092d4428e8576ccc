// The tab in headless Chromium: standalone (local development identity) and inside a fake Teams host that
// answers the SDK's postMessage calls with a context and an SSO token signed by the test's "Entra ID".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { TENANT_A } from '../api/fixture';
import { ARTIFACTS, startTabHarness, type TabHarness } from './harness';

const LOCAL_ENV = { ENTRA_CLIENT_ID: '', ENTRA_APP_ID_URI: '', ENTRA_JWKS_URI: '' };

interface Watched {
  page: Page;
  errors: string[];
}

/** A page whose console errors and uncaught exceptions are collected (CSP violations show up there). */
async function open(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // No internet here: teams-js's valid-origins download is answered locally (it has a built-in list).
  await page.route('https://res.cdn.office.net/**', (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":[]}' }),
  );
  return { page, errors };
}

async function ready(target: Page | Frame): Promise<void> {
  await target.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let q = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (q && c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = !q;
        else if (c === ',' && !q) {
          out.push(cur);
          cur = '';
        } else cur += c;
      }
      out.push(cur);
      return out;
    });
}

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('tab in the browser, standalone (local development identity)', function () {
  this.timeout(90_000);
  let hx: TabHarness;
  let context: BrowserContext;

  before(async () => {
    hx = await startTabHarness({ env: LOCAL_ENV });
    context = await hx.browser.newContext({
      viewport: { width: 1100, height: 900 },
      acceptDownloads: true,
      locale: 'en-US',
    });
  });
  after(async () => {
    await context?.close();
    await hx?.stop();
  });

  it('renders the seeded overview with the local identity banner, without console errors', async () => {
    const { page, errors } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    assert.equal(await page.getAttribute('body', 'data-host'), 'standalone');
    assert.match((await page.textContent('#local-banner')) ?? '', /Local development identity/);
    // Pipeline: one bar per state; the counts add up to the seed.
    const counts = await page.$$eval('#pipeline .bar-value strong', (els) =>
      els.map((e) => Number(e.textContent)),
    );
    assert.equal(counts.length, 9);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      12,
    );
    assert.match((await page.textContent('#renewal-countdown')) ?? '', /24 days to renew/);
    assert.equal(await page.locator('#voucher-table tbody tr').count(), 12);
    assert.ok((await page.locator('#overdue li').count()) > 0);
    assert.ok((await page.locator('#payment-totals tbody tr').count()) >= 2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-light-en.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('filters by state and by customer, and clears the filters', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    await page.selectOption('#f-state', 'Reserved');
    await page.waitForFunction(() => document.querySelectorAll('#voucher-table tbody tr').length === 2);
    const states = await page.$$eval('#voucher-table tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-state')),
    );
    assert.deepEqual(states, ['Reserved', 'Reserved']);
    assert.match((await page.textContent('#result-count')) ?? '', /2 vouchers/);

    await page.selectOption('#f-state', '');
    await page.selectOption('#f-customer', 'Contoso Ltd.');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '1 voucher');
    assert.match((await page.textContent('#voucher-table tbody')) ?? '', /Contoso Ltd\./);

    await page.selectOption('#f-state', 'Paid');
    await page.waitForSelector('#no-matches');
    assert.match((await page.textContent('#no-matches')) ?? '', /No vouchers match these filters/);
    await page.click('#no-matches button');
    await page.waitForFunction(() => document.querySelectorAll('#voucher-table tbody tr').length === 12);
    assert.equal(await page.inputValue('#f-state'), '');
    await page.close();
  });

  it('a pipeline bar filters the list by its state', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    await page.click('#pipeline button[data-state="PaymentRequested"]');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '2 vouchers');
    assert.equal(await page.inputValue('#f-state'), 'PaymentRequested');
    await page.close();
  });

  it('downloads a CSV whose rows are exactly the filtered list', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    await page.selectOption('#f-offering', 'SDPS');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent !== '12 vouchers');
    const shown = await page.$$eval('#voucher-table tbody th button', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.match(download.suggestedFilename(), /^vouchers-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(ARTIFACTS, 'export-sdps.csv');
    await download.saveAs(file);
    const rows = csvRows(readFileSync(file, 'utf8'));
    assert.equal(rows[0]?.[0], 'voucherNumber');
    const offeringCol = rows[0]?.indexOf('offering') ?? -1;
    const data = rows.slice(1);
    assert.ok(data.length > 0);
    assert.deepEqual(
      data.map((r) => r[0]),
      shown,
    );
    assert.ok(data.every((r) => r[offeringCol] === 'SDPS'));
    await page.close();
  });

  it("a Global admin downloads the organization's data: one JSON file with every container and the CSV", async () => {
    // The development identity is made the organisation's Global admin (only they see and may use Export).
    const local = hx.fx.config.tab.localIdentity;
    assert.ok(local);
    const org = await hx.fx.organizations.get(local.tenantId);
    assert.ok(org);
    const others = org.doc.people.filter((p) => p.userId !== local.userId);
    const people = [
      ...others,
      {
        userId: local.userId,
        name: local.name,
        roles: ['globalAdmin' as const],
        assessments: [],
        settings: {},
        firstSeenAt: '2026-01-05T10:00:00.000Z',
      },
    ];
    await hx.fx.organizations.save(local.tenantId, { ...org.doc, people }, org.etag);
    const { page, errors } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-organization')]);
    assert.match(download.suggestedFilename(), /^organization-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(ARTIFACTS, 'organization-data.json');
    await download.saveAs(file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      tenantId: string;
      containers: Record<string, { tenantId: string }[]>;
      vouchersCsv: string;
    };
    assert.equal(data.tenantId, local.tenantId);
    assert.equal(data.containers.vouchers?.length, 12);
    assert.ok(
      Object.values(data.containers).every((docs) => docs.every((d) => d.tenantId === data.tenantId)),
    );
    assert.match(data.vouchersCsv, /voucherNumber/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is keyboard navigable: a voucher opens with Enter, Escape closes and focus returns', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    const first = page.locator('#voucher-table tbody th button').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#voucher-detail[open]');
    const items = await page.locator('#timeline li').count();
    assert.ok(items >= 1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#voucher-detail', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.closest('th') !== null), true);
    // Tab order reaches the filters from the top of the page.
    await page.focus('#f-offering');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-state');
    await page.close();
  });

  it('labels every form control', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    const unlabelled = await page.$$eval('select, input, button', (els) =>
      els
        .filter((e) => {
          const el = e as HTMLInputElement;
          const byLabel = (el.labels?.length ?? 0) > 0;
          const byAria = Boolean(el.getAttribute('aria-label'));
          const byText = el.tagName === 'BUTTON' && (el.textContent ?? '').trim().length > 0;
          return !(byLabel || byAria || byText);
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, []);
    await page.close();
  });

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`${theme} theme: text has at least 4.5:1 contrast on its background`, async () => {
      const { page } = await open(context);
      await page.goto(`${hx.fx.baseUrl}/tab?theme=${theme}`);
      await ready(page);
      assert.equal(await page.getAttribute('html', 'data-theme'), theme);
      // A string, so the test runner's transform cannot add helpers the page does not have.
      const pairs = (await page.evaluate(`(() => {
        const color = (sel, prop) => { const el = document.querySelector(sel); return el ? getComputedStyle(el)[prop] : ''; };
        const surface = color('.card', 'backgroundColor');
        return {
          body: [color('body', 'color'), color('body', 'backgroundColor')],
          card: [color('.card h2', 'color'), surface],
          muted: [color('#deadlines .meta', 'color'), surface],
          link: [color('#voucher-table button.link', 'color'), surface],
          overdue: [color('#overdue .when.bad', 'color'), surface],
          primary: [color('#export-csv', 'color'), color('#export-csv', 'backgroundColor')],
          banner: [color('#local-banner', 'color'), color('#local-banner', 'backgroundColor')],
        };
      })()`)) as Record<string, [string, string]>;
      for (const [name, [fg, bg]] of Object.entries(pairs)) {
        assert.ok(fg && bg, `${name}: colours not found`);
        const ratio = contrast(fg, bg);
        assert.ok(ratio >= 4.5, `${theme} ${name}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1`);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `tab-${theme}-en.png`), fullPage: true });
      await page.close();
    });
  }

  it('speaks Portuguese and Spanish with the glossary terms', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab?lang=pt-BR`);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR');
    assert.equal(await page.textContent('#pipeline-heading'), 'Funil de vouchers');
    assert.match((await page.textContent('#renewal-countdown')) ?? '', /24 dias para renovar/);
    assert.match((await page.textContent('#pipeline')) ?? '', /Resgatado/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-light-pt-BR.png'), fullPage: true });

    // The language picker switches in place (and keeps the choice for this session).
    await page.selectOption('[data-control="language"]', 'es-ES');
    await page.waitForFunction(() => document.documentElement.lang === 'es-ES');
    assert.equal(await page.textContent('#pipeline-heading'), 'Embudo de vales');
    assert.match((await page.textContent('#pipeline')) ?? '', /Canjeado/);
    assert.match((await page.textContent('#vouchers-heading')) ?? '', /Vales/);
    await page.locator('#voucher-table tbody th button').first().click();
    await page.waitForSelector('#voucher-detail[open]');
    assert.match((await page.textContent('#voucher-detail')) ?? '', /Proyecto de planificación|Historial/);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-dark-es-ES.png'), fullPage: true });
    // Without ?lang= the session's choice wins over the browser's language; it is not kept beyond the session.
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'es-ES');
    await page.close();
    const next = await open(context);
    await next.page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(next.page);
    assert.equal(await next.page.getAttribute('html', 'lang'), 'en');
    await next.page.close();
  });

  it('fits Teams’ narrow width (320 px) without horizontal scrolling', async () => {
    const narrow = await hx.browser.newContext({ viewport: { width: 320, height: 800 } });
    const { page } = await open(narrow);
    await page.goto(`${hx.fx.baseUrl}/tab?theme=dark&lang=pt-BR`);
    await ready(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `page is ${width}px wide`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-narrow-dark-pt-BR.png'), fullPage: false });
    await narrow.close();
  });
});

describe('tab in the browser, inside a fake Teams host (SSO)', function () {
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

  async function openHost(): Promise<{ page: Page; frame: Frame; errors: string[] }> {
    const { page, errors } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/test-host.html`);
    const handle = await page.waitForSelector('#tab');
    const frame = await handle.contentFrame();
    assert.ok(frame);
    await ready(frame);
    return { page, frame, errors };
  }

  it('initialises the SDK, gets the SSO token and shows the tenant’s data in the host’s language', async () => {
    Object.assign(hx.host, {
      token: await hx.fx.sign(),
      locale: 'pt-BR',
      theme: 'default',
      tenantId: TENANT_A,
      userId: SEED_PEOPLE.globalAdmin.userId,
      failAuth: false,
    });
    const { page, frame, errors } = await openHost();
    assert.equal(await frame.getAttribute('body', 'data-host'), 'teams');
    const calls = (await page.evaluate(
      () => (window as unknown as { hostCalls: string[] }).hostCalls,
    )) as string[];
    for (const f of ['initialize', 'getContext', 'authentication.getAuthToken'])
      assert.ok(calls.includes(f), `host never saw ${f}: ${calls.join(', ')}`);
    // Signed in through SSO: no development banner, the caller's role comes from the organisation.
    assert.equal(await frame.locator('#local-banner').count(), 0);
    assert.match((await frame.textContent('header.top')) ?? '', /Administrador global/);
    assert.equal(await frame.textContent('#pipeline-heading'), 'Funil de vouchers');
    assert.equal(await frame.locator('#voucher-table tbody tr').count(), 12);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-host-pt-BR.png'), fullPage: false });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('follows the host’s theme changes live (dark, then high contrast)', async () => {
    Object.assign(hx.host, { token: await hx.fx.sign(), locale: 'es-ES', theme: 'default', failAuth: false });
    const { page, frame } = await openHost();
    assert.equal(await frame.getAttribute('html', 'data-theme'), 'default');
    const lightBg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.evaluate(() => (window as unknown as { sendTheme(t: string): void }).sendTheme('dark'));
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const darkBg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(darkBg, lightBg);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-host-dark-es-ES.png'), fullPage: false });
    await page.evaluate(() => (window as unknown as { sendTheme(t: string): void }).sendTheme('contrast'));
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'contrast');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(0, 0, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-host-contrast-es-ES.png'), fullPage: false });
    await page.close();
  });

  it('shows a sign-in message and no data when the token is refused', async () => {
    Object.assign(hx.host, {
      token: await hx.fx.sign({ aud: 'someone-else' }),
      locale: 'en-US',
      theme: 'default',
      failAuth: false,
    });
    const { page, frame } = await openHost();
    assert.match((await frame.textContent('main')) ?? '', /could not sign you in/);
    assert.equal(await frame.locator('#voucher-table').count(), 0);
    assert.doesNotMatch((await frame.textContent('body')) ?? '', /Contoso|SDPS-/);
    await page.close();
  });

  it('shows a sign-in message when Teams cannot give a token', async () => {
    Object.assign(hx.host, { locale: 'en-US', failAuth: true });
    const { page, frame } = await openHost();
    assert.match((await frame.textContent('main')) ?? '', /could not sign you in/);
    assert.equal(await frame.locator('#voucher-table').count(), 0);
    await page.close();
  });

  it('a new organisation sees empty states that say what to do next', async () => {
    const tid = 'dddddddd-0000-4000-8000-00000000000d';
    Object.assign(hx.host, {
      token: await hx.fx.sign({ tid, iss: `https://login.microsoftonline.com/${tid}/v2.0` }),
      locale: 'en-US',
      theme: 'default',
      failAuth: false,
    });
    const { page, frame } = await openHost();
    assert.match((await frame.textContent('#no-organization')) ?? '', /has not set up Planning Services yet/);
    assert.match((await frame.textContent('#pipeline')) ?? '', /paste it in the chat with the bot/);
    assert.match((await frame.textContent('#payments')) ?? '', /No payment requests yet/);
    assert.equal(await frame.locator('#voucher-table').count(), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-host-empty-en.png'), fullPage: false });
    await page.close();
  });

  it('outside Teams and without the development identity, asks to open it in Teams', async () => {
    const { page } = await open(context);
    await page.goto(`${hx.fx.baseUrl}/tab`);
    await ready(page);
    assert.match((await page.textContent('main')) ?? '', /Open this tab in Microsoft Teams/);
    await page.close();
  });
});
