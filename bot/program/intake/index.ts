// Voucher intake (PRODUCT.md §2 step 4): the pasted voucher email → fields to confirm on a card.
export { parseVoucherEmail, MAX_INTAKE_LENGTH } from './parse';
export { fieldLabelCount } from './glued';
export { draftFromEmail, type DraftFieldStatus, type DraftFields, type EmailDraft } from './draft';
export { stripHtml } from './html';
export { validateVoucherId, VOUCHER_ID_EXAMPLE } from './voucher-id';
export { DEFAULT_OFFERING_CODES } from './offering';
export type {
  IntakeField,
  IntakeLanguage,
  IntakeOptions,
  IntakeProblem,
  IntakeProblemCode,
  IntakeResult,
} from './types';
