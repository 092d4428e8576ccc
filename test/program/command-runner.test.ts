import { strict as assert } from 'node:assert';
import { z } from 'zod';
import {
  assignRole,
  reserveVoucher,
  blankPersonSettings,
  changePersonSettings,
  type Organization,
  type Result,
  type RuleId,
} from '../../bot/program';
import { runCommand, type Outcome } from '../../bot/program/command-runner';
import { ADMIN, CONSULTANT, ctx, GLOBAL, MEMBER, NOW, readyOrg, rules, voucherIn } from './fixtures';

function rulesOf(r: Result<unknown>): RuleId[] {
  return r.ok ? [] : r.refusals.map((x) => x.rule);
}

/** Refused, and only for input problems (one per bad field). */
function onlyInputProblems(r: Result<unknown>): boolean {
  const found = rulesOf(r);
  return found.length > 0 && found.every((rule) => rule === 'input.invalid');
}

describe('program: the command runner (both aggregates)', () => {
  const Input = z.object({ name: z.string().min(1) });
  const caller = (actor = ADMIN, org = readyOrg()) => ({ org, actor, ctx: { rules: rules(), now: NOW } });
  const spec = { command: 'test.rename', schema: Input, role: { roles: ['mpnPartnerAdmin'] as const } };

  /** A body that records its calls and sets the organisation's time zone to the input's name. */
  function recordingBody() {
    const calls: { name: string; today: string }[] = [];
    const before = readyOrg();
    const body = (i: z.output<typeof Input>, today: string): Outcome<Organization> => {
      calls.push({ name: i.name, today });
      return { doc: { ...before, timeZone: i.name }, from: 'a', to: 'b', details: { name: i.name } };
    };
    return { calls, body, before };
  }

  it('refuses the role before looking at the input, and never runs the body', () => {
    const { calls, body } = recordingBody();
    const r = runCommand(spec, caller(MEMBER), { name: 7 }, body);
    assert.deepEqual(rulesOf(r), ['role.required']);
    assert.equal(!r.ok && r.refusal.params.command, 'test.rename');
    assert.equal(calls.length, 0);
  });

  it('reports input problems before the body runs', () => {
    const { calls, body } = recordingBody();
    const r = runCommand(spec, caller(ADMIN), { name: '' }, body);
    assert.deepEqual(rulesOf(r), ['input.invalid']);
    assert.equal(!r.ok && r.refusal.params.field, 'name');
    assert.equal(calls.length, 0);
  });

  it('checks a role that depends on the input after parsing it, before the body', () => {
    const { calls, body } = recordingBody();
    const asked: string[] = [];
    const byInput = {
      ...spec,
      role: (i: z.output<typeof Input>) => {
        asked.push(i.name);
        return { roles: [] as const, users: i.name === 'mine' ? ['u-member'] : [] };
      },
    };
    assert.deepEqual(rulesOf(runCommand(byInput, caller(MEMBER), {}, body)), ['input.invalid']);
    assert.deepEqual(asked, []);
    assert.deepEqual(rulesOf(runCommand(byInput, caller(MEMBER), { name: 'theirs' }, body)), [
      'role.required',
    ]);
    assert.equal(calls.length, 0);
    assert.ok(runCommand(byInput, caller(MEMBER), { name: 'mine' }, body).ok);
    assert.deepEqual(asked, ['theirs', 'mine']);
  });

  it("passes the actor's today in their own time zone to the body", () => {
    const { calls, body } = recordingBody();
    const org = readyOrg();
    org.people = org.people.map((p) =>
      p.userId === 'u-admin' ? { ...p, settings: { timeZone: 'Pacific/Kiritimati' } } : p,
    );
    const late = { org, actor: ADMIN, ctx: { rules: rules(), now: new Date('2020-03-10T23:00:00Z') } };
    assert.ok(runCommand(spec, late, { name: 'x' }, body).ok);
    assert.deepEqual(calls, [{ name: 'x', today: '2020-03-11' }]);
  });

  it("uses the caller's way of reading local dates when it gives one", () => {
    const { calls, body } = recordingBody();
    const asked: string[] = [];
    const localDate = (instant: Date, zone: string) => {
      asked.push(`${instant.toISOString()} ${zone}`);
      return '2020-03-11';
    };
    const org = readyOrg({ timeZone: 'Europe/Madrid' });
    const withReader = { org, actor: ADMIN, ctx: { rules: rules(), now: NOW, localDate } };
    assert.ok(runCommand(spec, withReader, { name: 'x' }, body).ok);
    assert.deepEqual(asked, [`${NOW.toISOString()} Europe/Madrid`]);
    assert.equal(calls[0]?.today, '2020-03-11');
  });

  it("returns every refusal of the body, and the body's unchanged document without an audit entry", () => {
    const org = readyOrg();
    const refusedAll = runCommand(spec, caller(), { name: 'x' }, () => [
      { rule: 'competency.unknown', params: {} },
      { rule: 'person.unknown', params: {} },
    ]);
    assert.deepEqual(rulesOf(refusedAll), ['competency.unknown', 'person.unknown']);
    const same = runCommand(spec, caller(), { name: 'x' }, () => ({ unchanged: org }));
    assert.ok(same.ok);
    assert.equal(same.value, org);
    assert.equal(same.value.audit.length, 0);
  });

  it('appends one audit entry to the changed document on success, leaving the original as it was', () => {
    const { calls, body, before } = recordingBody();
    const r = runCommand(spec, caller(ADMIN), { name: 'Europe/Madrid' }, body);
    assert.deepEqual(before, readyOrg());
    assert.ok(r.ok);
    assert.equal(calls.length, 1);
    assert.equal(r.value.timeZone, 'Europe/Madrid');
    assert.deepEqual(r.value.audit, [
      {
        at: NOW.toISOString(),
        by: 'u-admin',
        byName: 'Adam Partner',
        action: 'test.rename',
        from: 'a',
        to: 'b',
        details: { name: 'Europe/Madrid' },
      },
    ]);
  });

  describe('both aggregates go through it in the same order', () => {
    const garbage = { engagementId: 42, deliveryCountry: 'Brazil' };

    it('voucher: state, then role, then input, then guards', () => {
      assert.deepEqual(rulesOf(reserveVoucher(voucherIn('Paid'), garbage as never, MEMBER, ctx())), [
        'transition.notAllowed',
      ]);
      assert.deepEqual(rulesOf(reserveVoucher(voucherIn('Assigned'), garbage as never, MEMBER, ctx())), [
        'role.required',
      ]);
      assert.ok(onlyInputProblems(reserveVoucher(voucherIn('Assigned'), garbage as never, ADMIN, ctx())));
    });

    it('organisation: role, then input, then (for settings) the role that depends on it', () => {
      const c = { rules: rules(), now: NOW };
      const mine = blankPersonSettings('t', CONSULTANT.kind === 'user' ? CONSULTANT.userId : '');
      assert.deepEqual(rulesOf(assignRole(readyOrg(), { userId: 5 } as never, MEMBER, c)), ['role.required']);
      assert.ok(onlyInputProblems(assignRole(readyOrg(), { userId: 5 } as never, GLOBAL, c)));
      assert.deepEqual(
        rulesOf(changePersonSettings(readyOrg(), mine, { locale: 5 } as never, CONSULTANT, c)),
        ['input.invalid'],
      );
      assert.deepEqual(
        rulesOf(changePersonSettings(readyOrg(), mine, { userId: 'u-admin' }, CONSULTANT, c)),
        ['role.required'],
      );
    });
  });
});
