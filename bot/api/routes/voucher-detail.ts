// GET /api/tab/vouchers/:id: one voucher with its deadlines, timeline and the caller's actions, read fresh.
// `?lang=` words the next step in the tab's language. With a public host name, the voucher's shareable link too.
import { z } from 'zod';
import { voucherLink } from '../../../cards';
import { resolveLocale } from '../../i18n';
import type { TabRoute } from '../authenticated-route';
import type { ApiDeps } from '../deps';
import { toDetail, viewerPart } from '../projection';
import { VoucherIdParam } from '../query';
import { sendError, sendJson } from '../respond';
import type { TenantSnapshots } from '../tenant-snapshots';

const DetailQuery = z.strictObject({
  lang: z
    .array(z.string().max(35, 'must be at most 35 characters'))
    .max(1, 'give it once')
    .transform((a) => a[0])
    .optional(),
});

export function voucherDetailRoute(
  deps: Pick<ApiDeps, 'organizations' | 'vouchers' | 'config'>,
  tenants: TenantSnapshots,
): TabRoute<typeof DetailQuery> {
  return {
    path: '/vouchers/:id',
    query: DetailQuery,
    handle: async (req, res, caller, query) => {
      const id = VoucherIdParam.safeParse(req.params?.id);
      if (!id.success) {
        sendError(res, 400, 'badRequest', 'id: is not a voucher id');
        return;
      }
      // A point read inside the caller's partition: another tenant's voucher is simply not there.
      const [stored, org] = await Promise.all([
        deps.vouchers.get(caller.tenantId, id.data),
        deps.organizations.get(caller.tenantId),
      ]);
      if (!stored || stored.doc.tenantId !== caller.tenantId) {
        sendError(res, 404, 'notFound', 'No voucher with this id in your organization.');
        return;
      }
      const ctx = tenants.contextFor(org?.doc);
      const locale = resolveLocale(query.lang);
      const zone = deps.config.reminders.defaultTimeZone;
      sendJson(res, {
        ...toDetail(stored.doc, ctx),
        ...viewerPart(stored.doc, ctx, caller.userId, locale, zone),
        ...(deps.config.publicHostname
          ? { link: voucherLink(deps.config.publicHostname, stored.doc.id) }
          : {}),
      });
    },
  };
}
