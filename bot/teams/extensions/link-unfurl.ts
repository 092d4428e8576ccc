// Link unfurling (composeExtension/queryLink): a voucher link on the app's own host (`https://<host>/v/<id>`)
// becomes the live voucher card for people of the voucher's organisation. Anything else — another tenant's
// voucher, an unknown id, another host, a malformed URL — gets the same empty answer, so a link never tells
// whether a voucher exists.
import { z } from 'zod';
import type { InvokeHandler } from '../invokes/routes';
import { voucherIdOfLink } from '../voucher-link-id';
import { voucherCard } from '../views';
import { resultList } from './answers';

const LinkValue = z.object({ url: z.string().max(2048) });

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
