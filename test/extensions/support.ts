// Message-extension invokes shaped like what Teams sends, over the conversation harness (real HTTP edge,
// embedded Cosmos, local connector).
import { baseActivity, type ActivityOptions } from '../support/activities';
import type { Card, Harness } from '../conversation/harness';

export interface ExtensionAnswer {
  status: number;
  body: {
    task?: { type: string; value: unknown };
    composeExtension?: {
      type: string;
      text?: string;
      attachmentLayout?: string;
      attachments?: {
        contentType: string;
        content: Card;
        preview?: { contentType: string; content: unknown };
      }[];
    };
  };
}

export async function extensionInvoke(
  h: Harness,
  o: Partial<ActivityOptions>,
  name: string,
  value: unknown,
): Promise<ExtensionAnswer> {
  const activity = {
    ...baseActivity({ serviceUrl: h.connector.serviceUrl, ...o }),
    type: 'invoke',
    name,
    value,
  };
  const res = await h.post(activity);
  return res as ExtensionAnswer;
}

/** The card of a `task: continue` answer (the dialog), or undefined. */
export function dialogCardOf(answer: ExtensionAnswer): Card | undefined {
  const task = answer.body?.task;
  if (task?.type !== 'continue') return undefined;
  return (task.value as { card: { content: Card } }).card.content;
}

/** Every input's id → value on a card (what Teams would submit unchanged). */
export function inputValues(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
        out[o.id] = o.value === undefined ? '' : String(o.value);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return out;
}

/** The data of the card's first Action.Submit (a dialog card has no Action.Execute). */
export function submitData(card: unknown): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (x: unknown): void => {
    if (found) return;
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Submit') found = (o.data as Record<string, unknown>) ?? {};
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return found;
}

export function messagePayload(content: string, contentType = 'html'): Record<string, unknown> {
  return {
    id: '1700000000000',
    createdDateTime: '2026-03-10T10:00:00.000Z',
    from: { user: { id: 'someone', displayName: 'Someone' } },
    body: { contentType, content },
    attachments: [],
  };
}
