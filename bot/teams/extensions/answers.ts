// The shapes Teams expects back from message-extension invokes, and the guard every handler runs in: a
// failure is logged with the correlation id and answered with a localized message, never a 5xx.
import type { InvokeResponse } from 'botbuilder';
import type { Locale } from '../../i18n';
import type { Logger } from '../../logger';
import type { InvokeHandler } from '../invokes/routes';
import { say } from '../say';
import type { Card } from '../views';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';

export interface ResultItem {
  card: Card;
  preview?: { title: string; text: string };
}

const ok = (body: unknown): InvokeResponse => ({ status: 200, body });

/** Cards to insert into the compose box (search results, an unfurled link, a recorded voucher). */
export function resultList(items: readonly ResultItem[]): InvokeResponse {
  return ok({
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: items.map((item) => ({
        contentType: ADAPTIVE_CARD,
        content: item.card,
        ...(item.preview ? { preview: { contentType: THUMBNAIL_CARD, content: item.preview } } : {}),
      })),
    },
  });
}

/** A line of text Teams shows in place of results (search, link unfurling, action submit). */
export function extensionMessage(text: string): InvokeResponse {
  return ok({ composeExtension: { type: 'message', text } });
}

/** A dialog showing this card (message action fetch, or the same dialog again with errors). */
export function dialogCard(title: string, card: Card): InvokeResponse {
  return ok({
    task: {
      type: 'continue',
      value: { title, card: { contentType: ADAPTIVE_CARD, content: card }, width: 'large', height: 'large' },
    },
  });
}

/** A dialog answer that is only a message (no card to show). */
export function dialogMessage(text: string): InvokeResponse {
  return ok({ task: { type: 'message', value: text } });
}

/** Runs a handler; a thrown error becomes a localized message with the id to quote, shaped by `answer`. */
export function guarded(
  logger: Logger,
  answer: (text: string) => InvokeResponse,
  handler: InvokeHandler,
): InvokeHandler {
  return async (context, turn, kit) => {
    try {
      return await handler(context, turn, kit);
    } catch (err) {
      logger.error({ correlationId: turn.correlationId, err }, 'message extension invoke failed');
      return answer(say(turn.locale, 'ext.failed', { id: turn.correlationId }));
    }
  };
}

export function noTenant(locale: Locale, answer: (text: string) => InvokeResponse): InvokeResponse {
  return answer(say(locale, 'ext.noTenant'));
}
