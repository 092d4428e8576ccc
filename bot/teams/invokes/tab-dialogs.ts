// The tab's dialogs (POST /api/tab/dialogs/open and /submit) through the bot's verb table: the tab API passes
// the SSO caller (tenant and person from the token, never from the request body) and the card data; this
// builds the turn a Teams activity would have given and runs the same verb handler as the chat.
import { VOUCHER_ACTION_VERBS, type VoucherAction } from '../../../cards';
import { resolveLocale } from '../../i18n';
import type { TurnInput } from '../turn-input';
import { runDialogVerb, type DialogOutcome } from './dialog-verb';
import type { InvokeKit } from './routes';

/** Who asks, as the tab API authenticated them. */
export interface TabDialogCaller {
  tenantId: string;
  userId: string;
  name?: string;
  /** The tab's language (the person's override in the bot still wins, as in the chat). */
  locale?: string;
  correlationId: string;
}

export interface TabDialogRunner {
  /** The card the chat shows for this action on this voucher, made for a dialog. */
  open(caller: TabDialogCaller, voucherId: string, action: VoucherAction): Promise<DialogOutcome>;
  /** A dialog's Action.Submit data (verb inside): `done` when stored, else the card to show next. */
  submit(caller: TabDialogCaller, data: Record<string, unknown>): Promise<DialogOutcome>;
}

function tabTurn(caller: TabDialogCaller): TurnInput {
  const { tenantId, userId, name, locale, correlationId } = caller;
  return {
    correlationId,
    tenantId,
    identity: { tenantId, userId, name: name ?? '' },
    ...(locale ? { teamsLocale: locale } : {}),
    locale: resolveLocale(locale),
    conversation: 'personal',
    text: '',
    botAdded: false,
  };
}

export function tabDialogRunner(kit: InvokeKit): TabDialogRunner {
  return {
    open(caller, voucherId, action) {
      // A form verb asked to open only shows its card; the detail card's own buttons (markDelivered) wait.
      const verb = VOUCHER_ACTION_VERBS[action];
      return runDialogVerb(kit, tabTurn(caller), { verb, voucherId, step: 'open' });
    },
    submit: (caller, data) => runDialogVerb(kit, tabTurn(caller), data),
  };
}
