// Cleans a pasted email (chain) into body lines and the headers of each message in the chain.
import { firstFieldLabel, splitGluedFields } from './glued';
import { stripHtml } from './html';
import { emailsIn } from './text';

/** Headers of one message of a forwarded/replied chain, in the order they appear (newest first). */
export interface ChainMessage {
  from?: string;
  to: string[];
  /** The header lines themselves, shown on the card when an address is inferred from them. */
  fromLine?: string;
  toLine?: string;
}

export interface NormalizedText {
  /** Body lines without quote markers, separators and header lines (a subject is kept: it often names the voucher). */
  lines: string[];
  messages: ChainMessage[];
}

// Header keys as Outlook, Gmail and Apple Mail write them in en, pt-BR and es-ES.
const FROM_KEYS = ['from', 'de'];
const TO_KEYS = ['to', 'para', 'cc'];
const SUBJECT_KEYS = ['subject', 'assunto', 'asunto'];
const OTHER_KEYS = [
  'sent',
  'date',
  'data',
  'fecha',
  'enviado',
  'enviada',
  'enviado el',
  'enviado em',
  'enviada em',
  'reply-to',
  'responder a',
  'importance',
  'importância',
  'importancia',
];
const ALL_KEYS = [...FROM_KEYS, ...TO_KEYS, ...SUBJECT_KEYS, ...OTHER_KEYS];

// "*From:* x" is how Outlook's HTML bold headers arrive as plain text.
const HEADER = new RegExp(`^\\*?(${ALL_KEYS.join('|')})\\*?\\s*:\\*?\\s*(.*)$`, 'i');
// A whole header block pasted on one line: "From: A <a@x> Sent: Monday … To: b@y Subject: …".
const INLINE_HEADER_SPLIT = new RegExp(
  `\\s(?=\\*?(?:${ALL_KEYS.filter((k) => k !== 'de' && k !== 'data').join('|')})\\*?\\s*:)`,
  'gi',
);

const SEPARATOR_LINE = [
  /^-{2,}\s*(?:original message|mensagem original|mensaje original|forwarded message|mensagem encaminhada|mensaje reenviado)\s*-{2,}$/i,
  /^(?:begin forwarded message|in[ií]cio da mensagem encaminhada|inicio del mensaje reenviado)\s*:?$/i,
  /^[_=-]{8,}$/,
];

// "On Mon, 2 Mar 2026 at 10:00, Ana <ana@x> wrote:" and its pt/es forms: a reply header on one line.
const ATTRIBUTION = /^(?:on|em|el)\s.*\s(?:wrote|escreveu|escribi[oó])\s*:$/i;

export function normalize(raw: string): NormalizedText {
  const text = stripHtml(raw.replace(/\r\n?/g, '\n'));
  const lines: string[] = [];
  const messages: ChainMessage[] = [];
  let current: ChainMessage | undefined;

  for (const rawLine of text.split('\n')) {
    const line = cleanLine(rawLine);
    if (line === '' || SEPARATOR_LINE.some((re) => re.test(line))) {
      if (line === '') lines.push('');
      current = undefined;
      continue;
    }
    if (ATTRIBUTION.test(line)) {
      messages.push({ from: emailsIn(line)[0], to: [], fromLine: line });
      current = undefined;
      continue;
    }
    // A body glued after a header block (line breaks lost) is body, not part of the last header's value.
    const [head, body] = HEADER.test(line) ? cutGluedBody(line) : [line, ''];
    const parts = HEADER.test(head) ? head.split(INLINE_HEADER_SPLIT) : [head];
    let consumed = false;
    for (const part of parts) {
      const m = HEADER.exec(part.trim());
      if (!m) continue;
      const key = (m[1] ?? '').toLowerCase();
      const value = (m[2] ?? '').trim();
      if (FROM_KEYS.includes(key)) {
        current = { from: emailsIn(value)[0], to: [], fromLine: part.trim() };
        messages.push(current);
        consumed = true;
      } else if (current) {
        // Other header keys only count inside a block opened by From:/De:, so a body line such as
        // "Data: 31/03/2026" is not swallowed as a header.
        if (key !== 'cc' && TO_KEYS.includes(key)) {
          current.to.push(...emailsIn(value));
          current.toLine = part.trim();
        }
        if (SUBJECT_KEYS.includes(key) && value !== '') lines.push(...splitGluedFields(value));
        consumed = true;
      }
    }
    if (!consumed) {
      current = undefined;
      lines.push(...splitGluedFields(head));
    }
    if (body !== '') lines.push(...splitGluedFields(body));
  }
  return { lines, messages };
}

function cutGluedBody(value: string): [string, string] {
  const at = firstFieldLabel(value);
  return at < 0 ? [value, ''] : [value.slice(0, at).trim(), value.slice(at).trim()];
}

function cleanLine(line: string): string {
  return line
    .replace(/\u00a0/g, ' ')
    .replace(/^(?:\s*>)+ ?/, '') // quote markers of replies, any depth
    .replace(/[ \f\v]+/g, ' ')
    .replace(/ ?\t[\t ]*/g, '\t')
    .trim();
}
