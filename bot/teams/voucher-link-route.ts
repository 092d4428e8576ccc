// GET /v/:id — a voucher's shareable link opened in a browser: redirect to the Status tab in Teams on that
// voucher (a deep link with the voucher id as subEntityId). No lookup: the answer is the same whether the
// voucher exists or not, and the tab checks who may see it. Without a Teams app id (local development) the
// link opens the local tab.
import type { Server } from 'restify';
import { statusTabDeepLink } from '../../cards';
import { DOCUMENT_ID_PATTERN } from '../store';

export function registerVoucherLinks(server: Server, opts: { teamsAppId?: string }): void {
  server.get('/v/:id', async (req, res) => {
    const id = String((req.params as { id?: unknown } | undefined)?.id ?? '');
    if (!DOCUMENT_ID_PATTERN.test(id)) {
      res.send(404, { error: 'not a voucher link' });
      return;
    }
    const target = opts.teamsAppId
      ? statusTabDeepLink(opts.teamsAppId, id)
      : `/tab?voucher=${encodeURIComponent(id)}`;
    res.header('location', target);
    res.header('cache-control', 'no-store');
    res.send(302);
  });
}
