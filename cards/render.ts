// Template expansion and the finishing touches every card shares: the notice banner, server-side field
// errors and the refresh block. Builders compute view data (all words already localized) and call these.
import * as ACData from 'adaptivecards-templating';
import { t, type Locale, type MessageKey } from '../bot/i18n';
import type { AdaptiveCard, CardElement, CardOptions, Notice } from './types';
import type { ActionData, CardVerb } from './verbs';

// Preparing a template parses every `${…}` string into an expression tree (milliseconds per card); the
// prepared Template is reusable for any data, so each template JSON is prepared once per process. Expansion
// is synchronous and never mutates the prepared payload, so one instance serves every turn.
const prepared = new WeakMap<object, ACData.Template>();

export function expand(template: object, data: object): AdaptiveCard {
  let compiled = prepared.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    prepared.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as AdaptiveCard;
}

/** Localize a map of label names → message keys in one go (keeps builders short and keys greppable). */
export function labels<K extends string>(locale: Locale, keys: Record<K, MessageKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) out[name] = t(locale, keys[name]);
  return out;
}

const NOTICE_STYLE = { info: 'emphasis', success: 'good', warning: 'warning', error: 'attention' } as const;
const NOTICE_COLOR = { info: 'default', success: 'good', warning: 'warning', error: 'attention' } as const;

function banner(notice: Notice): CardElement {
  return {
    type: 'Container',
    id: 'notice',
    style: NOTICE_STYLE[notice.tone],
    items: [
      { type: 'TextBlock', text: notice.text, wrap: true, weight: 'bolder', color: NOTICE_COLOR[notice.tone] },
      ...(notice.details ?? []).map((line) => ({ type: 'TextBlock', text: `• ${line}`, wrap: true, spacing: 'small' })),
    ],
  };
}

/** Child element lists of an element: container items, columns, and the body of a ShowCard's card. */
function childLists(element: CardElement): CardElement[][] {
  const lists: CardElement[][] = [];
  for (const key of ['items', 'columns', 'body', 'actions']) {
    const value = element[key];
    if (Array.isArray(value)) lists.push(value as CardElement[]);
  }
  const card = element['card'];
  if (card && typeof card === 'object') lists.push(...childLists(card as CardElement));
  return lists;
}

/** Insert an error line right after each input that has one; return the ids that matched no input. */
function placeFieldErrors(list: CardElement[], errors: Map<string, string>): void {
  for (let i = 0; i < list.length; i++) {
    const element = list[i] as CardElement;
    for (const child of childLists(element)) placeFieldErrors(child, errors);
    const id = element['id'];
    if (typeof id === 'string' && String(element['type']).startsWith('Input.') && errors.has(id)) {
      list.splice(i + 1, 0, {
        type: 'TextBlock',
        id: `${id}-error`,
        text: errors.get(id),
        color: 'attention',
        size: 'small',
        wrap: true,
        spacing: 'none',
      });
      errors.delete(id);
      i++;
    }
  }
}

export interface Finish {
  locale: Locale;
  options?: CardOptions;
  /** The action that shows this card again, used for `refresh` when the caller gives no other. */
  refreshAction?: { verb: CardVerb; data: ActionData };
}

export function finish(card: AdaptiveCard, { locale, options, refreshAction }: Finish): AdaptiveCard {
  const errors = new Map(Object.entries(options?.errors ?? {}));
  placeFieldErrors(card.body, errors);
  if (card.actions) placeFieldErrors(card.actions, errors);

  // Errors for fields this card does not show must not vanish: they join the banner.
  const stray = [...errors.values()];
  let notice = options?.notice;
  if (stray.length > 0) {
    notice = notice
      ? { ...notice, details: [...(notice.details ?? []), ...stray] }
      : { tone: 'error', text: t(locale, 'notice.refusedTitle'), details: stray };
  }
  if (notice) card.body.unshift(banner(notice));

  const refresh = options?.refresh;
  if (refresh) {
    const verb = refresh.verb ?? refreshAction?.verb;
    if (verb) {
      const data = refresh.data ?? refreshAction?.data ?? {};
      card.refresh = { action: { type: 'Action.Execute', verb, data }, userIds: [...refresh.userIds] };
    }
  }
  return card;
}
