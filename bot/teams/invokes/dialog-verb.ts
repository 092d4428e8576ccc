// One submit from a dialog (a tab's Adaptive Card dialog, in Teams or the tab's in-page modal): the card's
// Action.Submit carries its verb in its data (cards/dialog.ts); the rest is exactly what an Action.Execute
// sends, so it runs the same verb handler (zod, tenant scope, ETag, domain guards, write).
import { z } from 'zod';
import { DIALOG_VERB_KEY, errorNotice, toDialogCard } from '../../../cards';
import { t, type Locale } from '../../i18n';
import { say } from '../say';
import type { TurnInput } from '../turn-input';
import { isReadOnly } from '../verbs';
import { noticeCard, type Card } from '../views';
import type { InvokeKit } from './routes';

/** `done`: something was stored, the dialog closes. Otherwise the card to show next (errors, stale, a form). */
export interface DialogOutcome {
  done: boolean;
  card?: Card;
}

const Submitted = z.record(z.string(), z.unknown());
const Verb = z.string().min(1).max(64);

function unknownAction(locale: Locale): DialogOutcome {
  return {
    done: false,
    card: noticeCard(locale, { tone: 'error', text: say(locale, 'dialog.unknownAction') }),
  };
}

/** Runs the submitted verb; every card it answers with is made for a dialog (cards/dialog.ts). */
export async function runDialogVerb(
  kit: InvokeKit,
  turn: TurnInput,
  submitted: unknown,
): Promise<DialogOutcome> {
  const outcome = await runVerbOf(kit, turn, submitted);
  return outcome.card ? { done: outcome.done, card: toDialogCard(outcome.card) } : outcome;
}

async function runVerbOf(kit: InvokeKit, turn: TurnInput, submitted: unknown): Promise<DialogOutcome> {
  const { locale, correlationId } = turn;
  if (!turn.identity)
    return { done: false, card: noticeCard(locale, { tone: 'error', text: say(locale, 'notice.noTenant') }) };
  const parsed = Submitted.safeParse(submitted);
  const verb = Verb.safeParse(parsed.success ? parsed.data[DIALOG_VERB_KEY] : undefined);
  if (!parsed.success || !verb.success) return unknownAction(locale);
  const { [DIALOG_VERB_KEY]: _verb, ...data } = parsed.data;
  // A failure to load the scope (store down) is the turn's failure: the edge answers it like any other.
  const env = await kit.verbEnv(turn, isReadOnly(verb.data, data));
  // From here on the person's own language (their override in the bot wins, as in the chat).
  const words = env.scope.locale;
  try {
    const reply = await kit.runVerb(env, verb.data, data);
    if (!reply) return unknownAction(words);
    if (!reply.changed) return { done: false, card: reply.card };
    kit.changed(env.scope.tenantId, verb.data);
    return { done: true };
  } catch (err) {
    env.logger.error({ correlationId, err, verb: verb.data }, 'dialog action failed');
    const card = noticeCard(words, {
      ...errorNotice(words),
      details: [t(words, 'notice.errorBody'), say(words, 'error.turn', { id: correlationId })],
    });
    return { done: false, card };
  }
}
