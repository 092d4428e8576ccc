// Turns the domain's raw parameters (ids, ISO dates, codes, numbers, lists) into words for one reader.
// The domain never sends sentences (DESIGN.md "Refusals are data"); this is where they become readable.
import { ROLE_KEYS, STATE_KEYS } from './dynamic-keys';
import { formatCountry, formatDate, formatList, formatNumber } from './format';
import type { Locale } from './locale';
import { t, type MessageParams } from './translate';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** Parameters whose values are role ids, voucher states or country codes, by name. */
const ROLE_PARAMS = new Set(['role', 'roles', 'requiredRole', 'requiredRoles']);
const STATE_PARAMS = new Set(['state', 'from', 'to']);
const COUNTRY_PARAMS = new Set(['country', 'deliveryCountry', 'locationCountry', 'approvedCountries']);
/** Lists where any one item suffices read "A or B"; every other list reads "A and B". */
const EITHER_PARAMS = new Set(['requiredRoles', 'competencies', 'anyOf', 'allowed', 'approvedCountries']);

function one(
  locale: Locale,
  name: string,
  value: string | number | boolean,
  timeZone?: string,
): string | number {
  if (typeof value === 'number') return value; // t() formats numbers in the locale
  if (typeof value === 'boolean') return t(locale, value ? 'common.yes' : 'common.no');
  if (ROLE_PARAMS.has(name) && value in ROLE_KEYS)
    return t(locale, ROLE_KEYS[value as keyof typeof ROLE_KEYS]);
  if (STATE_PARAMS.has(name) && value in STATE_KEYS)
    return t(locale, STATE_KEYS[value as keyof typeof STATE_KEYS]);
  if (COUNTRY_PARAMS.has(name)) return formatCountry(locale, value);
  if (ISO_DATE.test(value)) return formatDate(locale, value, timeZone);
  return value;
}

function list(locale: Locale, name: string, items: readonly unknown[], timeZone?: string): string {
  const words = items
    .filter(
      (v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v) && v !== '',
    )
    .map((v) => {
      const w = one(locale, name, v, timeZone);
      return typeof w === 'number' ? formatNumber(locale, w) : w;
    });
  // An empty list (e.g. nobody holds a role) reads as "nobody yet" rather than as a blank.
  if (words.length === 0) return t(locale, 'common.nobody');
  const type = EITHER_PARAMS.has(name) ? 'disjunction' : 'conjunction';
  return formatList(locale, words, type);
}

export function localizeParams(
  locale: Locale,
  params: Record<string, unknown> | undefined,
  timeZone?: string,
): MessageParams {
  const out: MessageParams = {};
  for (const [name, raw] of Object.entries(params ?? {})) {
    if (Array.isArray(raw)) out[name] = list(locale, name, raw, timeZone);
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')
      out[name] = one(locale, name, raw, timeZone);
  }
  return out;
}

/** Whatever is still a {placeholder} after interpolation was not supplied: a dash reads better than braces. */
export function blankUnfilled(text: string): string {
  return text.replace(/\{\w+\}/g, '—');
}
