// Shape check for incoming activities, before the adapter sees them. The SDK accepts nearly anything that
// has a `type`; a malformed activity must get a clear 400, not a failed turn.
import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(512) }).passthrough();

export const IncomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().max(28_000).optional(),
    locale: z.string().max(32).optional(),
  })
  .passthrough();

/** Returns a list of problems (empty when the activity is well-formed). */
export function checkActivity(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return ['body: must be a JSON object'];
  const res = IncomingActivity.safeParse(body);
  return res.success ? [] : res.error.issues.map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`);
}
