import { strict as assert } from 'node:assert';
import { stepOutOfOrder } from '../../bot/program';

describe('program: step order', () => {
  it('a step asked before its turn names the step the voucher waits for', () => {
    assert.deepEqual(stepOutOfOrder('redeem', 'Delivered'), { wanted: 'redeem', first: 'report' });
    assert.deepEqual(stepOutOfOrder('payment', 'Reserved'), { wanted: 'payment', first: 'deliver' });
    assert.deepEqual(stepOutOfOrder('report', 'Assigned'), { wanted: 'report', first: 'reserve' });
    assert.deepEqual(stepOutOfOrder('cancel', 'Assigned'), { wanted: 'cancel', first: 'reserve' });
  });
  it('the step a voucher waits for, a step already behind it and a closed voucher are not out of order', () => {
    assert.equal(stepOutOfOrder('redeem', 'ReportSubmitted'), undefined);
    assert.equal(stepOutOfOrder('reserve', 'Delivered'), undefined);
    assert.equal(stepOutOfOrder('redeem', 'Paid'), undefined);
    assert.equal(stepOutOfOrder('redeem', 'Expired'), undefined);
  });
});
