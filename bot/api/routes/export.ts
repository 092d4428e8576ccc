// GET /api/tab/export.json: the organisation's data (every document in every container and the vouchers CSV)
// as one JSON download; a Global admin only — anyone else gets 403 with the refusal in their language.
import type { Request } from 'restify';
import { firstSupportedLocale, refusalMessage } from '../../i18n';
import type { TabRoute } from '../authenticated-route';
import type { ApiDeps } from '../deps';
import { EmptyQuery } from '../query';
import { sendError } from '../respond';

/** The language of a refusal: the tab's `lang` header if it sent one, else the browser's. */
function localeOf(req: Request): ReturnType<typeof firstSupportedLocale> {
  const header = (name: string): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const browser = header('accept-language')?.split(',')[0]?.split(';')[0];
  return firstSupportedLocale(header('x-lang'), browser);
}

export function exportRoute(deps: Pick<ApiDeps, 'tenantExport' | 'now'>): TabRoute<typeof EmptyQuery> {
  return {
    path: '/export.json',
    query: EmptyQuery,
    handle: async (req, res, caller) => {
      if (!deps.tenantExport) {
        sendError(res, 404, 'notFound', 'Export is not available.');
        return;
      }
      const result = await deps.tenantExport(caller.tenantId, caller.userId);
      if (!result.ok) {
        sendError(res, 403, 'forbidden', refusalMessage(localeOf(req), result.refusal));
        return;
      }
      const day = deps.now().toISOString().slice(0, 10);
      res.header('Cache-Control', 'no-store');
      res.header('Content-Type', 'application/json; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="organization-data-${day}.json"`);
      res.sendRaw(200, JSON.stringify(result.value, null, 2));
    },
  };
}
