// Payment requests counted by status and summed per currency.
import type { VoucherFacts } from '../../program';
import type { CurrencyTotalsView, PaymentsView } from '../view-model';

export function paymentsOf(vouchers: readonly VoucherFacts[]): PaymentsView {
  const counts = { requested: 0, approved: 0, paid: 0, denied: 0, outstanding: 0 };
  const totals = new Map<string, CurrencyTotalsView>();
  for (const v of vouchers) {
    const pr = v.paymentRequest;
    if (!pr) continue;
    const t = totals.get(pr.currency) ?? {
      currency: pr.currency,
      requested: 0,
      approved: 0,
      paid: 0,
      denied: 0,
      outstanding: 0,
    };
    counts.requested += 1;
    t.requested += pr.amount;
    if (pr.deniedOn) {
      counts.denied += 1;
      t.denied += pr.amount;
    } else {
      if (pr.approvedOn || pr.paidOn) {
        counts.approved += 1;
        t.approved += pr.amount;
      }
      if (pr.paidOn) {
        counts.paid += 1;
        t.paid += pr.paidAmount ?? pr.amount;
      } else {
        counts.outstanding += 1;
        t.outstanding += pr.amount;
      }
    }
    totals.set(pr.currency, t);
  }
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    counts,
    totals: [...totals.values()]
      .map((t) => ({
        ...t,
        requested: round(t.requested),
        approved: round(t.approved),
        paid: round(t.paid),
        denied: round(t.denied),
        outstanding: round(t.outstanding),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
