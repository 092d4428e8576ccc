// GET /api/tab/vouchers/:id: one voucher with its deadlines and timeline, read fresh from the store.
import type { TabRoute } from '../authenticated-route';
import type { ApiDeps } from '../deps';
import { toDetail } from '../projection';
import { EmptyQuery, VoucherIdParam } from '../query';
import { sendError, sendJson } from '../respond';
import type { TenantSnapshots } from '../tenant-snapshots';

export function voucherDetailRoute(
  deps: Pick<ApiDeps, 'organizations' | 'vouchers'>,
  tenants: TenantSnapshots,
): TabRoute<typeof EmptyQuery> {
  return {
    path: '/vouchers/:id',
    query: EmptyQuery,
    handle: async (req, res, caller) => {
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
      sendJson(res, toDetail(stored.doc, tenants.contextFor(org?.doc)));
    },
  };
}
