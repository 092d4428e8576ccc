// Finds "Label: value" lines, the way voucher mails, forwards and partners' notes write fields.
import { SEPARATOR, evidenceOf, fold, nextContentLine } from './text';

export interface LabelledValue {
  value: string;
  evidence: string;
}

/**
 * `labels` are folded (lower case, no accents) regex alternatives. A label counts only at the start of a
 * line (after a bullet or markdown bold) and followed by a separator: "Cliente: Contoso" is a field,
 * "our customer Contoso" is prose. When the label stands alone, the value is on the next line (HTML
 * tables pasted as one cell per line).
 */
export function findLabelled(lines: readonly string[], labels: readonly string[]): LabelledValue[] {
  const re = new RegExp(`^[-*•·\\s]*(?:${labels.join('|')})\\**${SEPARATOR}`, 'u');
  const found: LabelledValue[] = [];
  lines.forEach((line, i) => {
    const m = re.exec(fold(line));
    if (!m) return;
    let value = cleanValue(line.slice(m[0].length));
    let evidence = line;
    if (value === '') {
      const next = nextContentLine(lines, i);
      if (next === undefined) return;
      value = cleanValue(next);
      evidence = `${line} ${next}`;
    }
    if (value !== '') found.push({ value, evidence: evidenceOf(evidence) });
  });
  return found;
}

/** Trims markdown emphasis, quotes and list punctuation that wrap a value. */
export function cleanValue(s: string): string {
  return s
    .replace(/\t/g, ' ')
    .replace(/^[\s*"'“”«»]+/u, '')
    .replace(/[\s*"'“”«»,;]+$/u, '')
    .trim();
}
