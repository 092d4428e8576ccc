// Shape check for incoming activities, before the adapter sees them. The SDK accepts nearly anything that has a
// `type`; every field the bot reads (turn-input.ts, bot.ts) is checked here with the type Teams sends, so an
// odd activity gets a clear 400 instead of a failed turn (an emoji in conversation.id broke the reply's
// x-ms-conversation-id header; a lone surrogate broke encodeURIComponent; a number in from.name broke the reply).
import { z } from 'zod';

/** Characters an id may hold: printable ASCII, since ids travel in URLs and HTTP headers. */
const ID_CHARS = /^[\x20-\x7E]*$/;
/** C0/C1 control characters (tab, newline and carriage return are allowed in text only). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half a UTF-16 pair on its own: valid in a JS string, not in UTF-8, JSON on the wire or a URI. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ASCII_ONLY = 'must be printable ASCII (no control or non-ASCII characters)';
/** An id: printable ASCII only (header- and URL-safe). */
const id = (max: number) => z.string().min(1).max(max).regex(ID_CHARS, ASCII_ONLY);
/** An optional token (locale, time zone, tenant, …): printable ASCII, empty allowed as before. */
const token = (max: number) => z.string().max(max).regex(ID_CHARS, ASCII_ONLY);
/** A display name: any well-formed Unicode without control characters. */
const name = z
  .string()
  .max(512)
  .refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s), 'must have no control characters');
/** Free text: well-formed Unicode, line breaks and tabs allowed. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !TEXT_CONTROL.test(s) && !LONE_SURROGATE.test(s), 'must be well-formed text');

const account = z
  .object({
    id: id(512),
    name: name.optional(),
    aadObjectId: token(128).optional(),
    role: token(32).optional(),
  })
  .passthrough();
/** Members of a conversationUpdate: Teams may omit the name; the id is what the bot compares. */
const member = z
  .object({ id: token(512), name: name.optional(), aadObjectId: token(128).optional() })
  .passthrough();
const idAndName = z.object({ id: token(512).optional(), name: name.optional() }).passthrough();

const channelData = z
  .object({
    tenant: z
      .object({ id: token(128).optional() })
      .passthrough()
      .optional(),
    team: idAndName.optional(),
    channel: idAndName.optional(),
    eventType: token(64).optional(),
  })
  .passthrough();

const entity = z.object({ type: z.string().max(64).optional() }).passthrough();

export const IncomingActivity = z
  .object({
    type: z.string().min(1).max(64).regex(ID_CHARS),
    id: token(512).optional(),
    name: token(128).optional(),
    channelId: id(64),
    serviceUrl: z.string().url().max(2048).regex(ID_CHARS),
    conversation: z
      .object({
        id: id(1024),
        name: name.optional(),
        conversationType: token(32).optional(),
        tenantId: token(128).optional(),
        isGroup: z.boolean().optional(),
      })
      .passthrough(),
    from: account,
    recipient: account.optional(),
    replyToId: token(512).optional(),
    text: text(28_000).optional(),
    locale: token(32).optional(),
    localTimezone: token(64).optional(),
    timestamp: token(64).optional(),
    action: token(64).optional(),
    membersAdded: z.array(member).max(1000).optional(),
    membersRemoved: z.array(member).max(1000).optional(),
    entities: z.array(entity).max(100).optional(),
    channelData: channelData.optional(),
  })
  .passthrough();

/** Returns a list of problems (empty when the activity is well-formed). */
export function checkActivity(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return ['body: must be a JSON object'];
  const res = IncomingActivity.safeParse(body);
  return res.success ? [] : res.error.issues.map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`);
}
