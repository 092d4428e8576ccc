// Small text helpers shared by the extractors.

/**
 * Lower-case and drop diacritics, so one pattern matches "número", "numero" and "NÚMERO" alike.
 * Machine translations and hand-typed notes are inconsistent about accents.
 */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // Keep the length: callers match on the folded text and cut the value out of the original at the same index.
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

/** `\b` is ASCII-only in JavaScript; these guards also treat accented letters as word characters. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** Build a case-insensitive, Unicode-aware regex from alternatives, bounded as whole words. */
export function wordsRegex(alternatives: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`${WORD_START}(?:${alternatives.join('|')})${WORD_END}`, flags);
}

const EVIDENCE_MAX = 200;

/** A line shortened for display on the card. */
export function evidenceOf(line: string): string {
  // Table cells arrive tab-separated; on a card a tab renders as nothing useful.
  const t = line.replace(/\t+/g, ' ').trim();
  return t.length <= EVIDENCE_MAX ? t : `${t.slice(0, EVIDENCE_MAX - 1)}…`;
}

/** Plain address shape; deliberately loose on the local part, strict enough on the domain to skip "a@b". */
export const EMAIL_PATTERN = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

export function emailsIn(s: string): string[] {
  return s.match(new RegExp(EMAIL_PATTERN, 'g')) ?? [];
}

/**
 * Separator between a label and its value: a colon (also the full-width one), an equals sign, a tab left
 * by an HTML table cell, or a dash. Any spaces around it are part of the separator.
 */
export const SEPARATOR = '\\s*(?:[:：=]|\\t|\\s[-–—]\\s)\\s*';

/** Distinct values, compared case-insensitively, keeping the first spelling seen. */
export function distinctBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/** The next line with any content after `index`, if it is close by (a label in one cell, value in the next). */
export function nextContentLine(lines: readonly string[], index: number): string | undefined {
  for (let i = index + 1; i < lines.length && i <= index + 2; i++) {
    const l = lines[i];
    if (l !== undefined && l.trim() !== '') return l;
  }
  return undefined;
}
