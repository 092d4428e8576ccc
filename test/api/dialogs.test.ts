// POST /api/tab/dialogs/open and /submit over HTTP: the chat's card for an action, made for a dialog; a submit
// runs the bot's verb handler with the tenant and person of the SSO token. Refusals store nothing.
import { strict as assert } from 'node:assert';
import { VOUCHER_ACTION_IDS } from '../../bot/program';
import { VOUCHER_ACTION_CODES, type DialogView, type VoucherDetailView } from '../../bot/api/view-model';
import { cardText } from '../conversation/harness';
import { startApiFixture, TENANT_A, TENANT_B, type ApiFixture } from './fixture';

/** Every Action.Submit's data of a dialog card (and none may be an Action.Execute). */
function submitsOf(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      assert.notEqual(o.type, 'Action.Execute');
      if (o.type === 'Action.Submit') out.push((o.data as Record<string, unknown>) ?? {});
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('tab API: dialogs (/api/tab/dialogs/open, /submit)', function () {
  this.timeout(30_000);
  let fx: ApiFixture;
  let ana: string;
  let member: string;

  before(async () => {
    fx = await startApiFixture();
    ana = await fx.sign();
    member = await fx.sign({ oid: 'member-zoe-oid', name: 'Zoe Member' });
  });
  after(async () => fx?.stop());

  const byState = async (state: string, tenantId = TENANT_A) =>
    (await fx.vouchers.list(tenantId)).find((s) => s.doc.state === state)!;
  const snapshot = async (id: string, tenantId = TENANT_A) =>
    JSON.stringify(await fx.vouchers.get(tenantId, id));

  it('the API lists the same actions as the domain', () => {
    assert.deepEqual([...VOUCHER_ACTION_CODES], [...VOUCHER_ACTION_IDS]);
  });

  it("the voucher detail carries the viewer's actions and the next step in the tab's language", async () => {
    const v = await byState('Assigned');
    const admin = await fx.get(`/api/tab/vouchers/${v.doc.id}?lang=pt-BR`, ana);
    assert.equal(admin.status, 200);
    const detail = admin.body as VoucherDetailView;
    assert.deepEqual(detail.actions, ['reserve', 'setExpiry']);
    assert.match(detail.nextAction ?? '', /reserve|Reserve|reserv/i);
    assert.doesNotMatch(detail.nextAction ?? '', /Validate and reserve/);
    const asMember = await fx.get(`/api/tab/vouchers/${v.doc.id}`, member);
    assert.deepEqual((asMember.body as VoucherDetailView).actions, []);
  });

  it('open: the chat form for the action, with Action.Submit carrying the verb and no refresh', async () => {
    const v = await byState('Assigned');
    const res = await fx.post('/api/tab/dialogs/open', { voucherId: v.doc.id, action: 'reserve' }, ana);
    assert.equal(res.status, 200);
    const body = res.body as DialogView;
    assert.equal(body.done, false);
    assert.equal(body.card?.refresh, undefined);
    assert.ok(submitsOf(body.card).some((d) => d.verb === 'voucher.reserve' && d.etag === v.etag));
  });

  it('submit: the form’s data plus the typed inputs is stored; done, and the detail shows the new state', async () => {
    const v = await byState('Reserved');
    const open = await fx.post(
      '/api/tab/dialogs/open',
      { voucherId: v.doc.id, action: 'cancelReservation' },
      ana,
    );
    const data = submitsOf((open.body as DialogView).card).find(
      (d) => d.verb === 'voucher.cancelReservation',
    );
    assert.ok(data);
    const res = await fx.post('/api/tab/dialogs/submit', { data: { ...data, reason: 'Postponed' } }, ana);
    assert.deepEqual(res.body, { done: true });
    const after = await fx.get(`/api/tab/vouchers/${v.doc.id}`, ana);
    assert.equal((after.body as VoucherDetailView).state, 'Assigned');
  });

  it('a stale ETag: the fresh card with "changed since you opened it", nothing stored', async () => {
    const v = await byState('ReportSubmitted');
    const before = await snapshot(v.doc.id);
    const res = await fx.post(
      '/api/tab/dialogs/submit',
      { data: { verb: 'voucher.redeem', voucherId: v.doc.id, etag: '"stale-etag"', step: 'submit' } },
      ana,
    );
    const body = res.body as DialogView;
    assert.equal(body.done, false);
    assert.match(cardText(body.card), /This changed since you opened it/);
    assert.equal(await snapshot(v.doc.id), before);
  });

  it('a Member is refused with the role; another tenant’s voucher is not found; nothing stored', async () => {
    const v = await byState('ReportSubmitted');
    const before = await snapshot(v.doc.id);
    const refused = await fx.post(
      '/api/tab/dialogs/submit',
      { data: { verb: 'voucher.redeem', voucherId: v.doc.id, etag: v.etag, step: 'submit' } },
      member,
    );
    assert.match(cardText((refused.body as DialogView).card), /This needs the role/);
    assert.equal(await snapshot(v.doc.id), before);

    // Tenant B's own voucher, under an id tenant A does not have.
    const seeded = await byState('Assigned', TENANT_B);
    const onlyB = await fx.vouchers.create(TENANT_B, { ...structuredClone(seeded.doc), id: 'v-B-ONLY' });
    const beforeB = await snapshot(onlyB.doc.id, TENANT_B);
    const forged = await fx.post(
      '/api/tab/dialogs/submit',
      { data: { verb: 'voucher.reserve', voucherId: onlyB.doc.id, etag: onlyB.etag, step: 'submit' } },
      ana,
    );
    assert.match(cardText((forged.body as DialogView).card), /could not find that/);
    const opened = await fx.post(
      '/api/tab/dialogs/open',
      { voucherId: onlyB.doc.id, action: 'reserve' },
      ana,
    );
    assert.match(cardText((opened.body as DialogView).card), /could not find that/);
    assert.equal(await snapshot(onlyB.doc.id, TENANT_B), beforeB);
  });

  it('no token → 401; a bad body → 400 naming the field; not JSON → 415; all without data', async () => {
    const v = await byState('Assigned');
    assert.equal(
      (await fx.post('/api/tab/dialogs/open', { voucherId: v.doc.id, action: 'reserve' })).status,
      401,
    );
    const bad = await fx.post('/api/tab/dialogs/open', { voucherId: v.doc.id, action: 'delete' }, ana);
    assert.equal(bad.status, 400);
    assert.match((bad.body as { message: string }).message, /^action:/);
    const extra = await fx.post('/api/tab/dialogs/submit', { data: {}, tenantId: TENANT_B }, ana);
    assert.equal(extra.status, 400);
    const form = await fx.post('/api/tab/dialogs/submit', 'data=1', ana, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(form.status, 415);
    const noVerb = await fx.post('/api/tab/dialogs/submit', { data: { voucherId: v.doc.id } }, ana);
    assert.equal((noVerb.body as DialogView).done, false);
    assert.match(cardText((noVerb.body as DialogView).card), /action I do not know/);
  });
});
