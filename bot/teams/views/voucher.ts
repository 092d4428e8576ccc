// One voucher's card for a step: the detail card, or the form of the step asked for.
import { voucherExpiryDate, type Voucher } from '../../program';
import type { Stored } from '../../store';
import { voucherDetailCard } from './voucher-detail';
import {
  cancelReservationForm,
  completionReportForm,
  paymentOutcomeForm,
  paymentRequestForm,
  redeemForm,
  reservationForm,
  type FormInput,
} from './voucher-forms';
import { voucherCardBase } from './voucher-summary';
import { organizationDate, type Card, type Extras, type ViewEnv } from './view-env';

export const VOUCHER_STEPS = [
  'detail',
  'reserve',
  'cancel',
  'report',
  'redeem',
  'payment',
  'outcome',
] as const;
export type VoucherStep = (typeof VOUCHER_STEPS)[number];

export function voucherCard(
  env: ViewEnv,
  stored: Stored<Voucher>,
  step: VoucherStep,
  extras: Extras = {},
): Card {
  if (step === 'detail') return voucherDetailCard(env, stored, extras);
  const base = voucherCardBase(env, stored, organizationDate(env), voucherExpiryDate(stored.doc, env.rules));
  const input: FormInput = { voucher: stored.doc, base, extras };
  switch (step) {
    case 'reserve':
      return reservationForm(env, input);
    case 'cancel':
      return cancelReservationForm(env, input);
    case 'report':
      return completionReportForm(env, input);
    case 'redeem':
      return redeemForm(env, input);
    case 'payment':
      return paymentRequestForm(env, input);
    case 'outcome': {
      const payment = stored.doc.paymentRequest;
      return payment ? paymentOutcomeForm(env, input, payment) : voucherDetailCard(env, stored, extras);
    }
  }
}
