// Voucher ID: its format is not public (PRODUCT.md §9), so it is an opaque token with a conservative shape.
import { WORD_END, WORD_START, distinctBy, evidenceOf, nextContentLine } from './text';
import type { Hit } from './types';

/** Shown to the user when a value is refused; it has the shape the rule accepts. */
export const VOUCHER_ID_EXAMPLE = 'A1B2-C3D4-E5F6';

const VOUCHER_ID_SHAPE = /^[A-Za-z0-9-]{4,64}$/;

/** Trimmed, 4–64 ASCII letters, digits and dashes, at least one letter or digit. The rules' `pattern`, when given,
 *  alone decides, so intake accepts exactly what the voucher commands accept. */
export function validateVoucherId(
  raw: string,
  pattern?: RegExp | string,
): { ok: true; value: string } | { ok: false; code: 'voucherId.invalidFormat'; example: string } {
  const value = raw.trim();
  const ok =
    pattern === undefined
      ? VOUCHER_ID_SHAPE.test(value) && /[A-Za-z0-9]/.test(value)
      : new RegExp(pattern).test(value);
  if (ok) return { ok: true, value };
  return { ok: false, code: 'voucherId.invalidFormat', example: VOUCHER_ID_EXAMPLE };
}

// The translations' many words for "voucher" and for "number/ID".
const VOUCHER_WORD =
  '(?:vouchers?|vales?|comprovantes?|justificantes?|asientos?|cupom|cupons|cup[oó]n(?:es)?|bonos?|b[oô]nus)';
const ID_WORD =
  '(?:id|identificador|identifica[cç][aã]o|n[uú]mero|number|num\\.?|code|c[oó]digo|n\\.?\\s?[º°]|no\\.)';
const NUMBER_SIGN = '(?:#|n\\.?\\s?[º°]|no\\.)';
const FILLER = '(?:\\s+(?:do|da|de|del|of|the|your|seu|sua|su|tu|o|el|la|this|este|esse|deste|desse))*';
// An explicit separator between label and value: a colon, "is"/"é"/"es", or a number sign.
const EXPLICIT = `(?:\\s*[:：=]|\\t|\\s+(?:is|é|es|será)(?:\\s*:)?|\\s*${NUMBER_SIGN}\\s*:?)`;

export const LABEL_WORDS = `${WORD_START}(?:(${VOUCHER_WORD})(?:\\s*(${ID_WORD}))?|(${ID_WORD})${FILLER}\\s+(${VOUCHER_WORD}))${WORD_END}`;
// "Voucher ID: X", "Vale nº X", "Voucher #X", "número do voucher: X", "ID de su cupón es X", "voucher X".
const LABEL = new RegExp(`${LABEL_WORDS}(${EXPLICIT})?\\**\\s*([^\\s]+)`, 'giu');
// "Voucher number:" closing its line, the value in the next table cell / line.
const LABEL_AT_END = new RegExp(`${LABEL_WORDS}(${EXPLICIT})\\**\\s*$`, 'iu');

export interface VoucherIdScan {
  candidates: Hit<string>[];
  refused: Hit<string>[];
}

/** Tokens after a voucher label. After "voucher ID: X" (an ID word or number sign, and a separator) a malformed X is
 *  refused with a problem; after a weaker label X counts only if it has a digit ("voucher for SharePoint"). */
export function scanVoucherIds(lines: readonly string[], pattern?: RegExp | string): VoucherIdScan {
  const candidates: Hit<string>[] = [];
  const refused: Hit<string>[] = [];
  lines.forEach((line, i) => {
    const atEnd = LABEL_AT_END.exec(line);
    const next = atEnd ? nextContentLine(lines, i) : undefined;
    if (atEnd && next !== undefined) {
      const hasIdWord = atEnd[2] !== undefined || atEnd[3] !== undefined;
      const token = trimToken(next.trim().split(/\s+/)[0] ?? '');
      // Same trust rule as on one line: an ID word makes it firm, otherwise it must at least have a digit.
      if (hasIdWord || /\d/.test(token)) {
        const checked = validateVoucherId(token, pattern);
        const evidence = evidenceOf(`${line} ${next}`);
        if (checked.ok) candidates.push({ value: checked.value, evidence });
        else refused.push({ value: token, evidence });
      }
    }
    for (const m of line.matchAll(LABEL)) {
      const hasIdWord = m[2] !== undefined || m[3] !== undefined;
      const separator = m[5];
      // A number sign ("Vale nº X", "Voucher #X") labels the value as firmly as an ID word does.
      const strong = separator !== undefined && (hasIdWord || /[#º°]|no\./iu.test(separator));
      const token = trimToken(m[6] ?? '');
      if (token === '' || (!strong && !/\d/.test(token))) continue;
      // "Voucher: 5 days", "voucher 2026": a count or a year, not an ID.
      if (!strong && (/^\d{1,4}$/.test(token) || looksLikeDate(token))) continue;
      const checked = validateVoucherId(token, pattern);
      if (checked.ok) candidates.push({ value: checked.value, evidence: evidenceOf(line) });
      else if (separator !== undefined) refused.push({ value: token, evidence: evidenceOf(line) });
    }
  });
  const byId = (h: Hit<string>) => h.value.toUpperCase();
  return { candidates: distinctBy(candidates, byId), refused: distinctBy(refused, byId) };
}

function trimToken(s: string): string {
  return s.replace(/^[*"'“”‘’«»([<]+/u, '').replace(/[*"'“”‘’«»)\]>.,;:!?]+$/u, '');
}

function looksLikeDate(token: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(token) || /^\d{1,2}-\d{1,2}-\d{4}$/.test(token);
}
