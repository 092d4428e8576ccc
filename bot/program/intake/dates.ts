// Finds a calendar date written in the ways vouchers and forwards write them, in en, pt-BR and es-ES.
import { fold } from './text';
import type { IntakeLanguage } from './types';

export type DateReading =
  | { kind: 'date'; iso: string }
  /** Day and month could be swapped (04/05/2026) and the language does not settle it. */
  | { kind: 'ambiguous'; readings: [string, string] }
  /** Looks like a date but is not on the calendar (31/02/2026, 29/02/2027). */
  | { kind: 'invalid'; text: string };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'janeiro', 'enero', 'ene']],
  [2, ['february', 'feb', 'fevereiro', 'fev', 'febrero']],
  [3, ['march', 'mar', 'marco', 'marzo']],
  [4, ['april', 'apr', 'abril', 'abr']],
  [5, ['may', 'maio', 'mai', 'mayo']],
  [6, ['june', 'jun', 'junho', 'junio']],
  [7, ['july', 'jul', 'julho', 'julio']],
  [8, ['august', 'aug', 'agosto', 'ago']],
  [9, ['september', 'sept', 'sep', 'setembro', 'set', 'septiembre', 'setiembre']],
  [10, ['october', 'oct', 'outubro', 'out', 'octubre']],
  [11, ['november', 'nov', 'novembro', 'noviembre']],
  [12, ['december', 'dec', 'dezembro', 'dez', 'diciembre', 'dic']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
// Longest first so "marco" is not read as "mar" + "co".
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Patterns run on folded text (lower case, no accents: "março" → "marco").
const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;
// 31 de março de 2026 · 31 de marzo del 2026 · 31 March 2026 · 31-Mar-2026 · 1º de abril de 2026
const DAY_MONTH_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:º|°|o|st|nd|rd|th)?\\s*(?:de\\s+|-|\\s)\\s*(${MONTH_ALT})\\.?\\s*(?:de\\s+|del\\s+|,\\s*|-|\\s)\\s*(\\d{4})(?!\\d)`,
);
// March 31, 2026 · Mar 31 2026 · March 31st, 2026
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'u',
);

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** YYYY-MM-DD, or undefined when the numbers are not a real calendar day. */
export function toIsoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function reading(y: number, m: number, d: number, text: string): DateReading {
  const iso = toIsoDate(y, m, d);
  return iso ? { kind: 'date', iso } : { kind: 'invalid', text };
}

/** The first date in `s` (earliest position wins), read with `language` deciding numeric day/month order. */
export function findDate(s: string, language: IntakeLanguage | undefined): DateReading | undefined {
  const f = fold(s);
  const candidates: { index: number; read: () => DateReading }[] = [];

  const iso = ISO.exec(f);
  if (iso) candidates.push({ index: iso.index, read: () => reading(+iso[1]!, +iso[2]!, +iso[3]!, iso[0]) });

  const num = NUMERIC.exec(f);
  if (num)
    candidates.push({
      index: num.index,
      read: () => readNumeric(+num[1]!, +num[3]!, +num[4]!, num[0], language),
    });

  const dmy = DAY_MONTH_YEAR.exec(f);
  if (dmy)
    candidates.push({ index: dmy.index, read: () => reading(+dmy[3]!, MONTHS[dmy[2]!]!, +dmy[1]!, dmy[0]) });

  const mdy = MONTH_DAY_YEAR.exec(f);
  if (mdy)
    candidates.push({ index: mdy.index, read: () => reading(+mdy[3]!, MONTHS[mdy[1]!]!, +mdy[2]!, mdy[0]) });

  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.read();
}

/** Day or month first: a number above 12 settles it, else the language (en month first, pt and es day first);
 *  with no clear language it stays ambiguous rather than guessed. */
function readNumeric(
  a: number,
  b: number,
  y: number,
  text: string,
  language: IntakeLanguage | undefined,
): DateReading {
  if (a > 12 && b <= 12) return reading(y, b, a, text);
  if (b > 12 && a <= 12) return reading(y, a, b, text);
  if (a > 12 && b > 12) return { kind: 'invalid', text };
  if (a === b) return reading(y, a, b, text);
  if (language === 'en') return reading(y, a, b, text);
  if (language === 'pt' || language === 'es') return reading(y, b, a, text);
  const dayFirst = toIsoDate(y, b, a);
  const monthFirst = toIsoDate(y, a, b);
  if (dayFirst && monthFirst) return { kind: 'ambiguous', readings: [dayFirst, monthFirst] };
  return { kind: 'invalid', text };
}
