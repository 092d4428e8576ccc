// t(locale, key, params): look a key up in the reader's catalogue and fill its {placeholders}.
import { catalogs, type MessageKey } from './catalog';
import type { Message } from './catalog/types';
import { formatList, formatNumber, pluralCategory } from './format';
import type { Locale } from './locale';

export type ParamValue = string | number | boolean | null | undefined | readonly string[] | readonly number[];
export type MessageParams = Record<string, ParamValue>;

function pick(locale: Locale, message: Message, params: MessageParams | undefined): string {
  if (typeof message === 'string') return message;
  const count = params?.['count'];
  if (typeof count !== 'number') return message.other;
  const category = pluralCategory(locale, count);
  return message[category] ?? message.other;
}

function render(locale: Locale, value: ParamValue): string {
  if (typeof value === 'number') return formatNumber(locale, value);
  if (Array.isArray(value))
    return formatList(
      locale,
      value.map((v) => (typeof v === 'number' ? formatNumber(locale, v) : String(v))),
    );
  return String(value);
}

// A card fills dozens of messages per turn from a catalogue of a few thousand texts, so each text is split
// at its placeholders once: [text, name, text, name, …, text]. Texts from elsewhere are possible, so bounded.
const pieces = new Map<string, readonly string[]>();
const MAX_PIECES = 10_000;

function piecesOf(text: string): readonly string[] {
  let split = pieces.get(text);
  if (split === undefined) {
    split = text.split(/\{(\w+)\}/);
    if (pieces.size >= MAX_PIECES) pieces.clear();
    pieces.set(text, split);
  }
  return split;
}

/** Replace every {name} that has a parameter; an unknown one stays visible so a missing parameter is noticed. */
export function interpolate(locale: Locale, text: string, params: MessageParams | undefined): string {
  if (!params) return text;
  const split = piecesOf(text);
  let out = split[0] as string;
  for (let i = 1; i < split.length; i += 2) {
    const name = split[i] as string;
    const value = params[name];
    out +=
      (value === undefined || value === null ? `{${name}}` : render(locale, value)) +
      (split[i + 1] as string);
  }
  return out;
}

export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  // The English catalogue is complete by construction (it defines MessageKey); the others are checked by type
  // and by test, so falling back to English only matters for catalogues edited without compiling.
  const message = catalogs[locale][key] ?? catalogs.en[key];
  return interpolate(locale, pick(locale, message, params), params);
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogs.en, key);
}
