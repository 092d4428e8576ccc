// CSV export of voucher rows (RFC 4180). Columns are stable English ids and values are codes and ISO dates;
// cells a spreadsheet would run as a formula get a leading apostrophe.
import type { VoucherRowView } from './view-model';

export const CSV_COLUMNS = [
  'voucherNumber',
  'customer',
  'offering',
  'engagement',
  'days',
  'state',
  'stateSince',
  'daysInState',
  'consultants',
  'expiresOn',
  'nextDeadline',
  'nextDeadlineDue',
  'paymentStatus',
  'paymentAmount',
  'paymentCurrency',
] as const;

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowsToCsv(rows: VoucherRowView[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.voucherNumber,
        r.customer,
        r.offering,
        r.engagement,
        r.days,
        r.state,
        r.stateSince.slice(0, 10),
        r.daysInState,
        r.consultants.map((c) => c.name).join('; '),
        r.expiresOn,
        r.nextDeadline?.kind,
        r.nextDeadline?.due,
        r.payment?.status,
        r.payment?.amount,
        r.payment?.currency,
      ]
        .map(cell)
        .join(','),
    );
  }
  // A BOM lets spreadsheet programs read accented customer names as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
