// What the voucher detail adds for the person looking at it: their actions now (the domain's rule, the same
// the bot's detail card uses) and the next step in the bot's words, in the tab's language.
import { nextActionMessage, type Locale } from '../../i18n';
import { voucherActionsFor, voucherNextAction, type Voucher } from '../../program';
import type { VoucherDetailView } from '../view-model';
import type { ProjectionContext } from './context';

export function viewerPart(
  v: Voucher,
  ctx: ProjectionContext,
  userId: string,
  locale: Locale,
  defaultTimeZone: string,
): Pick<VoucherDetailView, 'actions' | 'nextAction'> {
  const org = ctx.org;
  if (!org) return { actions: [] };
  const next = voucherNextAction(v, org, ctx.rules, ctx.now, { defaultTimeZone, today: ctx.today });
  return {
    actions: voucherActionsFor(v, org, userId),
    nextAction: nextActionMessage(locale, next, org.timeZone ?? defaultTimeZone),
  };
}
