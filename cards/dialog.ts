// A chat card shown in a dialog (a tab's Adaptive Card dialog, a message extension's task module). Dialogs
// know only Action.Submit, so every Action.Execute becomes a submit that carries its verb in its data; the
// card's `refresh` is dropped (a dialog is not a message anyone opens later).
import type { AdaptiveCard } from './types';

/** The key of the submit data that names the verb (the card's own data never uses it). */
export const DIALOG_VERB_KEY = 'verb';

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = convert(value);
  if (out.type !== 'Action.Execute') return out;
  const { verb, data, ...rest } = out;
  const carried = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
  return { ...rest, type: 'Action.Submit', data: { ...carried, [DIALOG_VERB_KEY]: verb } };
}

/** The same card for a dialog: Action.Execute → Action.Submit with the verb in `data.verb`, no `refresh`. */
export function toDialogCard(card: AdaptiveCard): AdaptiveCard {
  const { refresh: _refresh, ...rest } = card as AdaptiveCard & { refresh?: unknown };
  return convert(rest) as AdaptiveCard;
}
