// The expiry date a text states, read only next to an expiry word (forwards are full of other dates); Partner
// Center's exact expiry wins over the computed lifetime (PRODUCT.md §4).
import { type DateReading, findDate } from './dates';
import { evidenceOf, fold, nextContentLine } from './text';
import type { IntakeLanguage } from './types';

interface ExpiryLabel {
  pattern: string;
  /** Set when the word belongs to one language; it then decides how 04/05/2026 is read. */
  language?: IntakeLanguage;
}

export const EXPIRY_LABELS: ExpiryLabel[] = [
  { pattern: 'expir(?:es|y|ation(?: date)?|ed|ing)(?: on| date)?', language: 'en' },
  { pattern: 'valid (?:until|through|thru|till|to)', language: 'en' },
  { pattern: 'use (?:it )?(?:by|before)', language: 'en' },
  { pattern: 'data de (?:expiracao|validade|vencimento)', language: 'pt' },
  { pattern: 'expiracao|validade|vencimento', language: 'pt' },
  { pattern: 'valid[oa] ate|expira(?:ra)? em|vence(?:ra)? em', language: 'pt' },
  { pattern: 'fecha de (?:caducidad|vencimiento|expiracion)', language: 'es' },
  { pattern: 'caduca(?:d|ra)?|caducidad|vencimiento|expiracion', language: 'es' },
  { pattern: 'valid[oa] hasta|expira(?:ra)? el|vence(?:ra)? el', language: 'es' },
  { pattern: 'expira|vence' },
];

const LABEL_RES = EXPIRY_LABELS.map((l) => ({
  ...l,
  re: new RegExp(`(?<![\\p{L}])(?:${l.pattern})(?![\\p{L}])`, 'u'),
}));

export interface ExpiryReading {
  reading: DateReading;
  evidence: string;
}

export function findExpiries(
  lines: readonly string[],
  documentLanguage: IntakeLanguage | undefined,
): ExpiryReading[] {
  const out: ExpiryReading[] = [];
  lines.forEach((line, i) => {
    const f = fold(line);
    const label = LABEL_RES.map((l) => ({ l, m: l.re.exec(f) }))
      .filter((x): x is { l: (typeof LABEL_RES)[number]; m: RegExpExecArray } => x.m !== null)
      .sort((a, b) => a.m.index - b.m.index)[0];
    if (!label) return;
    const language = label.l.language ?? documentLanguage;
    const rest = line.slice(label.m.index + label.m[0].length);
    const onLine = findDate(rest, language);
    if (onLine) {
      out.push({ reading: onLine, evidence: evidenceOf(line) });
      return;
    }
    if (/^[\s:：\t*-]*$/.test(rest)) {
      const next = nextContentLine(lines, i);
      const onNext = next === undefined ? undefined : findDate(next, language);
      if (onNext && next !== undefined)
        out.push({ reading: onNext, evidence: evidenceOf(`${line} ${next}`) });
    }
  });
  return out;
}
