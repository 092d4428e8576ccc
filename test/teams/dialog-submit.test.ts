// A tab's Adaptive Card dialog with the bot as completion bot: Teams sends the card's Action.Submit as a
// `task/submit` (some docs: `task/complete`) invoke to /api/messages. It runs the same verb handler as the chat.
import { strict as assert } from 'node:assert';
import { seedDemoData } from '../../bot/dev/seed';
import { SEED_PEOPLE } from '../../bot/dev/seed-people';
import { loadRules } from '../../bot/rules';
import type { Voucher } from '../../bot/program';
import { baseActivity, type ActivityOptions } from '../support/activities';
import { cardText, startHarness, type Card, type Harness } from '../conversation/harness';

const NOW = new Date('2024-03-01T12:00:00Z');
const A = 'tenant-a';
const B = 'tenant-b';

interface TaskAnswer {
  status: number;
  task?: { type: string; value: { title?: string; card?: { contentType: string; content: Card } } | string };
}

function taskActivity(o: ActivityOptions, name: string, data: unknown): Record<string, unknown> {
  return { ...baseActivity(o), type: 'invoke', name, value: { data, context: { theme: 'default' } } };
}

/** Every Action.Submit of a dialog card: its data (the verb inside). */
function submitsOf(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      assert.notEqual(o.type, 'Action.Execute', 'a dialog card has no Action.Execute');
      if (o.type === 'Action.Submit') out.push((o.data as Record<string, unknown>) ?? {});
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('teams: dialog submits from the tab (task/submit, task/complete)', function () {
  this.timeout(30_000);
  let h: Harness;
  let vouchersA: Voucher[];
  let vouchersB: Voucher[];

  before(async () => {
    h = await startHarness(NOW);
    const rules = loadRules({ profile: 'program-2020' });
    vouchersA = (await seedDemoData(h.cosmos.store, A, NOW, { rules })).vouchers;
    vouchersB = (await seedDemoData(h.cosmos.store, B, NOW, { vouchers: 3, rules })).vouchers;
  });
  after(async () => h?.stop());

  const as = (userId: string, tenantId = A): Partial<ActivityOptions> => ({ tenantId, userId });
  async function send(o: Partial<ActivityOptions>, name: string, data: unknown): Promise<TaskAnswer> {
    const res = await h.post(taskActivity({ serviceUrl: h.connector.serviceUrl, ...o }, name, data));
    return { status: res.status, ...((res.body as object | undefined) ?? {}) } as TaskAnswer;
  }
  function continued(answer: TaskAnswer): Card {
    assert.equal(answer.status, 200);
    assert.equal(answer.task?.type, 'continue');
    const value = answer.task?.value as { card?: { contentType: string; content: Card } };
    assert.equal(value.card?.contentType, 'application/vnd.microsoft.card.adaptive');
    return value.card!.content;
  }
  const inState = (list: Voucher[], state: string, n = 0) => list.filter((v) => v.state === state)[n]!;
  const snapshot = async (id: string, tenantId = A) => JSON.stringify(await h.voucher(id, tenantId));

  it('task/submit with a valid markDelivered: stored, the dialog closes (no task in the answer)', async () => {
    const v = inState(vouchersA, 'Reserved', 0);
    const stored = await h.voucher(v.id, A);
    // Delivery can be marked once the engagement has ended.
    h.clock.now = new Date(`${v.reservation!.plannedEnd}T18:00:00Z`);
    const answer = await send(as(SEED_PEOPLE.partnerAdmin.userId), 'task/submit', {
      verb: 'voucher.markDelivered',
      voucherId: v.id,
      etag: stored!.etag,
      step: 'submit',
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.task, undefined);
    h.clock.now = NOW;
    assert.equal((await h.voucher(v.id, A))?.doc.state, 'Delivered');
  });

  it('task/complete: the opened form is the chat form made for a dialog; its submit is stored', async () => {
    const v = inState(vouchersA, 'Reserved', 1);
    const form = continued(
      await send(as(SEED_PEOPLE.globalAdmin.userId), 'task/complete', {
        verb: 'voucher.cancelReservation',
        voucherId: v.id,
        step: 'open',
      }),
    );
    assert.equal(form.refresh, undefined);
    const submit = submitsOf(form).find((d) => d.verb === 'voucher.cancelReservation');
    assert.ok(submit, 'the form submits voucher.cancelReservation');
    const answer = await send(as(SEED_PEOPLE.globalAdmin.userId), 'task/complete', {
      ...submit,
      reason: 'Customer postponed',
    });
    assert.equal(answer.task, undefined);
    assert.equal((await h.voucher(v.id, A))?.doc.state, 'Assigned');
  });

  it('a stale ETag: the fresh card with "changed since you opened it", nothing stored', async () => {
    const v = inState(vouchersA, 'ReportSubmitted');
    const before = await snapshot(v.id);
    const card = continued(
      await send(as(SEED_PEOPLE.partnerAdmin.userId), 'task/submit', {
        verb: 'voucher.redeem',
        voucherId: v.id,
        etag: '"00000000-0000-0000-0000-000000000000"',
        step: 'submit',
      }),
    );
    assert.match(cardText(card), /This changed since you opened it/);
    assert.equal(await snapshot(v.id), before);
  });

  it("another tenant's voucher id: not found, that voucher untouched", async () => {
    // Seeds give both tenants the same ids: this one exists in tenant B only.
    const seeded = inState(vouchersB, 'Assigned');
    const other = { ...structuredClone(seeded), id: 'v-ONLY-IN-B' };
    const stored = await h.repos.vouchers.create(B, other);
    const before = await snapshot(other.id, B);
    const card = continued(
      await send(as(SEED_PEOPLE.globalAdmin.userId), 'task/submit', {
        verb: 'voucher.cancelReservation',
        voucherId: other.id,
        etag: stored!.etag,
        reason: 'forged',
      }),
    );
    assert.match(cardText(card), /could not find that/);
    assert.equal(await snapshot(other.id, B), before);
  });

  it('a Member cannot redeem: refused with the role, nothing stored', async () => {
    const v = inState(vouchersA, 'ReportSubmitted');
    const stored = await h.voucher(v.id, A);
    const before = await snapshot(v.id);
    const card = continued(
      await send(as('member-zoe'), 'task/submit', {
        verb: 'voucher.redeem',
        voucherId: v.id,
        etag: stored!.etag,
        step: 'submit',
      }),
    );
    assert.match(cardText(card), /This needs the role/);
    assert.equal(await snapshot(v.id), before);
  });

  it('no verb or an unknown one: a localized "unknown action", in the person\'s language', async () => {
    const none = continued(
      await send(as(SEED_PEOPLE.partnerAdmin.userId), 'task/submit', { voucherId: 'x' }),
    );
    assert.match(cardText(none), /action I do not know/);
    const pt = continued(
      await send({ ...as('member-zoe'), locale: 'pt-BR' }, 'task/submit', { verb: 'voucher.delete' }),
    );
    assert.match(cardText(pt), /ação que não conheço/);
  });
});
