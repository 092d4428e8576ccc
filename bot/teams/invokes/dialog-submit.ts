// `task/submit` (and `task/complete`, the name some docs give it): a tab's Adaptive Card dialog opened with the
// bot as completion bot sends its Action.Submit here. Stored → empty answer, the dialog closes and the tab
// refreshes; otherwise the dialog continues with the card to show (errors, "changed since you opened it").
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import { say } from '../say';
import { runDialogVerb } from './dialog-verb';
import type { InvokeHandler } from './routes';

const TaskValue = z.object({ data: z.unknown() });

export const dialogSubmit: InvokeHandler = async (context, turn, kit) => {
  const value = TaskValue.safeParse(context.activity.value);
  const outcome = await runDialogVerb(kit, turn, value.success ? value.data.data : undefined);
  if (outcome.done || !outcome.card) return { status: 200 };
  return {
    status: 200,
    body: {
      task: {
        type: 'continue',
        value: { title: say(turn.locale, 'dialog.title'), card: CardFactory.adaptiveCard(outcome.card) },
      },
    },
  };
};
