import { strict as assert } from 'node:assert';
import { referenceId, toConversationReference } from '../../bot/reminders/references';
import { readActivity } from '../../bot/teams/turn-input';
import { personalMessage, startRig, TENANT, type Rig } from './fixture';

describe('reminders: conversation references', () => {
  let rig: Rig;
  before(async () => {
    rig = await startRig();
  });
  after(async () => rig.stop());

  it('captures a personal chat with the Teams locale and time zone, once', async () => {
    const first = await rig.capture(personalMessage(rig.sim, 'u1'));
    assert.deepEqual(first, { action: 'captured', id: 'user:u1' });
    const stored = await rig.references.get(TENANT, { kind: 'user', userId: 'u1' });
    assert.equal(stored?.doc.timeZone, 'America/Sao_Paulo');
    assert.equal(stored?.doc.locale, 'pt-BR');
    assert.equal(stored?.doc.conversationId, 'a:personal-u1');
    assert.equal(stored?.doc.active, true);
    const again = await rig.capture(personalMessage(rig.sim, 'u1'));
    assert.equal(again.action, 'unchanged');
    const ref = toConversationReference(stored!.doc);
    assert.equal(ref.conversation?.tenantId, TENANT);
    assert.equal(ref.serviceUrl, rig.sim.url);
  });

  it('an invalid time zone is ignored; a later message without client info keeps the known one', async () => {
    await rig.capture(
      personalMessage(rig.sim, 'u2', { entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }] }),
    );
    assert.equal((await rig.references.get(TENANT, { kind: 'user', userId: 'u2' }))?.doc.timeZone, undefined);
    await rig.capture(
      personalMessage(rig.sim, 'u2', { entities: [{ type: 'clientInfo', timezone: 'Asia/Tokyo' }] }),
    );
    await rig.capture(personalMessage(rig.sim, 'u2', { entities: [] }));
    assert.equal(
      (await rig.references.get(TENANT, { kind: 'user', userId: 'u2' }))?.doc.timeZone,
      'Asia/Tokyo',
    );
  });

  it('a channel message is stored under the channel, without the thread suffix', async () => {
    const res = await rig.capture({
      ...personalMessage(rig.sim, 'u3'),
      conversation: {
        id: '19:general@thread.tacv2;messageid=1717',
        conversationType: 'channel',
        tenantId: TENANT,
        isGroup: true,
        name: '',
      },
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:team@thread.tacv2' },
        channel: { id: '19:general@thread.tacv2' },
      },
    });
    assert.deepEqual(res, {
      action: 'captured',
      id: referenceId({ kind: 'channel', channelId: '19:general@thread.tacv2' }),
    });
    const stored = await rig.references.get(TENANT, {
      kind: 'channel',
      channelId: '19:general@thread.tacv2',
    });
    assert.equal(stored?.doc.conversationId, '19:general@thread.tacv2');
    assert.equal(stored?.doc.teamId, '19:team@thread.tacv2');
  });

  it('a group chat is stored under the chat', async () => {
    const res = await rig.capture({
      ...personalMessage(rig.sim, 'u4'),
      conversation: {
        id: '19:chat/with?odd#chars',
        conversationType: 'groupChat',
        tenantId: TENANT,
        isGroup: true,
        name: '',
      },
    });
    assert.equal(res.action, 'captured');
    assert.ok(
      (await rig.references.get(TENANT, { kind: 'chat', conversationId: '19:chat/with?odd#chars' }))?.doc
        .active,
    );
  });

  it('uninstall in personal scope marks the user inactive; reinstall reactivates', async () => {
    await rig.capture(personalMessage(rig.sim, 'u5'));
    const removed = await rig.capture({
      ...personalMessage(rig.sim, 'u5'),
      type: 'installationUpdate',
      action: 'remove',
    });
    assert.deepEqual(removed, { action: 'inactivated', ids: ['user:u5'] });
    const stored = await rig.references.get(TENANT, { kind: 'user', userId: 'u5' });
    assert.equal(stored?.doc.active, false);
    assert.equal(stored?.doc.inactiveReason, 'uninstalled');
    const back = await rig.capture({
      ...personalMessage(rig.sim, 'u5'),
      type: 'installationUpdate',
      action: 'add',
    });
    assert.equal(back.action, 'reactivated');
  });

  it('the bot removed from a team marks every channel of that team inactive', async () => {
    const team = { id: '19:team2@thread.tacv2' };
    for (const ch of ['19:c1@thread.tacv2', '19:c2@thread.tacv2']) {
      await rig.capture({
        ...personalMessage(rig.sim, 'u6'),
        conversation: { id: ch, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
        channelData: { tenant: { id: TENANT }, team, channel: { id: ch } },
      });
    }
    const res = await rig.capture({
      ...personalMessage(rig.sim, 'u6'),
      type: 'conversationUpdate',
      membersRemoved: [{ id: '28:bot', name: 'Companion' }],
      conversation: { id: team.id, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
      channelData: { tenant: { id: TENANT }, team, eventType: 'teamMemberRemoved' },
    });
    assert.equal(res.action, 'inactivated');
    if (res.action === 'inactivated') assert.equal(res.ids.length, 2);
    for (const ch of ['19:c1@thread.tacv2', '19:c2@thread.tacv2']) {
      assert.equal((await rig.references.get(TENANT, { kind: 'channel', channelId: ch }))?.doc.active, false);
    }
  });

  it('a service URL outside the allowlist is refused and not stored', async () => {
    const res = await rig.capture(
      personalMessage(rig.sim, 'u7', { serviceUrl: 'https://attacker.example/' }),
    );
    assert.equal(res.action, 'refused');
    assert.equal(await rig.references.get(TENANT, { kind: 'user', userId: 'u7' }), undefined);
  });

  it('activities without a tenant imply no reference; markInactive works and is idempotent', async () => {
    const turn = readActivity(
      {
        ...personalMessage(rig.sim, 'u8'),
        channelData: {},
        conversation: { id: 'x', isGroup: false, conversationType: 'personal', name: '' },
      },
      'test',
    );
    assert.equal(turn.reference, undefined);
    await rig.capture(personalMessage(rig.sim, 'u9'));
    const u9 = referenceId({ kind: 'user', userId: 'u9' });
    assert.equal(await rig.references.markInactive(TENANT, u9, 'forbidden (403)'), true);
    assert.equal(await rig.references.markInactive(TENANT, u9, 'forbidden (403)'), false);
  });
});
