// The voucher admin: the customer's person who received the voucher and whose email validates it in
// Partner Center (step 5). Partner Center needs the exact address, so only a clearly indicated one counts.
import type { ChainMessage } from './normalize';
import { EMAIL_PATTERN, distinctBy, emailsIn, evidenceOf, fold, nextContentLine } from './text';
import type { Hit } from './types';

// Folded phrases that introduce the admin's address, anywhere in a line ("…foi atribuído a ana@…").
export const ADMIN_LABELS = [
  'voucher admin(?:istrator)?',
  'benefits? admin(?:istrator)?',
  'admin(?:istrator)? (?:of the |for the )?(?:voucher|benefits?)',
  'administrador(?:a)? d[oae]l? (?:voucher|vale|cupom|cupon|comprovante|justificante|bono|beneficio)',
  'administrador(?:a)? de (?:beneficios?|vouchers?|vales)',
  'e-?mail do administrador',
  'correo(?: electronico)? del administrador',
  'project manager',
  'gerente de projetos?',
  'gestor(?:a)? de projetos?',
  'jefe de proyecto',
  'gestor(?:a)? de proyecto',
  'director(?:a)? de proyecto',
  'assigned to',
  'atribuido (?:a|para)',
  'designado (?:a|para)',
  'asignado a',
];
// A bare "Admin:" only as a field at the start of a line (partners' notes).
export const BARE_ADMIN_LABEL = 'admin(?:istrador|istrator)?';
const ADMIN_LABEL = new RegExp([...ADMIN_LABELS, `^[-*•·\\s]*${BARE_ADMIN_LABEL}\\s*:`].join('|'), 'u');

/** Addresses introduced by an admin label, first one after each label. */
export function findLabelledAdmins(lines: readonly string[]): Hit<string>[] {
  const hits: Hit<string>[] = [];
  lines.forEach((line, i) => {
    const m = ADMIN_LABEL.exec(fold(line));
    if (!m) return;
    const rest = line.slice(m.index + m[0].length);
    // Microsoft's own mailboxes never administer a customer's voucher (a glued paste can put one after a label).
    const onLine = emailsIn(rest).find((e) => !isMicrosoftSender(e));
    if (onLine !== undefined) {
      hits.push({ value: onLine, evidence: evidenceOf(line) });
      return;
    }
    // Label alone at the end of its line ("Voucher admin:" then the address in the next table cell).
    if (/^[\s:：\t*-]*$/.test(rest)) {
      const next = nextContentLine(lines, i);
      const nextEmail =
        next === undefined ? undefined : new RegExp(`^[\\s*<(]*(${EMAIL_PATTERN})`).exec(next)?.[1];
      if (next !== undefined && nextEmail !== undefined)
        hits.push({ value: nextEmail, evidence: evidenceOf(`${line} ${next}`) });
    }
  });
  return distinctBy(hits, (h) => h.value.toLowerCase());
}

export interface InferredAdmin {
  value: string;
  source: 'recipient' | 'sender';
  evidence: string;
}

/** With no labelled admin: the only recipient of Microsoft's own voucher notification, else the sender of the
 *  oldest non-Microsoft message (the customer who forwarded it). Both are inferences for the user to confirm. */
export function inferAdminFromHeaders(messages: readonly ChainMessage[]): InferredAdmin | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const msg = messages[i];
    if (!msg?.from || !isMicrosoftSender(msg.from)) continue;
    const recipients = msg.to.filter((a) => !isMicrosoftSender(a));
    const only = recipients.length === 1 ? recipients[0] : undefined;
    if (only !== undefined)
      return { value: only, source: 'recipient', evidence: evidenceOf(msg.toLine ?? only) };
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    const msg = messages[i];
    if (msg?.from !== undefined && !isMicrosoftSender(msg.from)) {
      return { value: msg.from, source: 'sender', evidence: evidenceOf(msg.fromLine ?? msg.from) };
    }
  }
  return undefined;
}

/** Microsoft's notification senders and automated no-reply mailboxes: never a customer's admin. */
export function isMicrosoftSender(address: string): boolean {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  return (
    /(^|\.)microsoft\.com$/.test(domain) ||
    /^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon)/.test(local)
  );
}
