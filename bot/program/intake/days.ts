// Number of days the voucher is worth (the engagement length the customer chose when creating it).
import { findLabelled } from './labels';
import { evidenceOf, fold } from './text';
import type { Hit } from './types';

const DAY_WORD = '(?:days?|dias?)'; // folded: "días" → "dias"

// Labels that are about days themselves: any number after them is the day count.
export const DAY_LABELS = [
  'days',
  'number of days',
  '(?:voucher|service|planning|engagement) days',
  'length in days',
  'dias',
  'numero de dias',
  'quantidade de dias',
  'qtde de dias',
  'dias de (?:servico|planejamento)',
  'cantidad de dias',
  'dias de (?:servicio|planificacion)',
];
// Generic labels: the number counts only when "days" follows it ("Duration: 2 weeks" is not 2 days).
export const GENERIC_LABELS = [
  'length',
  'duration',
  'duracao',
  'duracion',
  'value',
  'valor',
  '(?:voucher|vale) (?:value|length)',
  'tamanho',
  'service level',
  'nivel de servico',
  'nivel de servicio',
];

// Numbers of days that are about validity or deadlines, not the voucher's worth.
const BEFORE_EXCLUDED = new Set([
  'valid',
  'valido',
  'valida',
  'validity',
  'validade',
  'validez',
  'expire',
  'expires',
  'expira',
  'expiram',
  'caduca',
  'vence',
  'within',
  'dentro',
  'prazo',
  'plazo',
  'ate',
  'hasta',
  'in',
  'em',
  'en',
  'after',
  'apos',
  'despues',
  'last',
  'ultimos',
  'every',
  'cada',
  'next',
  'proximos',
]);
const AFTER_EXCLUDED =
  /^\s*(?:ago|atras|from|after|apos|a partir|antes|before|despues|de antecedencia|in advance|to (?:reserve|redeem|request)|para (?:reservar|resgatar|canjear|solicitar))(?![\p{L}])/u;

/** Unlabelled mentions above this are lifetimes ("180 dias"), not engagement lengths (at most 15 by rule). */
const MAX_UNLABELLED_DAYS = 60;

export function findDays(lines: readonly string[]): Hit<number>[] {
  const labelled = [
    ...findLabelled(lines, DAY_LABELS).flatMap(({ value, evidence }) => {
      const m = /^(\d{1,3})(?![\d.,])/.exec(fold(value));
      return m ? [{ value: Number(m[1]), evidence }] : [];
    }),
    ...findLabelled(lines, GENERIC_LABELS).flatMap(({ value, evidence }) => {
      const m = new RegExp(`^(\\d{1,3})\\s*-?\\s*${DAY_WORD}(?![\\p{L}])`, 'u').exec(fold(value));
      return m ? [{ value: Number(m[1]), evidence }] : [];
    }),
  ].filter((h) => h.value > 0);
  if (labelled.length > 0) return labelled;

  const inline: Hit<number>[] = [];
  const re = new RegExp(`(?<![\\d.,])(\\d{1,3})\\s*-?\\s*${DAY_WORD}(?![\\p{L}])`, 'gu');
  for (const line of lines) {
    const f = fold(line);
    for (const m of f.matchAll(re)) {
      const n = Number(m[1]);
      const before = f
        .slice(0, m.index)
        .split(/[^\p{L}]+/u)
        .filter(Boolean)
        .slice(-2);
      const after = f.slice(m.index + m[0].length);
      if (n < 1 || n > MAX_UNLABELLED_DAYS) continue;
      if (before.some((word) => BEFORE_EXCLUDED.has(word)) || AFTER_EXCLUDED.test(after)) continue;
      inline.push({ value: n, evidence: evidenceOf(line) });
    }
  }
  return inline;
}
