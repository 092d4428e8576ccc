// Fields glued onto one line: some chat clients (the Agents Playground among them) drop a paste's line breaks,
// so "Voucher ID: X Customer: Y Expires: Z" arrives as one line. Cutting it before each field label gives the
// extractors the lines they expect.
import { ADMIN_LABELS, BARE_ADMIN_LABEL } from './admin-email';
import { CUSTOMER_LABELS } from './customer';
import { DAY_LABELS, GENERIC_LABELS } from './days';
import { EXPIRY_LABELS } from './expiry';
import { OFFERING_LABELS } from './offering';
import { WORD_END, WORD_START, fold } from './text';
import { LABEL_WORDS } from './voucher-id';

const LABELS = [
  LABEL_WORDS,
  ...CUSTOMER_LABELS,
  ...OFFERING_LABELS,
  ...DAY_LABELS,
  ...GENERIC_LABELS,
  ...EXPIRY_LABELS.map((l) => l.pattern),
  ...ADMIN_LABELS,
  BARE_ADMIN_LABEL,
];

// A label only counts as a field when a colon follows it ("Customer: Y"); prose ("the customer said") stays whole,
// and so does a greeting ("Estimado/a cliente:"). Markdown bold ("*Customer:*") is part of the label.
const GREETING = '(?<!(?:dear|estimad[oa]s?|prezad[oa]s?|querid[oa]s?|car[oa]s?)(?:/[oa]s?)?\\s+)';
const FIELD = new RegExp(`${GREETING}\\**${WORD_START}(?:${LABELS.join('|')})${WORD_END}\\**\\s*[:：]`, 'gu');

/** Where each field label starts in `text` (folded, so "Número:" and "numero:" alike). */
function fieldStarts(text: string): number[] {
  return [...fold(text).matchAll(FIELD)].map((m) => m.index);
}

/** How many "Label: value" fields the text holds; two on one line is a paste that lost its line breaks. */
export function fieldLabelCount(text: string): number {
  return fieldStarts(text).length;
}

/** A line holding two or more "Label: value" fields becomes one line per field (text before the first kept). */
export function splitGluedFields(line: string): string[] {
  const starts = fieldStarts(line).filter((i) => i === 0 || /\s/.test(line[i - 1] ?? ''));
  if (starts.length < 2) return [line];
  const cuts = starts[0] === 0 ? starts : [0, ...starts];
  return cuts
    .map((from, k) => line.slice(from, cuts[k + 1] ?? line.length).trim())
    .filter((part) => part !== '');
}

/** Where the first field label inside a header's value begins (a body glued after "To: …"), or -1. */
export function firstFieldLabel(value: string): number {
  return fieldStarts(value).find((i) => i > 0 && /\s/.test(value[i - 1] ?? '')) ?? -1;
}
