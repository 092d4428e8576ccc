// Voucher links on the app's own host (`https://<PUBLIC_HOSTNAME>/v/<id>`, cards/links.ts) read back into the
// voucher id: by link unfurling and by free text, so both accept exactly the same links.
import { DOCUMENT_ID_PATTERN } from '../store';

/** The voucher id a link names, if it is a voucher link on `publicHostname`. */
export function voucherIdOfLink(url: string, publicHostname: string | undefined): string | undefined {
  if (!publicHostname || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' || parsed.hostname !== publicHostname.toLowerCase()) return undefined;
  const m = /^\/v\/([^/]+)\/?$/.exec(parsed.pathname);
  if (!m) return undefined;
  // Document ids need no escaping: an escaped character can only make the id invalid.
  const id = m[1] as string;
  return DOCUMENT_ID_PATTERN.test(id) ? id : undefined;
}

/** Candidate URLs in a message: plain, in <…>, or in an HTML anchor's href (Teams may send the message as HTML). */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;

/** The first voucher link on `publicHostname` in a message's text, as the voucher id it names. */
export function voucherIdInText(text: string, publicHostname: string | undefined): string | undefined {
  if (!publicHostname || text.length > 4000) return undefined;
  for (const [raw] of text.matchAll(URL_IN_TEXT)) {
    // A sentence's punctuation or a closing bracket right after the link is not part of it.
    const id = voucherIdOfLink(raw.replace(/[.,;:!?)\]}]+$/, ''), publicHostname);
    if (id) return id;
  }
  return undefined;
}
