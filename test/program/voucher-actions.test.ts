// program/voucher-actions.ts: what a person may do with a voucher now — the rule the bot's detail card and the
// tab's voucher detail share.
import { strict as assert } from 'node:assert';
import { voucherActionsFor, type VoucherState } from '../../bot/program';
import { ADMIN, CONSULTANT, GLOBAL, MEMBER, OTHER_CONSULTANT, readyOrg, voucherIn } from './fixtures';

const org = readyOrg();
const actions = (state: VoucherState, userId: string) => voucherActionsFor(voucherIn(state), org, userId);
const id = (a: { kind: string; userId?: string }) => a.userId ?? '';

describe('program: voucherActionsFor', () => {
  it("admins get each state's step, and the expiry correction until redemption", () => {
    assert.deepEqual(actions('Assigned', id(ADMIN)), ['reserve', 'setExpiry']);
    assert.deepEqual(actions('Reserved', id(GLOBAL)), ['markDelivered', 'cancelReservation', 'setExpiry']);
    assert.deepEqual(actions('Delivered', id(ADMIN)), ['submitReport', 'setExpiry']);
    assert.deepEqual(actions('ReportSubmitted', id(ADMIN)), ['redeem', 'setExpiry']);
    assert.deepEqual(actions('Redeemed', id(ADMIN)), ['requestPayment']);
    assert.deepEqual(actions('PaymentRequested', id(ADMIN)), ['recordOutcome']);
    assert.deepEqual(actions('Paid', id(ADMIN)), []);
    assert.deepEqual(actions('Expired', id(ADMIN)), ['setExpiry']);
  });

  it("the reservation's consultant may deliver and report; other consultants and Members nothing", () => {
    assert.deepEqual(actions('Reserved', id(CONSULTANT)), ['markDelivered']);
    assert.deepEqual(actions('Delivered', id(CONSULTANT)), ['submitReport']);
    assert.deepEqual(actions('ReportSubmitted', id(CONSULTANT)), []);
    assert.deepEqual(actions('Reserved', id(OTHER_CONSULTANT)), []);
    for (const state of ['Assigned', 'Reserved', 'Delivered', 'PaymentRequested'] as const)
      assert.deepEqual(actions(state, id(MEMBER)), [], state);
  });
});
