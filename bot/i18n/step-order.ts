// A voucher step asked for too early, in words: what was asked, why not yet, and what comes first.
import type { MessageKey } from './catalog';
import type { Locale } from './locale';
import { t } from './translate';

type Wanted = 'reserve' | 'cancel' | 'deliver' | 'report' | 'redeem' | 'payment' | 'outcome';
type First = Exclude<Wanted, 'cancel'>;

export interface StepOrderLike {
  wanted: Wanted;
  first: First;
}

const WANTED: Record<Wanted, MessageKey> = {
  reserve: 'stepOrder.wanted.reserve',
  cancel: 'stepOrder.wanted.cancel',
  deliver: 'stepOrder.wanted.deliver',
  report: 'stepOrder.wanted.report',
  redeem: 'stepOrder.wanted.redeem',
  payment: 'stepOrder.wanted.payment',
  outcome: 'stepOrder.wanted.outcome',
};
const FIRST: Record<First, MessageKey> = {
  reserve: 'stepOrder.first.reserve',
  deliver: 'stepOrder.first.deliver',
  report: 'stepOrder.first.report',
  redeem: 'stepOrder.first.redeem',
  payment: 'stepOrder.first.payment',
  outcome: 'stepOrder.first.outcome',
};

/** "You can't redeem voucher PS7Q-… yet: the completion report has to be submitted first." */
export function stepOrderMessage(locale: Locale, order: StepOrderLike, voucher: string): string {
  const wanted = t(locale, WANTED[order.wanted], { voucher });
  return t(locale, 'stepOrder.message', { wanted, first: t(locale, FIRST[order.first]) });
}
