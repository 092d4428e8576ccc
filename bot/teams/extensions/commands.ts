// The message extension's command ids, as declared in manifest/manifest.template.json (a test checks both).
export const ADD_VOUCHER_COMMAND = 'addVoucher';
export const FIND_VOUCHER_COMMAND = 'findVoucher';
