// The organisation's data over the real surfaces: the bot's verbs at /api/messages (card, export through file
// consent, deletion with its confirmation) and the tab's GET /api/tab/export.json. Everything runs on the real
// store; another tenant's data is there all along and must come out of every step untouched.
import { strict as assert } from 'node:assert';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../bot/app';
import { t } from '../../bot/i18n';
import { CONTAINERS, type ContainerName } from '../../bot/store';
import { EXPORT_FORMAT, type TenantExport } from '../../bot/tenants';
import { baseActivity, invokeActivity, messageActivity } from '../support/activities';
import { post, startTestApp } from '../support/app';
import { startLocalConnector, type LocalConnector } from '../support/connector';
import { ADMIN, MEMBER, seedReadyOrganization, seedVoucher } from '../conversation/fixtures';
import { actionsOf, cardText, noticeOf, type Card, type Harness } from '../conversation/harness';

const A = 'tenant-data-a';
const B = 'tenant-data-b';
const NAMES = Object.keys(CONTAINERS) as ContainerName[];

describe("tenant data: export and deletion of an organization's data", function () {
  this.timeout(60_000);
  let app: App;
  let connector: LocalConnector;

  before(async () => {
    connector = await startLocalConnector();
    // The tab's development identity is tenant A's Member (promoted to Global admin below).
    app = await startTestApp({ LOCAL_TENANT_ID: A, LOCAL_USER_ID: MEMBER });
    const h = { repos: app.store.repos } as unknown as Harness;
    for (const tenant of [A, B]) {
      await seedReadyOrganization(h, tenant);
      await seedVoucher(h, tenant, `v-${tenant.slice(-1).toUpperCase()}DATA-0001`, 'Assigned');
      await seedVoucher(h, tenant, `v-${tenant.slice(-1).toUpperCase()}DATA-0002`, 'Reserved');
      await post(`${app.url}/api/messages`, messageActivity(opts(tenant, ADMIN), 'hello'));
      await app.reminders.ledger.enqueue({
        tenantId: tenant,
        reminderKey: `test:${tenant}:1`,
        target: { kind: 'user', userId: ADMIN },
        payload: { test: true },
        timeZone: 'UTC',
        notBefore: new Date('2030-01-01T00:00:00Z'),
      });
    }
  });
  after(async () => {
    await app?.stop();
    await connector?.stop();
  });

  const opts = (tenantId: string, userId: string) => ({ serviceUrl: connector.serviceUrl, tenantId, userId });
  const act = async (tenantId: string, userId: string, verb: string, data: Record<string, unknown>) => {
    const res = await post(`${app.url}/api/messages`, invokeActivity(opts(tenantId, userId), verb, data));
    assert.equal(res.status, 200, res.text);
    return (res.body as { value: Card }).value;
  };
  const counts = async (tenantId: string) => {
    const all = await app.store.tenantData.list(tenantId);
    return Object.fromEntries(NAMES.map((n) => [n, all[n].length]));
  };
  const tab = (lang?: string) =>
    fetch(`${app.url}/api/tab/export.json`, lang ? { headers: { 'accept-language': lang } } : {});

  it('export: every container of the tenant and the vouchers CSV, nothing of another tenant', async () => {
    // The tab overview's summary exists once the overview was first asked for.
    await app.store.repos.vouchers.summary(A);
    const exported = await app.tenants.data.exportData(A);
    assert.equal(exported.format, EXPORT_FORMAT);
    for (const name of NAMES) {
      assert.ok(exported.containers[name].length > 0, `${name} exported`);
      assert.ok(
        exported.containers[name].every((d) => d.tenantId === A),
        `${name}: only the tenant's documents`,
      );
    }
    const text = JSON.stringify(exported);
    assert.doesNotMatch(text, new RegExp(B), "no trace of the other tenant's data");
    assert.doesNotMatch(text, /"_etag"|"_rid"/, 'no Cosmos system fields');
    assert.match(exported.vouchersCsv, /^\uFEFFvoucherNumber,/);
    assert.match(exported.vouchersCsv, /ADATA-0001/);
    assert.match(exported.vouchersCsv, /ADATA-0002/);
    assert.doesNotMatch(exported.vouchersCsv, /BDATA/);
  });

  it('tab export: a Member gets 403 naming the role, in their language; a Global admin gets the file', async () => {
    const refused = await tab('pt-BR,pt;q=0.9');
    assert.equal(refused.status, 403);
    const body = (await refused.json()) as { error: string; message: string };
    assert.deepEqual(Object.keys(body).sort(), ['error', 'message'], 'no data in a refusal');
    assert.match(body.message, new RegExp(t('pt-BR', 'role.globalAdmin')));
    assert.match(body.message, /Ana Souza/, 'who holds the role');

    const org = await app.store.repos.organizations.get(A);
    assert.ok(org);
    const people = org.doc.people.map((p) =>
      p.userId === MEMBER ? { ...p, roles: ['globalAdmin' as const] } : p,
    );
    await app.store.repos.organizations.save(A, { ...org.doc, people }, org.etag);
    const ok = await tab();
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-disposition') ?? '', /attachment; filename="organization-data-/);
    const file = (await ok.json()) as TenantExport;
    assert.equal(file.tenantId, A);
    assert.ok(file.containers.vouchers.length === 2 && file.vouchersCsv.includes('ADATA-0001'));
  });

  it('bot: a Member is refused the data card and the deletion, naming the role; nothing changes', async () => {
    const before = await counts(B);
    const card = await act(B, MEMBER, 'nav.organizationData', {});
    assert.match(noticeOf(card) ?? '', new RegExp(t('en', 'role.globalAdmin')));
    assert.equal(actionsOf(card).filter((a) => a.verb.startsWith('tenant.')).length, 0);
    const org = await app.store.repos.organizations.get(B);
    const del = await act(B, MEMBER, 'tenant.delete', {
      step: 'submit',
      etag: org?.etag,
      confirmDelete: 'true',
    });
    assert.match(noticeOf(del) ?? '', new RegExp(t('en', 'role.globalAdmin')));
    assert.deepEqual(await counts(B), before);
  });

  it('bot: export in the personal chat sends a file consent card; accepting uploads the export', async () => {
    const uploads: { range?: string; body: string }[] = [];
    const peer = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ range: req.headers['content-range'], body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(201);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
    try {
      connector.clear();
      const card = await act(B, ADMIN, 'tenant.export', {});
      assert.match(noticeOf(card) ?? '', new RegExp(t('en', 'tenantData.exportOffered')));
      const [consent] = await connector.waitFor(1);
      const attachment = (consent?.activity.attachments as Record<string, unknown>[])[0];
      assert.equal(attachment?.contentType, 'application/vnd.microsoft.teams.card.file.consent');
      const content = attachment?.content as { acceptContext: unknown; sizeInBytes: number };
      assert.doesNotMatch(JSON.stringify(content), /BDATA/, 'the consent card carries no data');

      connector.clear();
      const { port } = peer.address() as AddressInfo;
      const accept = {
        ...baseActivity(opts(B, ADMIN)),
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: content.acceptContext,
          uploadInfo: {
            name: 'organization-data.json',
            uploadUrl: `http://127.0.0.1:${port}/upload`,
            contentUrl: 'https://contoso.sharepoint.com/organization-data.json',
            uniqueId: 'u-1',
            fileType: 'json',
          },
        },
      };
      const res = await post(`${app.url}/api/messages`, accept);
      assert.equal(res.status, 200);
      assert.equal(uploads.length, 1);
      const uploaded = JSON.parse(uploads[0]?.body ?? '{}') as TenantExport;
      assert.equal(uploaded.tenantId, B);
      assert.equal(uploaded.containers.vouchers.length, 2);
      assert.match(uploads[0]?.range ?? '', /^bytes 0-\d+\/\d+$/);
      const [info] = await connector.waitFor(1);
      const file = (info?.activity.attachments as Record<string, unknown>[])[0];
      assert.equal(file?.contentType, 'application/vnd.microsoft.teams.card.file.info');
    } finally {
      await new Promise((r) => peer.close(r));
    }
  });

  it('bot: deletion needs the tick box and a current confirmation; then every container is empty for the tenant, a tombstone records it, the other tenant is intact', async () => {
    const other = await counts(A);
    const confirm = await act(B, ADMIN, 'tenant.delete', { step: 'open' });
    const submit = actionsOf(confirm).find((a) => a.verb === 'tenant.delete' && a.data.step === 'submit');
    assert.ok(submit, 'the confirmation has the last step');
    assert.match(cardText(confirm), /2 vouchers/);

    const unticked = await act(B, ADMIN, 'tenant.delete', { ...submit.data, confirmDelete: 'false' });
    assert.match(cardText(unticked), new RegExp(t('en', 'tenantData.confirmRequired')));
    assert.ok((await counts(B)).vouchers === 2, 'nothing deleted without the tick');

    // Someone changes the organisation after the confirmation was shown: it is asked again.
    const org = await app.store.repos.organizations.get(B);
    assert.ok(org);
    await app.store.repos.organizations.save(B, { ...org.doc, timeZone: 'Europe/Lisbon' }, org.etag);
    const stale = await act(B, ADMIN, 'tenant.delete', { ...submit.data, confirmDelete: 'true' });
    assert.match(noticeOf(stale) ?? '', new RegExp(t('en', 'notice.stale')));
    assert.ok((await counts(B)).vouchers === 2, 'nothing deleted from a stale confirmation');

    const fresh = actionsOf(stale).find((a) => a.verb === 'tenant.delete' && a.data.step === 'submit');
    assert.ok(fresh);
    const done = await act(B, ADMIN, 'tenant.delete', { ...fresh.data, confirmDelete: 'true' });
    assert.match(noticeOf(done) ?? '', new RegExp(t('en', 'tenantData.deleted').slice(0, 30)));

    const left = await app.store.tenantData.list(B);
    for (const name of NAMES.filter((n) => n !== 'tenants')) assert.equal(left[name].length, 0, name);
    assert.equal(left.tenants.length, 1, 'only the tombstone');
    const tombstone = left.tenants[0] ?? {};
    assert.deepEqual(Object.keys(tombstone).sort(), [
      'deletedAt',
      'deletedBy',
      'id',
      'reason',
      'schemaVersion',
      'tenantId',
      'type',
    ]);
    assert.equal(tombstone.deletedBy, ADMIN);
    assert.equal(tombstone.reason, 'request');
    assert.deepEqual(await counts(A), other, 'the other tenant is intact');
    assert.equal(await app.store.repos.vouchers.get(B, 'v-BDATA-0001'), undefined, 'no cached copy either');
  });
});
