// POST /api/tab/dialogs/open and /dialogs/submit: the tab's actions as dialogs. Open answers the chat's card for
// that action (made for a dialog); submit runs the card's verb through the bot's verb handlers (zod, tenant
// scope from the SSO token, ETag, domain guards). Stored → `done` (the tab refreshes); else the card to show.
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Caller } from '../auth';
import type { DialogCaller, TabDialogRunner } from '../deps';
import { VoucherIdParam } from '../query';
import { sendError, sendJson } from '../respond';
import { VOUCHER_ACTION_CODES } from '../view-model';

export type PostHandler = (req: Request, res: Response, caller: Caller) => Promise<void>;

const Locale = z.string().max(35).optional();
const OpenBody = z.strictObject({
  voucherId: VoucherIdParam,
  action: z.enum(VOUCHER_ACTION_CODES),
  locale: Locale,
});
// A card's data is ids, a step, an ETag and what the person typed: flat, bounded (the verb handler checks it).
const SubmitBody = z.strictObject({
  data: z
    .record(z.string().max(64), z.unknown())
    .refine((d) => Object.keys(d).length <= 100, 'too many fields'),
  locale: Locale,
});

function badRequest(res: Response, error: z.ZodError): void {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  sendError(res, 400, 'badRequest', `${where}: ${issue?.message ?? 'is not valid'}`);
}

/** JSON only: a cross-site form post (which a browser may send without a token in local mode) is refused. */
function jsonBody(req: Request, res: Response): boolean {
  if (req.is('application/json')) return true;
  sendError(res, 415, 'unsupportedMediaType', 'Send the request as application/json.');
  return false;
}

function dialogCaller(req: Request, caller: Caller, locale: string | undefined): DialogCaller {
  const correlationId = (req as Request & { correlationId?: string }).correlationId ?? 'tab';
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    ...(caller.name ? { name: caller.name } : {}),
    ...(locale ? { locale } : {}),
    correlationId,
  };
}

export function dialogRoutes(
  dialogs: TabDialogRunner,
  botId: string,
  changed: (tenantId: string) => void,
): { open: PostHandler; submit: PostHandler } {
  return {
    open: async (req, res, caller) => {
      if (!jsonBody(req, res)) return;
      const body = OpenBody.safeParse(req.body);
      if (!body.success) return badRequest(res, body.error);
      const { voucherId, action, locale } = body.data;
      const outcome = await dialogs.open(dialogCaller(req, caller, locale), voucherId, action);
      sendJson(res, botId ? { ...outcome, botId } : outcome);
    },
    submit: async (req, res, caller) => {
      if (!jsonBody(req, res)) return;
      const body = SubmitBody.safeParse(req.body);
      if (!body.success) return badRequest(res, body.error);
      const outcome = await dialogs.submit(dialogCaller(req, caller, body.data.locale), body.data.data);
      // The next overview or list this instance serves shows the change.
      if (outcome.done) changed(caller.tenantId);
      sendJson(res, outcome);
    },
  };
}
