// Acting from the tab in headless Chromium: the voucher detail shows the viewer's actions; an action opens the
// chat's card in a dialog (the in-page modal outside Teams, and inside a Teams host without Adaptive Card
// dialogs), its submit goes through the bot's verb handler, and the tab shows the voucher's new state.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { TENANT_A } from '../api/fixture';
import { ARTIFACTS, startTabHarness, type TabHarness } from './harness';

const BOT_ID = '99999999-8888-4777-8666-555555555555';

// The local development identity is Ana, Global admin of tenant A.
const LOCAL_ENV = {
  ENTRA_CLIENT_ID: '',
  ENTRA_APP_ID_URI: '',
  ENTRA_JWKS_URI: '',
  LOCAL_TENANT_ID: TENANT_A,
  LOCAL_USER_ID: SEED_PEOPLE.globalAdmin.userId,
  LOCAL_USER_NAME: SEED_PEOPLE.globalAdmin.name,
  // The completion bot of the Teams dialogs.
  BOT_APP_ID: BOT_ID,
  BOT_APP_PASSWORD: 'not-used-by-the-tab-api',
};

async function watch(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://res.cdn.office.net/**', (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":[]}' }),
  );
  return { page, errors };
}

async function ready(target: Page | Frame): Promise<void> {
  await target.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

describe('tab actions in the browser (dialogs)', function () {
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

  const byState = async (state: string) =>
    (await hx.fx.vouchers.list(TENANT_A)).filter((s) => s.doc.state === state);

  it('a deep link opens the voucher; its action opens the chat card in a modal; the submit updates the tab', async () => {
    const [v] = await byState('Reserved');
    assert.ok(v);
    const { page, errors } = await watch(context);
    await page.goto(`${hx.fx.baseUrl}/tab?voucher=${encodeURIComponent(v.doc.id)}`);
    await ready(page);
    await page.waitForSelector('#voucher-detail[open]');
    assert.match((await page.textContent('#next-step')) ?? '', /Next step/);
    const actions = await page.$$eval('#voucher-actions button', (els) => els.map((e) => e.dataset.action));
    assert.deepEqual(actions, ['markDelivered', 'cancelReservation', 'setExpiry']);

    await page.click('#voucher-actions button[data-action="cancelReservation"]');
    await page.waitForSelector('#action-dialog[open] .ac-adaptiveCard');
    assert.match((await page.textContent('#action-dialog-title')) ?? '', /Cancel reservation/);
    await page.fill('#action-dialog textarea', 'The customer postponed the engagement.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-action-dialog.png') });
    await page.click('#action-dialog .ac-actionSet button:has-text("Cancel reservation")');
    await page.waitForSelector('#action-dialog', { state: 'detached' });
    // The detail opens again with the new state, and the viewer's actions for it.
    await page.waitForFunction(
      () => document.querySelector('#voucher-detail .chip')?.textContent === 'Assigned',
      undefined,
      { timeout: 10_000 },
    );
    assert.deepEqual(
      await page.$$eval('#voucher-actions button', (els) => els.map((e) => e.dataset.action)),
      ['reserve', 'setExpiry'],
    );
    assert.equal((await hx.fx.vouchers.get(TENANT_A, v.doc.id))?.doc.state, 'Assigned');
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-action-done.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a stale dialog shows the fresh card with "changed since you opened it" and stores nothing', async () => {
    const [v] = await byState('ReportSubmitted');
    assert.ok(v);
    const { page } = await watch(context);
    await page.goto(`${hx.fx.baseUrl}/tab?voucher=${encodeURIComponent(v.doc.id)}`);
    await ready(page);
    await page.click('#voucher-actions button[data-action="redeem"]');
    await page.waitForSelector('#action-dialog[open] .ac-adaptiveCard');
    // Someone else changes the voucher while the dialog is open.
    const current = (await hx.fx.vouchers.get(TENANT_A, v.doc.id))!;
    const changed = await hx.fx.vouchers.save(
      TENANT_A,
      { ...structuredClone(current.doc), voucherAdminEmail: 'someone.else@customer.example' },
      current.etag,
    );
    const before = JSON.stringify(await hx.fx.vouchers.get(TENANT_A, v.doc.id));
    await page.click('#action-dialog .ac-actionSet button:has-text("Record redemption")');
    await page.waitForFunction(() =>
      /This changed since you opened it/.test(document.querySelector('#action-card')?.textContent ?? ''),
    );
    assert.equal(JSON.stringify(await hx.fx.vouchers.get(TENANT_A, v.doc.id)), before);
    assert.equal((await hx.fx.vouchers.get(TENANT_A, v.doc.id))?.etag, changed.etag);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-action-stale.png') });
    await page.close();
  });

  type HostMessage = { func: string; args?: unknown[] };
  async function openHost(config: Partial<TabHarness['host']>): Promise<{ page: Page; frame: Frame }> {
    Object.assign(hx.host, {
      token: await hx.fx.sign(),
      locale: 'en-US',
      theme: 'default',
      tenantId: TENANT_A,
      userId: SEED_PEOPLE.globalAdmin.userId,
      failAuth: false,
      frameContext: undefined,
      subEntityId: undefined,
      cardDialogs: false,
      tabPath: '/tab',
      ...config,
    });
    const { page } = await watch(context);
    await page.goto(`${hx.fx.baseUrl}/test-host.html`);
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    assert.ok(frame);
    await ready(frame);
    return { page, frame };
  }
  const messages = (page: Page) =>
    page.evaluate(() => (window as unknown as { hostMessages: HostMessage[] }).hostMessages);

  it('in Teams: subPageId opens the voucher; the action opens a Teams card dialog with the bot as completion bot; closing refreshes', async () => {
    const [v] = await byState('Assigned');
    assert.ok(v);
    const { page, frame } = await openHost({ cardDialogs: true, subEntityId: v.doc.id });
    await frame.waitForSelector('#voucher-detail[open]');
    await frame.click('#voucher-actions button[data-action="reserve"]');
    await page.waitForFunction(() =>
      (window as unknown as { hostMessages: HostMessage[] }).hostMessages.some(
        (m) => m.func === 'tasks.startTask',
      ),
    );
    const start = (await messages(page)).find((m) => m.func === 'tasks.startTask');
    const info = start?.args?.[0] as { card: string; completionBotId: string; title: string };
    assert.equal(info.completionBotId, BOT_ID);
    assert.match(info.title, /Reserve · voucher/);
    const card = JSON.parse(info.card) as unknown;
    assert.ok(!info.card.includes('Action.Execute'));
    assert.match(info.card, /"verb":"voucher.reserve"/);
    assert.ok(card);
    assert.equal(await frame.locator('#action-dialog').count(), 0, 'no in-page modal inside Teams');

    // The bot stores the change (here: directly), Teams closes the dialog, the tab shows the voucher anew.
    const current = (await hx.fx.vouchers.get(TENANT_A, v.doc.id))!;
    await hx.fx.vouchers.save(
      TENANT_A,
      { ...structuredClone(current.doc), voucherAdminEmail: 'changed.in.dialog@customer.example' },
      current.etag,
    );
    await page.evaluate(() => (window as unknown as { closeTask: () => void }).closeTask());
    await frame.waitForFunction(() =>
      /changed\.in\.dialog@customer\.example/.test(
        document.querySelector('#voucher-detail')?.textContent ?? '',
      ),
    );
    await page.close();
  });

  it('in a Teams client without card dialogs: the same in-page modal, signed in with SSO', async () => {
    const [v] = await byState('Assigned');
    assert.ok(v);
    const { page, frame } = await openHost({ subEntityId: v.doc.id });
    await frame.waitForSelector('#voucher-detail[open]');
    await frame.click('#voucher-actions button[data-action="reserve"]');
    await frame.waitForSelector('#action-dialog[open] .ac-adaptiveCard');
    assert.ok(!(await messages(page)).some((m) => m.func === 'tasks.startTask'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'teams-host-action-modal.png') });
    await page.close();
  });

  it('the team tab configuration page saves the overview as content with a removal page; removal deletes nothing', async () => {
    const config = await openHost({ frameContext: 'settings', tabPath: '/tab?view=config' });
    assert.match((await config.frame.textContent('h1')) ?? '', /Planning Services for this team/);
    await config.page.waitForFunction(() =>
      (window as unknown as { hostMessages: HostMessage[] }).hostMessages.some(
        (m) => m.func === 'settings.setValidityState' && m.args?.[0] === true,
      ),
    );
    await config.page.evaluate(() =>
      (window as unknown as { sendToTab: (f: string, a: unknown[]) => void }).sendToTab('settings.save', [
        {},
      ]),
    );
    await config.page.waitForFunction(() =>
      (window as unknown as { hostMessages: HostMessage[] }).hostMessages.some(
        (m) => m.func === 'settings.save.success',
      ),
    );
    const saved = (await messages(config.page)).find((m) => m.func === 'settings.setSettings');
    assert.deepEqual(saved?.args?.[0], {
      entityId: 'team-overview',
      contentUrl: `${hx.fx.baseUrl}/tab?context=team`,
      websiteUrl: `${hx.fx.baseUrl}/tab`,
      removeUrl: `${hx.fx.baseUrl}/tab?view=remove`,
      suggestedDisplayName: 'Planning Services',
    });
    await config.page.close();

    const removal = await openHost({ frameContext: 'remove', tabPath: '/tab?view=remove' });
    assert.match((await removal.frame.textContent('#remove-body')) ?? '', /only takes it off this channel/);
    await removal.page.evaluate(() =>
      (window as unknown as { sendToTab: (f: string, a: unknown[]) => void }).sendToTab(
        'settings.remove',
        [],
      ),
    );
    await removal.page.waitForFunction(() =>
      (window as unknown as { hostMessages: HostMessage[] }).hostMessages.some(
        (m) => m.func === 'settings.remove.success',
      ),
    );
    await removal.page.close();

    // The saved content URL is the overview, with the same sign-in and tenant.
    const content = await openHost({ tabPath: '/tab?context=team' });
    assert.equal((await content.frame.locator('#voucher-table tbody tr').count()) > 0, true);
    await content.page.close();
  });
});
