// A voucher command: its state is checked against the transition table, then the shared command runner runs
// it; the change moves the voucher to its target state and keeps `stateSince` and `dueOn` true.
import type { z } from 'zod';
import { runCommand, type Changed } from '../command-runner';
import type { AuditNote, VoucherContext } from '../context';
import { voucherDueDate } from '../deadlines';
import type { Actor, IsoDate, Refusal, Result, Voucher, VoucherState } from '../model';
import { refusal, refused } from '../result';
import type { RoleRule } from '../roles';
import { TRANSITIONS, type StateCommand } from '../transitions';

/** What a voucher command changes; the runner derives the state, `stateSince`, `dueOn` and the audit entry. */
export interface VoucherChange extends Pick<AuditNote, 'reason' | 'details'> {
  patch?: Partial<Voucher>;
  /** Overrides the transition table's target (setExpiry on an Expired voucher restores its earlier state). */
  to?: VoucherState;
  remove?: (keyof Voucher)[];
}

export interface VoucherCommandSpec<S extends z.ZodType> {
  command: StateCommand;
  schema: S;
  role: RoleRule;
}

/** `transition.notAllowed` (or the transition's more specific too-early rule) when the state forbids it. */
function stateRefusal(command: StateCommand, voucher: Voucher): Refusal | undefined {
  const t = TRANSITIONS[command];
  if (t.from.includes(voucher.state)) return undefined;
  const name = `voucher.${command}`;
  if (t.tooEarly?.states.includes(voucher.state)) {
    return refusal(t.tooEarly.rule, {
      command: name,
      state: voucher.state,
      voucherNumber: voucher.voucherNumber,
    });
  }
  const to = t.to === 'same' ? voucher.state : t.to;
  return refusal('transition.notAllowed', { command: name, from: voucher.state, to });
}

function applyChange(
  command: StateCommand,
  voucher: Voucher,
  change: VoucherChange,
  ctx: VoucherContext,
): Changed<Voucher> {
  const target = TRANSITIONS[command].to;
  const to: VoucherState = change.to ?? (target === 'same' ? voucher.state : target);
  const next: Voucher = { ...voucher, ...change.patch };
  for (const key of change.remove ?? []) delete next[key];
  next.state = to;
  if (to !== voucher.state) next.stateSince = ctx.now.toISOString();
  const due = voucherDueDate(next, ctx.rules);
  if (due) next.dueOn = due;
  else delete next.dueOn;
  return { doc: next, from: voucher.state, to, reason: change.reason, details: change.details };
}

export function runVoucherCommand<S extends z.ZodType>(
  spec: VoucherCommandSpec<S>,
  voucher: Voucher,
  raw: unknown,
  actor: Actor,
  ctx: VoucherContext,
  body: (input: z.output<S>, today: IsoDate) => Refusal[] | VoucherChange,
): Result<Voucher> {
  const wrongState = stateRefusal(spec.command, voucher);
  if (wrongState) return refused([wrongState]);
  const command = { command: `voucher.${spec.command}`, schema: spec.schema, role: spec.role };
  return runCommand(command, { org: ctx.org, actor, ctx }, raw, (input, today) => {
    const out = body(input, today);
    return Array.isArray(out) ? out : applyChange(spec.command, voucher, out, ctx);
  });
}
