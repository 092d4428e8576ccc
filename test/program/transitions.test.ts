import { strict as assert } from 'node:assert';
import {
  setVoucherExpiry,
  stateBeforeExpiry,
  TRANSITIONS,
  VoucherState,
  type Actor,
  type StateCommand,
} from '../../bot/program';
import { applyVoucherCommand } from './commands';
import { ADMIN, CONSULTANT, ctx, GLOBAL, MEMBER, SYSTEM, voucherIn } from './fixtures';

/** For each command: who, when and with what it succeeds from its allowed states. */
const VALID: Record<StateCommand, { actor: Actor; now: string; input: unknown }> = {
  reserve: {
    actor: ADMIN,
    now: '2020-03-10T12:00:00Z',
    input: {
      engagementId: 'ddps-windows-office',
      deliveryCountry: 'BR',
      partnerLocationId: 'sp',
      plannedStart: '2020-03-16',
      plannedEnd: '2020-03-20',
      consultants: ['u-cons'],
    },
  },
  cancelReservation: { actor: ADMIN, now: '2020-03-10T12:00:00Z', input: { reason: 'customer postponed' } },
  markDelivered: { actor: CONSULTANT, now: '2020-03-17T12:00:00Z', input: {} },
  submitReport: {
    actor: CONSULTANT,
    now: '2020-03-21T12:00:00Z',
    input: {
      actualStart: '2020-03-16',
      actualEnd: '2020-03-20',
      daysDelivered: 5,
      deliverables: [{ type: 'Plan', reference: 'plan.docx' }],
      consultants: [{ userId: 'u-cons', assessmentId: 'assessment-1' }],
      customerContact: { name: 'Pat' },
    },
  },
  redeem: { actor: ADMIN, now: '2020-03-25T12:00:00Z', input: {} },
  requestPayment: {
    actor: ADMIN,
    now: '2020-03-26T12:00:00Z',
    input: { savbReference: 'SAVB-9', amount: 5000, currency: 'USD' },
  },
  recordApproval: { actor: ADMIN, now: '2020-04-01T12:00:00Z', input: {} },
  recordPayment: { actor: ADMIN, now: '2020-04-20T12:00:00Z', input: { paidAmount: 4900 } },
  recordDenial: { actor: ADMIN, now: '2020-04-01T12:00:00Z', input: { reason: 'report rejected' } },
  expire: { actor: SYSTEM, now: '2020-09-01T12:00:00Z', input: {} },
  setExpiry: { actor: ADMIN, now: '2020-03-10T12:00:00Z', input: { expiresOn: '2020-08-01' } },
};

describe('program: voucher state machine', () => {
  for (const command of Object.keys(TRANSITIONS) as StateCommand[]) {
    const t = TRANSITIONS[command];
    for (const state of VoucherState.options) {
      const allowed = t.from.includes(state);
      // setExpiry on an Expired voucher restores the state it expired from (a fixture's Expired was Reserved).
      const restores = command === 'setExpiry' && state === 'Expired';
      const expected = restores ? 'Reserved' : t.to === 'same' ? state : t.to;
      it(`${command} from ${state}: ${allowed ? `→ ${expected}` : 'refused'}`, () => {
        const v = VALID[command];
        // Reserved-like states need the consultant assignment; Expired/Assigned vouchers come from fixtures.
        const voucher = voucherIn(state);
        const result = applyVoucherCommand(
          voucher,
          command,
          v.input,
          v.actor,
          ctx(undefined, new Date(v.now)),
        );
        if (allowed) {
          assert.ok(result.ok, JSON.stringify(!result.ok && result.refusals));
          assert.equal(result.value.state, expected);
          const last = result.value.audit.at(-1);
          assert.equal(last?.action, `voucher.${command}`);
          assert.equal(last?.from, state);
          assert.equal(last?.to, expected);
          assert.equal(last?.at, new Date(v.now).toISOString());
          assert.equal(result.value.audit.length, voucher.audit.length + 1);
        } else {
          assert.equal(result.ok, false);
          if (result.ok) return;
          const rule = t.tooEarly?.states.includes(state) ? t.tooEarly.rule : 'transition.notAllowed';
          assert.equal(result.refusal.rule, rule);
          if (rule === 'transition.notAllowed') {
            assert.deepEqual(result.refusal.params, {
              command: `voucher.${command}`,
              from: state,
              to: expected,
            });
          }
        }
      });
    }
  }

  describe('correcting the expiry (PRODUCT.md §4: the Partner Center date wins)', () => {
    const expiredFrom = (from: VoucherState) =>
      voucherIn('Expired', {
        stateSince: '2020-09-01T03:00:00.000Z',
        audit: [
          {
            at: '2020-09-01T03:00:00.000Z',
            by: 'system:reminders',
            action: 'voucher.expire',
            from,
            to: 'Expired',
          },
        ],
      });
    const sept = (extra = {}) => ctx(undefined, new Date('2020-09-02T12:00:00Z'), extra);

    it('an Expired voucher returns to the state it expired from when the corrected expiry is not past', () => {
      const r = setVoucherExpiry(expiredFrom('Delivered'), { expiresOn: '2020-09-02' }, ADMIN, sept());
      assert.ok(r.ok, JSON.stringify(!r.ok && r.refusals));
      assert.equal(r.value.state, 'Delivered');
      assert.equal(r.value.expiresOn, '2020-09-02');
      assert.equal(r.value.stateSince, '2020-09-02T12:00:00.000Z');
      assert.equal(r.value.dueOn, '2020-03-20', 'the overdue report is its next deadline again');
      assert.deepEqual(
        {
          action: r.value.audit.at(-1)?.action,
          from: r.value.audit.at(-1)?.from,
          to: r.value.audit.at(-1)?.to,
        },
        { action: 'voucher.setExpiry', from: 'Expired', to: 'Delivered' },
      );
      assert.equal(r.value.audit.at(-1)?.details?.expiresOn, '2020-09-02');
      assert.equal(
        stateBeforeExpiry(voucherIn('Expired')),
        'Reserved',
        'without an audit entry: what its records imply',
      );
    });

    it('a corrected expiry that is already past leaves it Expired (voucher.expired)', () => {
      const v = expiredFrom('Assigned');
      const before = structuredClone(v);
      const r = setVoucherExpiry(v, { expiresOn: '2020-09-01' }, ADMIN, sept());
      assert.deepEqual(!r.ok && r.refusals.map((x) => x.rule), ['voucher.expired']);
      assert.deepEqual(v, before);
    });

    it('not when another voucher with the same number is active now', () => {
      const other = voucherIn('Assigned', { id: 'v-2' });
      const r = setVoucherExpiry(
        expiredFrom('Assigned'),
        { expiresOn: '2020-12-01' },
        ADMIN,
        sept({ vouchers: [other] }),
      );
      assert.deepEqual(!r.ok && r.refusals.map((x) => x.rule), ['voucher.alreadyActive']);
    });

    it('partner and Global admins only', () => {
      const v = expiredFrom('Assigned');
      assert.ok(setVoucherExpiry(v, { expiresOn: '2020-12-01' }, GLOBAL, sept()).ok);
      const r = setVoucherExpiry(v, { expiresOn: '2020-12-01' }, MEMBER, sept());
      assert.equal(!r.ok && r.refusal.rule, 'role.required');
    });
  });

  it('a refused command changes nothing', () => {
    const v = voucherIn('Paid');
    const before = structuredClone(v);
    applyVoucherCommand(v, 'reserve', VALID.reserve.input, GLOBAL, ctx());
    assert.deepEqual(v, before);
  });

  it('cancel reservation returns the voucher to Assigned and keeps the reason', () => {
    const r = applyVoucherCommand(
      voucherIn('Reserved'),
      'cancelReservation',
      { reason: 'customer postponed' },
      ADMIN,
      ctx(),
    );
    assert.ok(r.ok);
    assert.equal(r.value.reservation, undefined);
    assert.equal(r.value.audit.at(-1)?.reason, 'customer postponed');
  });

  it('stateSince moves only when the state changes', () => {
    const v = voucherIn('PaymentRequested');
    const r = applyVoucherCommand(
      v,
      'recordApproval',
      {},
      ADMIN,
      ctx(undefined, new Date('2020-04-01T12:00:00Z')),
    );
    assert.ok(r.ok);
    assert.equal(r.value.stateSince, v.stateSince);
    const p = applyVoucherCommand(
      r.value,
      'recordPayment',
      {},
      ADMIN,
      ctx(undefined, new Date('2020-04-20T12:00:00Z')),
    );
    assert.ok(p.ok);
    assert.equal(p.value.stateSince, '2020-04-20T12:00:00.000Z');
  });
});
