// Guesses the language of the text. It matters for one thing: whether 04/05/2026 is April 5 (en) or 4 May.
import { fold } from './text';
import type { IntakeLanguage } from './types';

// Frequent words that are distinctive for one language (words shared by pt and es, like "para", are left out).
const MARKERS: Record<IntakeLanguage, ReadonlySet<string>> = {
  en: new Set([
    'the',
    'and',
    'your',
    'you',
    'has',
    'been',
    'please',
    'regards',
    'thanks',
    'thank',
    'with',
    'this',
    'expires',
    'assigned',
    'from',
    'customer',
    'our',
    'is',
    'of',
  ]),
  pt: new Set([
    'voce',
    'nao',
    'seu',
    'sua',
    'foi',
    'obrigado',
    'obrigada',
    'atenciosamente',
    'prezado',
    'prezada',
    'ola',
    'segue',
    'com',
    'uma',
    'tambem',
    'sao',
    'ate',
    'expiracao',
    'cliente',
    'nosso',
    'nossa',
    'em',
    'do',
    'da',
    'ao',
  ]),
  es: new Set([
    'usted',
    'su',
    'ha',
    'sido',
    'gracias',
    'saludos',
    'estimado',
    'estimada',
    'hola',
    'adjunto',
    'con',
    'una',
    'hasta',
    'el',
    'los',
    'las',
    'del',
    'nuestro',
    'nuestra',
    'y',
    'al',
    'es',
  ]),
};

export function detectLanguage(lines: readonly string[]): IntakeLanguage | undefined {
  const counts: Record<IntakeLanguage, number> = { en: 0, pt: 0, es: 0 };
  for (const word of fold(lines.join(' ')).split(/[^\p{L}]+/u)) {
    for (const lang of ['en', 'pt', 'es'] as const) if (MARKERS[lang].has(word)) counts[lang]++;
  }
  // "dias"/"días" fold to the same word; the accent itself says Spanish, "dias" without it Portuguese.
  const joined = lines.join(' ');
  counts.es += (joined.match(/días/giu) ?? []).length;
  counts.pt += (joined.match(/(?<![\p{L}])dias(?![\p{L}])|ção|ções/giu) ?? []).length;

  const ranked = (Object.entries(counts) as [IntakeLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2) return undefined;
  // A clear lead only; mixed chains (an English forward over a Spanish voucher) stay undecided.
  if (second && first[1] < second[1] * 1.5) return undefined;
  return first[0];
}
