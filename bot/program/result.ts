// Building results and refusals, and turning zod input problems into `input.invalid` refusals.
import type { z } from 'zod';
import type { Refusal, RefusalParams, Result, RuleId } from './model';
import { formatPath } from './rules';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refusal(rule: RuleId, params: RefusalParams = {}): Refusal {
  return { rule, params };
}

/** A failed result carrying every refusal; the first one is the headline. */
export function refused<T>(refusals: readonly Refusal[]): Result<T> {
  const [first] = refusals;
  if (!first) throw new Error('refused() needs at least one refusal');
  return { ok: false, refusal: first, refusals: [...refusals] };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; refusals: Refusal[] };

/** Validates a command input. Each problem becomes `input.invalid` with the field path and zod's issue code. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    refusals: parsed.error.issues.map((i) =>
      refusal('input.invalid', { field: formatPath(i.path), issue: i.code }),
    ),
  };
}
