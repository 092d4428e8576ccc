// Finds "Label: value" lines, the way voucher mails, forwards and partners' notes write fields.
import { SEPARATOR, evidenceOf, fold, nextContentLine } from './text';

export interface LabelledValue {
  value: string;
  evidence: string;
}

/** A label (folded regex alternatives) counts at a line's start before a separator ("Cliente: X" is a field, "our
 *  customer X" is prose); a label alone on its line takes its value from the next line (pasted table cells). */
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
