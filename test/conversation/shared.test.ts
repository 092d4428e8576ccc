// Concurrency and shared conversations: two people submit the same reservation at once; a change made in a
// channel or group chat updates the card for everyone; cards carry refresh for role-specific views.
import { strict as assert } from 'node:assert';
import { invokeActivity } from '../support/activities';
import { post } from '../support/app';
import { actionsOf, cardText, noticeOf, startHarness, type Card, type Harness } from './harness';
import { ADMIN, CONSULTANT, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';

const RESERVE = {
  step: 'submit',
  engagementId: 'sdps-sharepoint',
  deliveryCountry: 'BR',
  partnerLocationId: 'sp-br',
  plannedStart: '2026-04-06',
  plannedEnd: '2026-04-10',
  consultants: CONSULTANT,
  offsiteDays: '0',
};

describe('shared work: concurrent submits, cards updated for everyone, refresh', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  it('two people submit the same reservation at once: one is applied, the other is told and sees the fresh card', async () => {
    for (let round = 0; round < 3; round++) {
      const tenantId = `t-race-${round}`;
      await seedReadyOrganization(h, tenantId);
      const v = await seedVoucher(h, tenantId, 'v-RACE-1', 'Assigned');
      const data = { ...RESERVE, voucherId: 'v-RACE-1', etag: v.etag };
      const [a, b] = await Promise.all([
        h.act({ tenantId, userId: ADMIN, userName: 'Ana Souza' }, 'voucher.reserve', data),
        h.act({ tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves' }, 'voucher.reserve', {
          ...data,
          plannedStart: '2026-04-07',
        }),
      ]);
      const notices = [noticeOf(a) ?? '', noticeOf(b) ?? ''];
      assert.equal(
        notices.filter((n) => /Saved\./.test(n)).length,
        1,
        `exactly one applied: ${notices.join(' | ')}`,
      );
      assert.equal(
        // Told what happened, by whom and when (issue #14 item 12).
        notices.filter((n) => /Already done: Reserved, by (Ana Souza|Pedro Alves) on /.test(n)).length,
        1,
        `the other is told: ${notices.join(' | ')}`,
      );
      const stored = await h.voucher('v-RACE-1', tenantId);
      assert.equal(stored?.doc.state, 'Reserved');
      assert.equal(stored?.doc.audit.length, 1, 'one reservation in the audit trail');
      const winner = /Saved\./.test(notices[0] ?? '') ? '2026-04-06' : '2026-04-07';
      assert.equal(stored?.doc.reservation?.plannedStart, winner, "the stored reservation is the winner's");
    }
  });

  it('the same voucher recorded twice at once becomes one voucher; the second person is told', async () => {
    const tenantId = 't-intake-race';
    await seedReadyOrganization(h, tenantId);
    const data = {
      step: 'submit',
      voucherNumber: 'RACE-0002',
      customerName: 'Fabrikam',
      offeringId: 'SDPS',
      days: '5',
      voucherAdminEmail: 'pm@fabrikam.example',
    };
    const [a, b] = await Promise.all([
      h.act({ tenantId, userId: ADMIN, userName: 'Ana Souza' }, 'intake.confirm', data),
      h.act({ tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves' }, 'intake.confirm', data),
    ]);
    const texts = [cardText(a), cardText(b)];
    assert.equal(texts.filter((x) => /Saved\./.test(x)).length, 1);
    assert.equal(texts.filter((x) => /already active here/.test(x)).length, 1);
    const all = await h.repos.vouchers.findByNumber(tenantId, 'RACE-0002');
    assert.equal(all.length, 1);
  });

  for (const conversationType of ['channel', 'groupChat'] as const) {
    it(`a change made in a ${conversationType} replaces the card for everyone (updateActivity on the invoke's replyToId)`, async () => {
      const tenantId = `t-shared-${conversationType}`;
      await seedReadyOrganization(h, tenantId);
      const v = await seedVoucher(h, tenantId, 'v-SHARED-1', 'Assigned');
      const conversationId = `19:${conversationType}-conv@thread.v2`;
      const before = h.connector.received.length;
      const activity = {
        ...invokeActivity(
          {
            serviceUrl: h.connector.serviceUrl,
            tenantId,
            userId: ADMIN,
            userName: 'Ana Souza',
            conversationId,
            conversationType,
          },
          'voucher.reserve',
          {
            ...RESERVE,
            voucherId: 'v-SHARED-1',
            etag: v.etag,
          },
        ),
        replyToId: 'card-activity-42',
      };
      const res = await post(`${h.url}/api/messages`, activity);
      assert.equal(res.status, 200);
      const [update] = (await h.connector.waitFor(before + 1)).slice(before);
      assert.equal(update?.method, 'PUT');
      assert.match(update?.path ?? '', /\/v3\/conversations\/.+\/activities\/card-activity-42$/);
      const card = (update?.activity.attachments as { content: Card }[])[0]?.content;
      assert.match(cardText(card), /Reserved/);
      assert.ok(
        Array.isArray((card?.refresh as { userIds: string[] }).userIds),
        'the shared card refreshes per person',
      );
      // The Teams user ids (from.id) of everyone the bot has met, never their Entra object ids.
      const org = await h.org(tenantId);
      assert.deepEqual(
        (card?.refresh as { userIds: string[] }).userIds,
        org.doc.people.map((p) => `29:${p.userId}`),
      );
      assert.ok(!(card?.refresh as { userIds: string[] }).userIds.includes(ADMIN));
    });
  }

  it('in personal chat nothing is sent besides the invoke answer', async () => {
    const tenantId = 't-personal';
    await seedReadyOrganization(h, tenantId);
    const v = await seedVoucher(h, tenantId, 'v-P-1', 'Assigned');
    const before = h.connector.received.length;
    const card = await h.act(
      { tenantId, userId: ADMIN, userName: 'Ana Souza' },
      'voucher.reserve',
      { ...RESERVE, voucherId: 'v-P-1', etag: v.etag },
      { replyToId: 'x-1' },
    );
    assert.match(noticeOf(card) ?? '', /Saved\./);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(h.connector.received.length, before);
  });

  it('refresh gives role-specific views: the admin gets the buttons, a member only the facts', async () => {
    const tenantId = 't-refresh';
    await seedReadyOrganization(h, tenantId);
    await seedVoucher(h, tenantId, 'v-R-1', 'Assigned');
    const asAdmin = await h.act(
      { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves' },
      'voucher.show',
      { voucherId: 'v-R-1' },
    );
    const asMember = await h.act({ tenantId, userId: 'member-1', userName: 'Marcos Lima' }, 'voucher.show', {
      voucherId: 'v-R-1',
    });
    const refresh = asAdmin.refresh as {
      action: { verb: string; data: Record<string, unknown> };
      userIds: string[];
    };
    assert.equal(refresh.action.verb, 'voucher.show');
    assert.deepEqual(refresh.action.data, { voucherId: 'v-R-1' });
    // Teams user ids (the activities' from.id), not Entra object ids; by the member's turn the bot has met both.
    const later = (asMember.refresh as { userIds: string[] }).userIds;
    assert.ok(later.includes(`29:${PARTNER_ADMIN}`) && later.includes('29:member-1'));
    assert.ok(!later.includes(PARTNER_ADMIN));
    assert.ok(actionsOf(asAdmin).some((a) => a.verb === 'voucher.reserve'));
    assert.ok(!actionsOf(asMember).some((a) => a.verb === 'voucher.reserve'));
  });
});
