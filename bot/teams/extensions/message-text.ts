// A Teams message (usually HTML: a shared or forwarded email) → bounded plain text for the intake parser.
// Linear work only: raw input is capped, and script/style/head blocks and comments are cut with index scans,
// so no regex can backtrack over a huge or malformed message.
import { MAX_INTAKE_LENGTH, stripHtml } from '../../program';

/** Raw HTML read at most (a shared email is rarely over 100 KB; markup is most of it). */
export const MAX_MESSAGE_HTML = 400_000;

export interface MessageText {
  text: string;
  /** The message was longer than the parser reads: only its beginning was used. */
  cut: boolean;
}

export function messageText(content: string, contentType: string | undefined): MessageText {
  let cut = content.length > MAX_MESSAGE_HTML;
  const raw = content.slice(0, MAX_MESSAGE_HTML);
  const text = contentType === 'text' ? raw : stripHtml(dropBlocks(raw));
  const tidy = text
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidy.length > MAX_INTAKE_LENGTH) cut = true;
  return { text: tidy.slice(0, MAX_INTAKE_LENGTH), cut };
}

/** Removes comments and script/style/head elements; an unclosed one runs to the end, as in a browser. */
function dropBlocks(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let at = 0;
  const opener = /<!--|<(script|style|head)\b/g;
  for (let m = opener.exec(lower); m; m = opener.exec(lower)) {
    if (m.index < at) continue;
    out.push(html.slice(at, m.index));
    const close = m[1] ? `</${m[1]}` : '-->';
    const end = lower.indexOf(close, m.index + m[0].length);
    if (end < 0) return out.join('');
    const gt = m[1] ? lower.indexOf('>', end) : end + 2;
    if (gt < 0) return out.join('');
    at = gt + 1;
    opener.lastIndex = at;
  }
  out.push(html.slice(at));
  return out.join('');
}
