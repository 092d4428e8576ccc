// A pasted email → the intake form's draft: each field found in the text, filled by a default, or not found.
// Chat (pasted text) and the message extension call the same function, so the form says the same everywhere.
import { parseVoucherEmail } from './parse';
import type { IntakeOptions, IntakeProblem } from './types';

export type DraftFieldStatus = 'found' | 'default' | 'notFound';

export interface DraftFields {
  voucherNumber?: string;
  customerName?: string;
  offeringId?: string;
  days?: number;
  voucherAdminEmail?: string;
  assignedOn?: string;
  expiresOn?: string;
}

export interface EmailDraft {
  fields: DraftFields;
  status: Record<keyof DraftFields, DraftFieldStatus>;
  /** Nothing in the text looked like a voucher: the form is offered empty, and the user is told so. */
  noVoucherFound: boolean;
  problems: IntakeProblem[];
}

/** `today` is the organisation's date. It is the default assignment date, unless the email's own expiry is
 *  already past: then today would be refused as "assigned after expiry", an error the user did not make. */
export function draftFromEmail(text: string, opts: IntakeOptions & { today: string }): EmailDraft {
  const parsed = parseVoucherEmail(text, opts);
  const read = {
    voucherNumber: parsed.voucherId.value,
    customerName: parsed.customerName.value,
    offeringId: parsed.offeringCode.value,
    days: parsed.days.value,
    voucherAdminEmail: parsed.voucherAdminEmail.value,
    expiresOn: parsed.expiresOn.value,
  };
  // An address alone (often just the sender) is no voucher: without any voucher field the text was not one.
  const voucherFields = [read.voucherNumber, read.customerName, read.offeringId, read.days, read.expiresOn];
  const noVoucherFound = voucherFields.every((v) => v === undefined);
  const fields: DraftFields = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined));
  const status = (key: keyof DraftFields): DraftFieldStatus =>
    fields[key] === undefined ? 'notFound' : 'found';
  const canDefault = read.expiresOn === undefined || read.expiresOn >= opts.today;
  if (canDefault) fields.assignedOn = opts.today;
  return {
    fields,
    status: {
      voucherNumber: status('voucherNumber'),
      customerName: status('customerName'),
      offeringId: status('offeringId'),
      days: status('days'),
      voucherAdminEmail: status('voucherAdminEmail'),
      expiresOn: status('expiresOn'),
      assignedOn: canDefault ? 'default' : 'notFound',
    },
    noVoucherFound,
    problems: parsed.problems,
  };
}
