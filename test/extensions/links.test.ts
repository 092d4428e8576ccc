// Voucher links: the voucher card carries its link, composeExtension/queryLink unfurls it for the voucher's
// organisation only (the same empty answer for everything else), GET /v/:id redirects into Teams.
import { strict as assert } from 'node:assert';
import { derivedTeamsAppId } from '../../bot/app-id';
import { loadConfig } from '../../bot/config';
import type { App } from '../../bot/app';
import { cardText, startHarness, type Harness } from '../conversation/harness';
import { ADMIN, seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import { startTestApp } from '../support/app';
import { extensionInvoke } from './support';

const HOST = 'psc.example.com';

describe('voucher links and link unfurling (composeExtension/queryLink, GET /v/:id)', function () {
  let h: Harness;
  const A = 'ext-link-a';
  const B = 'ext-link-b';
  const unfurl = (url: unknown, tenantId = A) =>
    extensionInvoke(h, { tenantId, userId: ADMIN }, 'composeExtension/queryLink', { url });

  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'), { publicHostname: HOST });
    await seedReadyOrganization(h, A);
    await seedReadyOrganization(h, B);
    await seedVoucher(h, A, 'v-LINK-1', 'Assigned', { customer: { name: 'Contoso Pharma' } });
    await seedVoucher(h, B, 'v-LINK-2', 'Assigned', { customer: { name: 'Secret Customer' } });
  });
  after(() => h.stop());

  it('a voucher link of the caller`s organisation unfurls into the live voucher card, which carries the link', async () => {
    const answer = await unfurl(`https://${HOST}/v/v-LINK-1`);
    assert.equal(answer.status, 200);
    const result = answer.body.composeExtension;
    assert.equal(result?.type, 'result');
    const card = result?.attachments?.[0]?.content;
    assert.ok(card);
    assert.match(cardText(card), /Contoso Pharma/);
    assert.ok(card.refresh);
    const open = (card.actions ?? []).find(
      (a) => a.type === 'Action.OpenUrl' && a.url === `https://${HOST}/v/v-LINK-1`,
    );
    assert.equal(open?.title, 'Open in the Status tab');
  });

  it('another tenant`s voucher, an unknown id, another host and malformed URLs get one identical neutral answer', async () => {
    const neutral = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    for (const url of [
      `https://${HOST}/v/v-LINK-2`,
      `https://${HOST}/v/v-NOPE-9`,
      `https://other.example.com/v/v-LINK-1`,
      `http://${HOST}/v/v-LINK-1`,
      `https://${HOST}/v/v-LINK-1/extra`,
      `https://${HOST}/v/%E0%A4%A`,
      `https://${HOST}/v/${'x'.repeat(70)}`,
      'not a url',
      '',
      42,
    ]) {
      const answer = await unfurl(url);
      assert.equal(answer.status, 200, String(url));
      assert.deepEqual(answer.body, neutral, String(url));
    }
    // The voucher's own organisation does get it.
    assert.equal(
      (await unfurl(`https://${HOST}/v/v-LINK-2`, B)).body.composeExtension?.attachments?.length,
      1,
    );
  });

  describe('GET /v/:id', () => {
    let app: App;
    const TEAMS_APP = '12345678-1234-4234-8234-123456789abc';
    before(async () => {
      app = await startTestApp({ PUBLIC_HOSTNAME: HOST, TEAMS_APP_ID: TEAMS_APP });
    });
    after(() => app.stop());

    it('redirects to the Status tab deep link with the voucher as subEntityId', async () => {
      const res = await fetch(`${app.url}/v/v-LINK-1`, { redirect: 'manual' });
      assert.equal(res.status, 302);
      const location = new URL(res.headers.get('location') ?? '');
      assert.equal(location.origin, 'https://teams.microsoft.com');
      assert.equal(location.pathname, `/l/entity/${TEAMS_APP}/status`);
      assert.deepEqual(JSON.parse(location.searchParams.get('context') ?? ''), { subEntityId: 'v-LINK-1' });
    });

    it('a malformed id is 404, and the answer never depends on whether the voucher exists', async () => {
      assert.equal((await fetch(`${app.url}/v/${'x'.repeat(80)}`, { redirect: 'manual' })).status, 404);
      assert.equal((await fetch(`${app.url}/v/a%20b`, { redirect: 'manual' })).status, 404);
      assert.equal((await fetch(`${app.url}/v/v-NEVER-THERE`, { redirect: 'manual' })).status, 302);
    });
  });

  it('the Teams app id is TEAMS_APP_ID, else derived from BOT_APP_ID as the package does', () => {
    const bot = '11111111-2222-3333-4444-555555555555';
    const derived = loadConfig({ BOT_APP_ID: bot, BOT_APP_PASSWORD: 'x', BOT_TENANT_ID: bot });
    assert.ok(derived.ok);
    assert.equal(derived.ok && derived.config.teamsAppId, derivedTeamsAppId(bot));
    const bad = loadConfig({ TEAMS_APP_ID: 'nope' });
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.errors.join('\n') : '', /TEAMS_APP_ID/);
  });
});

describe('invoke names the app does not handle', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(() => h.stop());

  it('are answered 200 with a localized message in the surface`s shape, never 501', async () => {
    const o = { tenantId: 'ext-unknown', userId: ADMIN, locale: 'pt-BR' };
    const select = await extensionInvoke(h, o, 'composeExtension/selectItem', { id: 'x' });
    assert.equal(select.status, 200);
    assert.equal(select.body.composeExtension?.type, 'message');
    assert.match(select.body.composeExtension?.text ?? '', /O aplicativo não oferece esta ação aqui/);
    const other = await extensionInvoke(h, o, 'something/new', {});
    assert.equal(other.status, 200);
    assert.match(JSON.stringify(other.body), /O aplicativo não oferece esta ação aqui/);
  });
});
