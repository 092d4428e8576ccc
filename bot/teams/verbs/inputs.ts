// What a card may send, as zod schemas. Adaptive Card inputs arrive as strings (numbers, dates, toggles,
// multi-select choices included); these schemas coerce them to the command's types and bound their sizes.
// The card's own data is ids, the step and the ETag only: nothing else from it is ever used.
import { z } from 'zod';
import type { Locale } from '../../i18n';
import { t } from '../../i18n';
import { DOCUMENT_ID_PATTERN } from '../../store';
import { say } from '../say';

const blank = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An id a card carries back: a voucher's document id (`v-<number>` or a UUID) or an offering id. */
export const DocId = z.string().regex(DOCUMENT_ID_PATTERN);
/** An ETag as Cosmos gives it: opaque, short. */
export const Etag = z.string().min(1).max(128);

export const text = (max: number) => z.preprocess(blank, z.string().trim().min(1).max(max));
export const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
export const date = () => z.preprocess(blank, z.iso.date());
export const optionalDate = () => z.preprocess(blank, z.iso.date().optional());

const toNumber = (v: unknown): unknown => {
  const b = blank(v);
  if (typeof b !== 'string') return b;
  const s = b.trim().replace(/\s/g, '');
  // "1.234,56" (pt/es) and "1,234.56" (en): the last separator is the decimal one.
  const normalized = /,\d{1,2}$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : b;
};
export const int = (min: number, max: number) => z.preprocess(toNumber, z.number().int().min(min).max(max));
export const optionalInt = (min: number, max: number) =>
  z.preprocess(toNumber, z.number().int().min(min).max(max).optional());
export const money = () => z.preprocess(toNumber, z.number().positive().max(1_000_000_000));
export const optionalMoney = () =>
  z.preprocess(toNumber, z.number().positive().max(1_000_000_000).optional());

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blank, z.enum(values));
export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blank, z.enum(values).optional());

/** Input.ChoiceSet with isMultiSelect sends "a,b,c". */
export const list = (maxItems: number, item: z.ZodType<string> = z.string().min(1).max(64)) =>
  z.preprocess((v) => {
    const b = blank(v);
    if (b === undefined) return [];
    return typeof b === 'string'
      ? b
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : b;
  }, z.array(item).max(maxItems));

export type FieldErrors = Record<string, string>;

/** zod issues → a message next to each field, in the reader's language. */
export function fieldErrors(locale: Locale, error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    if (out[field]) continue;
    out[field] = issueMessage(locale, issue, field);
  }
  return out;
}

function issueMessage(locale: Locale, issue: z.core.$ZodIssue, field: string): string {
  // Absent (or blank, which the schemas read as absent) whatever the expected type: "required".
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined)
    return t(locale, 'common.requiredError');
  if (issue.code === 'too_big' && issue.origin === 'string')
    return say(locale, 'common.tooLongError', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'string') return t(locale, 'common.requiredError');
  if (issue.code === 'invalid_format' && issue.format === 'date') return t(locale, 'common.dateError');
  if (issue.code === 'invalid_value') return say(locale, 'common.choiceError');
  if (issue.code === 'invalid_type' && issue.expected === 'number') return say(locale, 'common.numberError');
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number')
    return say(locale, 'common.numberError');
  return t(locale, 'common.fieldError', { field });
}
