// Message action "Add as voucher": a message (usually a shared or forwarded voucher email) → the intake card
// in a dialog, filled by the same parser as a pasted email; the dialog's submit runs the `intake.confirm` verb
// (zod, roles, guards, write) exactly as the chat card does. Success answers a `result`: the new voucher's
// card goes into the compose box of the conversation the action started in, for the person to send or not.
import { z } from 'zod';
import { toDialogCard, type Notice } from '../../../cards';
import type { InvokeHandler } from '../invokes/routes';
import { say } from '../say';
import { intakeCard, intakeDraftFromText, type Card } from '../views';
import { dialogCard, dialogMessage, noTenant, resultList } from './answers';
import { ADD_VOUCHER_COMMAND } from './commands';
import { messageText } from './message-text';
import { MAX_INTAKE_LENGTH } from '../../program';

const FetchValue = z.object({
  commandId: z.string().max(64),
  messagePayload: z
    .object({
      body: z
        .object({ contentType: z.string().max(32).optional(), content: z.string().optional() })
        .optional(),
    })
    .optional(),
});

const SubmitValue = z.object({
  commandId: z.string().max(64),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** composeExtension/fetchTask: the intake card, filled from the message, in a dialog. */
export const fetchAddVoucher: InvokeHandler = async (context, turn, kit) => {
  const value = FetchValue.safeParse(context.activity.value);
  if (!value.success || value.data.commandId !== ADD_VOUCHER_COMMAND)
    return dialogMessage(say(turn.locale, 'ext.unknownCommand'));
  if (!turn.identity) return noTenant(turn.locale, dialogMessage);
  const env = await kit.verbEnv(turn, true);
  const { locale } = env.scope;
  const body = value.data.messagePayload?.body;
  const read = messageText(body?.content ?? '', body?.contentType);
  const draft = intakeDraftFromText(env, read.text);
  const lines: string[] = [];
  if (read.cut) lines.push(say(locale, 'ext.messageCut', { max: MAX_INTAKE_LENGTH }));
  // "I found no voucher in that message" is the intake card's own notice (draft.noVoucherFound).
  const notice: Notice | undefined =
    lines.length > 0 ? { tone: 'info', text: lines[0] as string } : undefined;
  const card = intakeCard(env, draft, notice ? { notice } : {});
  return dialogCard(say(locale, 'ext.addVoucherTitle'), toDialogCard(card));
};

/**
 * composeExtension/submitAction: the dialog's inputs go to `intake.confirm`, whatever verb the data names.
 * Refusals and input errors come back in the same dialog, next to the fields.
 */
export const submitAddVoucher: InvokeHandler = async (context, turn, kit) => {
  const value = SubmitValue.safeParse(context.activity.value);
  if (!value.success || value.data.commandId !== ADD_VOUCHER_COMMAND)
    return dialogMessage(say(turn.locale, 'ext.unknownCommand'));
  if (!turn.identity) return noTenant(turn.locale, dialogMessage);
  const env = await kit.verbEnv(turn, false);
  const { verb: _verb, ...data } = value.data.data ?? {};
  const reply = await kit.runVerb(env, 'intake.confirm', data);
  if (!reply) return dialogMessage(say(env.scope.locale, 'ext.unknownCommand'));
  if (!reply.changed)
    return dialogCard(say(env.scope.locale, 'ext.addVoucherTitle'), toDialogCard(reply.card));
  kit.changed(env.scope.tenantId, 'intake.confirm');
  return resultList([{ card: withoutNotice(reply.card) }]);
};

/** The card goes into a conversation: "Saved." was for the person who recorded it, not for everyone. */
function withoutNotice(card: Card): Card {
  return { ...card, body: card.body.filter((e) => e['id'] !== 'notice') };
}
