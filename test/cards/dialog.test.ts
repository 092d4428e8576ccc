// cards/dialog.ts: a chat card made for a dialog — Action.Submit carrying the verb, no refresh, nothing else changed.
import { strict as assert } from 'node:assert';
import { toDialogCard, type AdaptiveCard } from '../../cards';

const chat: AdaptiveCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  refresh: {
    action: { type: 'Action.Execute', verb: 'voucher.show', data: { voucherId: 'v-1' } },
    userIds: [],
  },
  body: [
    { type: 'Input.Text', id: 'reason' },
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: 'Cancel reservation',
          verb: 'voucher.cancelReservation',
          data: { voucherId: 'v-1', etag: '"e1"', step: 'submit' },
          associatedInputs: 'auto',
          style: 'destructive',
        },
      ],
    },
    {
      type: 'Container',
      selectAction: { type: 'Action.Execute', verb: 'voucher.show', data: { voucherId: 'v-1' } },
      items: [],
    },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Vouchers', verb: 'voucher.list' },
    { type: 'Action.OpenUrl', title: 'Partner Center', url: 'https://partner.microsoft.com' },
  ],
};

describe('cards: toDialogCard', () => {
  const dialog = toDialogCard(chat);

  it('turns every Action.Execute into an Action.Submit with the verb in its data', () => {
    const set = dialog.body[1] as { actions: Record<string, unknown>[] };
    assert.deepEqual(set.actions[0], {
      type: 'Action.Submit',
      title: 'Cancel reservation',
      data: { voucherId: 'v-1', etag: '"e1"', step: 'submit', verb: 'voucher.cancelReservation' },
      associatedInputs: 'auto',
      style: 'destructive',
    });
    assert.deepEqual((dialog.body[2] as { selectAction: unknown }).selectAction, {
      type: 'Action.Submit',
      data: { voucherId: 'v-1', verb: 'voucher.show' },
    });
    assert.deepEqual(dialog.actions?.[0], {
      type: 'Action.Submit',
      title: 'Vouchers',
      data: { verb: 'voucher.list' },
    });
    assert.ok(!JSON.stringify(dialog).includes('Action.Execute'));
  });

  it('drops refresh, keeps everything else, and leaves the chat card as it was', () => {
    assert.equal('refresh' in dialog, false);
    assert.deepEqual(dialog.body[0], { type: 'Input.Text', id: 'reason' });
    assert.deepEqual(dialog.actions?.[1], chat.actions?.[1]);
    assert.equal((chat.actions?.[0] as { type: string }).type, 'Action.Execute');
    assert.ok(chat.refresh);
  });
});
