// A chat card made fit for a Teams dialog (message-extension task module, tab dialog): dialogs answer
// Action.Submit only, so each Action.Execute becomes an Action.Submit carrying its verb in `data.verb`,
// and `refresh` (a chat-message feature) is dropped. Pure: the card given is not changed.
import type { AdaptiveCard, CardElement } from './types';

export function toDialogCard(card: AdaptiveCard): AdaptiveCard {
  const { refresh: _refresh, ...rest } = card;
  return convert(rest) as AdaptiveCard;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const element = node as CardElement;
  const out: CardElement = {};
  for (const [key, value] of Object.entries(element)) out[key] = convert(value);
  if (element['type'] === 'Action.Execute') {
    const { verb, data, ...action } = out;
    const carried = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    return { ...action, type: 'Action.Submit', data: { ...carried, verb } };
  }
  return out;
}
