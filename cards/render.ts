// Template expansion and the finishing touches every card shares: the notice banner, server-side field
// errors and the refresh block. Builders compute view data (all words already localized) and call these.
import * as ACData from 'adaptivecards-templating';
import { t, type Locale, type MessageKey } from '../bot/i18n';
import type { AdaptiveCard, CardElement, CardOptions, Notice } from './types';
import type { ActionData, CardVerb } from './verbs';

// Each template is prepared once per process, and once more per set of label/link values with those bindings
// replaced by their text, so expanding a card evaluates only what the turn's data changes.
const LOCALE_STATIC = /^\$\{(\$root\.)?(l|links)\.([A-Za-z_][A-Za-z0-9_]*)\}$/;
/** Three languages, with room to spare; beyond this a template is expanded unspecialised. */
const MAX_VARIANTS = 6;

type Scope = 'l' | 'links';
interface Slot {
  scope: Scope;
  name: string;
}
interface Variant {
  values: unknown[];
  compiled: ACData.Template;
}
interface Prepared {
  /** The unspecialised template, prepared on first need: no label bindings, or MAX_VARIANTS reached. */
  generic?: ACData.Template;
  slots: Slot[];
  variants: Variant[];
}
const prepared = new WeakMap<object, Prepared>();

/**
 * Calls `visit` for each label/link binding whose value is the data's own `l`/`links` (not a `$data` item's)
 * and whose result is the bound value itself: a whole string, not `$when` (a condition) nor `$data`.
 */
function mapStatic(
  node: unknown,
  inItemScope: boolean,
  visit: (slot: Slot, binding: string) => unknown,
): unknown {
  if (typeof node === 'string') {
    const m = LOCALE_STATIC.exec(node);
    if (!m || (inItemScope && !m[1])) return node;
    return visit({ scope: m[2] as Scope, name: m[3] as string }, node);
  }
  if (Array.isArray(node)) return node.map((item) => mapStatic(item, inItemScope, visit));
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const itemScope = inItemScope || '$data' in obj;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      out[key] = key === '$when' || key === '$data' ? obj[key] : mapStatic(obj[key], itemScope, visit);
    }
    return out;
  }
  return node;
}

function prepare(template: object): Prepared {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  mapStatic(template, false, (slot, binding) => {
    const key = `${slot.scope}.${slot.name}`;
    if (!seen.has(key)) {
      seen.add(key);
      slots.push(slot);
    }
    return binding;
  });
  return { slots, variants: [] };
}

function valueOf(data: object, slot: Slot): unknown {
  const scope = (data as Record<string, unknown>)[slot.scope];
  return scope && typeof scope === 'object' ? (scope as Record<string, unknown>)[slot.name] : undefined;
}

function specialise(template: object, slots: Slot[], values: unknown[]): ACData.Template {
  const index = new Map(slots.map((slot, i) => [`${slot.scope}.${slot.name}`, i]));
  const substituted = mapStatic(template, false, (slot, binding) => {
    const value = values[index.get(`${slot.scope}.${slot.name}`) as number];
    // Text with `${` would be parsed as a binding once in the template; a missing value must stay visible as
    // the binding, as the engine leaves it. Both keep the binding.
    return typeof value === 'string' && !value.includes('${') ? value : binding;
  });
  return new ACData.Template(substituted);
}

function compiledFor(template: object, data: object): ACData.Template {
  let entry = prepared.get(template);
  if (!entry) {
    entry = prepare(template);
    prepared.set(template, entry);
  }
  const { slots, variants } = entry;
  if (slots.length === 0) return (entry.generic ??= new ACData.Template(template));
  const values = slots.map((slot) => valueOf(data, slot));
  for (const variant of variants) {
    if (variant.values.every((v, i) => v === values[i])) return variant.compiled;
  }
  if (variants.length >= MAX_VARIANTS) return (entry.generic ??= new ACData.Template(template));
  const compiled = specialise(template, slots, values);
  variants.push({ values, compiled });
  return compiled;
}

export function expand(template: object, data: object): AdaptiveCard {
  return compiledFor(template, data).expand({ $root: data }) as AdaptiveCard;
}

/** Localize a map of label names → message keys in one go (keeps builders short and keys greppable). */
export function labels<K extends string>(locale: Locale, keys: Record<K, MessageKey>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) out[name] = t(locale, keys[name]);
  return out;
}

const NOTICE_STYLE = { info: 'emphasis', success: 'good', warning: 'warning', error: 'attention' } as const;
// The container carries the tone; green or yellow text on a green or yellow banner is hard to read (light theme).
const NOTICE_COLOR = { info: 'default', success: 'default', warning: 'default', error: 'attention' } as const;

function banner(notice: Notice): CardElement {
  return {
    type: 'Container',
    id: 'notice',
    style: NOTICE_STYLE[notice.tone],
    items: [
      {
        type: 'TextBlock',
        text: notice.text,
        wrap: true,
        weight: 'bolder',
        color: NOTICE_COLOR[notice.tone],
      },
      ...(notice.details ?? []).map((line) => ({
        type: 'TextBlock',
        text: `• ${line}`,
        wrap: true,
        spacing: 'small',
      })),
    ],
  };
}

/** Child element lists of an element: items, columns, body, actions, and those of a ShowCard's card. */
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

/** Insert an error line right after each input that has one; what stays in `errors` matched no input. */
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
  // Most cards carry no errors: then there is nothing to place and no reason to walk the whole card.
  if (errors.size > 0) {
    placeFieldErrors(card.body, errors);
    if (card.actions) placeFieldErrors(card.actions, errors);
  }

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
