// Guards on dates a user typed, shared by the commands of both aggregates.
import type { IsoDate, Refusal } from './model';
import { refusal } from './result';

export function notInFuture(field: string, value: IsoDate | undefined, today: IsoDate): Refusal[] {
  return value !== undefined && value > today ? [refusal('date.inFuture', { field, value, today })] : [];
}

/** A date the user typed must not precede the record it follows (a backdated step before its cause). */
export type NotBeforeRule = 'date.beforeReport' | 'date.beforeRedemption' | 'date.beforeRequest';

const BOUND_PARAM: Record<NotBeforeRule, string> = {
  'date.beforeReport': 'reportOn',
  'date.beforeRedemption': 'redeemedOn',
  'date.beforeRequest': 'requestedOn',
};

export function notBefore(
  rule: NotBeforeRule,
  field: string,
  value: IsoDate,
  bound: IsoDate | undefined,
): Refusal[] {
  return bound !== undefined && value < bound
    ? [refusal(rule, { field, value, [BOUND_PARAM[rule]]: bound })]
    : [];
}
