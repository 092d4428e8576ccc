// parseVoucherEmail: pasted voucher email (or a partner's notes) → fields for the intake confirmation card.
import { findLabelledAdmins, inferAdminFromHeaders } from './admin-email';
import { findCustomerNames } from './customer';
import { findDays } from './days';
import { findExpiries } from './expiry';
import { detectLanguage } from './language';
import { normalize } from './normalize';
import { DEFAULT_OFFERING_CODES, findOfferings } from './offering';
import { distinctBy } from './text';
import type {
  Hit,
  IntakeField,
  IntakeOptions,
  IntakeProblem,
  IntakeProblemCode,
  IntakeResult,
} from './types';
import { VOUCHER_ID_EXAMPLE, scanVoucherIds } from './voucher-id';

/** Longest accepted paste (a voucher mail with forwards is 2–6k characters). Longer is refused, not cut: the
 *  voucher notification is usually the oldest message, at the bottom. */
export const MAX_INTAKE_LENGTH = 20_000;

const notFound = <T>(): IntakeField<T> => ({ found: false });
const fieldOf = <T>(hit: Hit<T>): IntakeField<T> => ({
  found: true,
  value: hit.value,
  evidence: hit.evidence,
});

function emptyResult(problems: IntakeProblem[]): IntakeResult {
  return {
    voucherId: notFound(),
    voucherIdCandidates: [],
    voucherAdminEmail: notFound(),
    customerName: notFound(),
    offeringCode: notFound(),
    days: notFound(),
    expiresOn: notFound(),
    problems,
  };
}

export function parseVoucherEmail(text: string, opts: IntakeOptions = {}): IntakeResult {
  if (text.length > MAX_INTAKE_LENGTH) {
    return emptyResult([
      { code: 'input.tooLong', params: { length: text.length, maxLength: MAX_INTAKE_LENGTH } },
    ]);
  }
  if (text.trim() === '') return emptyResult([{ code: 'input.empty', params: {} }]);

  const { lines, messages } = normalize(text);
  const language = detectLanguage(lines);
  const problems: IntakeProblem[] = [];
  const result = emptyResult(problems);
  if (language) result.language = language;

  // Voucher ID: one distinct valid candidate and no refused labelled value, or nothing is chosen. A refused
  // value next to a valid one may be the real ID mistyped, so picking the valid one would be a guess.
  const ids = scanVoucherIds(lines, opts.voucherIdPattern);
  result.voucherIdCandidates = ids.candidates.map((c) => c.value);
  for (const bad of ids.refused) {
    problems.push({
      code: 'voucherId.invalidFormat',
      params: { value: bad.value, example: VOUCHER_ID_EXAMPLE },
    });
  }
  if (ids.candidates.length > 1) {
    problems.push({
      code: 'voucherId.ambiguous',
      params: { candidates: result.voucherIdCandidates.join(', '), count: ids.candidates.length },
    });
  } else if (ids.candidates[0] && ids.refused.length === 0) {
    result.voucherId = fieldOf(ids.candidates[0]);
  }

  // Voucher admin: a labelled address wins, so the partner's own addresses (signatures, Cc) never compete.
  // Only when no address is labelled do the headers speak (see inferAdminFromHeaders for which one and why).
  const admins = findLabelledAdmins(lines);
  if (admins.length > 0) {
    result.voucherAdminEmail = single(admins, 'voucherAdminEmail.ambiguous', problems);
  } else {
    const inferred = inferAdminFromHeaders(messages);
    if (inferred) {
      result.voucherAdminEmail = { found: true, value: inferred.value, evidence: inferred.evidence };
      problems.push({
        code: 'voucherAdminEmail.inferred',
        params: { source: inferred.source, email: inferred.value },
      });
    }
  }

  result.customerName = single(findCustomerNames(lines), 'customerName.ambiguous', problems);

  const codes = opts.offeringCodes ?? [...DEFAULT_OFFERING_CODES];
  result.offeringCode = single(findOfferings(lines, codes).hits, 'offeringCode.ambiguous', problems);

  result.days = single(findDays(lines), 'days.ambiguous', problems);

  readExpiry(lines, language, result, problems);
  return result;
}

/** One distinct value → found; several → not found plus an ambiguity problem listing them. */
function single<T extends string | number>(
  hits: Hit<T>[],
  code: IntakeProblemCode,
  problems: IntakeProblem[],
): IntakeField<T> {
  const distinct = distinctBy(hits, (h) => String(h.value).toLowerCase());
  if (distinct.length === 1 && distinct[0]) return fieldOf(distinct[0]);
  if (distinct.length > 1)
    problems.push({
      code,
      params: { candidates: distinct.map((h) => String(h.value)).join(', '), count: distinct.length },
    });
  return notFound();
}

function readExpiry(
  lines: readonly string[],
  language: IntakeResult['language'],
  result: IntakeResult,
  problems: IntakeProblem[],
): void {
  const valid: Hit<string>[] = [];
  for (const { reading, evidence } of findExpiries(lines, language)) {
    if (reading.kind === 'date') valid.push({ value: reading.iso, evidence });
    else if (reading.kind === 'invalid')
      problems.push({ code: 'expiresOn.invalidDate', params: { text: reading.text } });
    else
      problems.push({
        code: 'expiresOn.ambiguous',
        params: { candidates: reading.readings.join(', '), count: 2 },
      });
  }
  const hasDoubt = problems.some(
    (p) => p.code === 'expiresOn.invalidDate' || p.code === 'expiresOn.ambiguous',
  );
  const distinct = distinctBy(valid, (h) => h.value);
  if (distinct.length === 1 && distinct[0] && !hasDoubt) result.expiresOn = fieldOf(distinct[0]);
  else if (distinct.length > 1)
    problems.push({
      code: 'expiresOn.ambiguous',
      params: { candidates: distinct.map((h) => h.value).join(', '), count: distinct.length },
    });
}
