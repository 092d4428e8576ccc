// Link unfurling (composeExtension/queryLink): a voucher link on the app's own host (`https://<host>/v/<id>`)
// becomes the live voucher card for people of the voucher's organisation. Anything else — another tenant's
// voucher, an unknown id, another host, a malformed URL — gets the same empty answer, so a link never tells
// whether a voucher exists.
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '../../store';
import type { InvokeHandler } from '../invokes/routes';
import { voucherCard } from '../views';
import { resultList } from './answers';

const LinkValue = z.object({ url: z.string().max(2048) });

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

export function unfurlVoucherLink(publicHostname: string | undefined): InvokeHandler {
  return async (context, turn, kit) => {
    const neutral = resultList([]);
    const value = LinkValue.safeParse(context.activity.value);
    const id = value.success ? voucherIdOfLink(value.data.url, publicHostname) : undefined;
    if (!id || !turn.identity) return neutral;
    const env = await kit.verbEnv(turn, true);
    const stored = await env.repos.vouchers.get(env.scope.tenantId, id);
    return stored ? resultList([{ card: voucherCard(env, stored, 'detail') }]) : neutral;
  };
}
