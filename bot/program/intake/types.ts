// Result shapes of voucher-email intake. Everything here is data: the card and i18n turn it into words.

/** A value the parser read from the pasted text, or `found: false` when it was not clearly there. */
export interface IntakeField<T> {
  found: boolean;
  value?: T;
  /** The (cleaned) line the value was read from, so the confirmation card can show where it came from. */
  evidence?: string;
}

/** Which language the pasted text is mostly written in; it decides how 04/05/2026 is read. */
export type IntakeLanguage = 'en' | 'pt' | 'es';

export type IntakeProblemCode =
  | 'input.empty'
  | 'input.tooLong'
  | 'voucherId.invalidFormat'
  | 'voucherId.ambiguous'
  | 'voucherAdminEmail.ambiguous'
  /** Not labelled in the text: taken from the mail headers, so the card must ask the user to confirm it. */
  | 'voucherAdminEmail.inferred'
  | 'customerName.ambiguous'
  | 'offeringCode.ambiguous'
  | 'days.ambiguous'
  | 'expiresOn.ambiguous'
  | 'expiresOn.invalidDate';

export interface IntakeProblem {
  code: IntakeProblemCode;
  params: Record<string, string | number>;
}

export interface IntakeResult {
  voucherId: IntakeField<string>;
  /** Every distinct valid candidate seen; with more than one, none is chosen and the card lists them. */
  voucherIdCandidates: string[];
  voucherAdminEmail: IntakeField<string>;
  customerName: IntakeField<string>;
  offeringCode: IntakeField<string>;
  days: IntakeField<number>;
  /** Calendar date, YYYY-MM-DD. */
  expiresOn: IntakeField<string>;
  /** Detected language of the text, when one clearly dominates. */
  language?: IntakeLanguage;
  problems: IntakeProblem[];
}

export interface IntakeOptions {
  /** Offering codes of the active catalogue (program rules are data); defaults to the 2020 catalogue. */
  offeringCodes?: string[];
  /** The rules' voucher-number pattern (rules.voucher.numberPattern); defaults to PRODUCT.md §9's shape. */
  voucherIdPattern?: RegExp | string;
}

/** A found value plus the line it came from; the internal currency between the extractors. */
export interface Hit<T> {
  value: T;
  evidence: string;
}
