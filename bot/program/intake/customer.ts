// Customer (company) name: only from a labelled field. Company names have no shape to recognise in
// prose, and a guessed name would end up on the voucher record.
import { findLabelled } from './labels';
import { EMAIL_PATTERN, distinctBy } from './text';
import type { Hit } from './types';

export const CUSTOMER_LABELS = [
  'customer(?: name)?',
  'end customer',
  'client(?: name)?',
  'company(?: name)?',
  'organi[sz]ation(?: name)?',
  'cliente(?: final)?',
  'nome do cliente',
  'nome da empresa',
  'empresa(?: cliente)?',
  'organizacao',
  'razao social',
  'nombre del cliente',
  'nombre de la empresa',
  'organizacion',
  'compania',
];

const MAX_NAME = 120;

export function findCustomerNames(lines: readonly string[]): Hit<string>[] {
  const hits: Hit<string>[] = [];
  for (const { value, evidence } of findLabelled(lines, CUSTOMER_LABELS)) {
    // "Cliente: Contoso Ltda. <ana@contoso.com>": the address is not part of the name.
    const name = value
      .replace(new RegExp(`[<(\\[]?${EMAIL_PATTERN}[>)\\]]?`, 'g'), '')
      .replace(/[\s,;|–—-]+$/u, '')
      .trim();
    if (name.length >= 2 && name.length <= MAX_NAME) hits.push({ value: name, evidence });
  }
  return distinctBy(hits, (h) => h.value.toLowerCase());
}
