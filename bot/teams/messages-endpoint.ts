// POST /api/messages, the Bot Framework's way in: shape check (400), the adapter (authentication, 401), the
// tenant check, then the turn. The HTTP server mounts it without knowing botbuilder.
import type { Request, Response } from 'restify';
import type { ActivityHandler, CloudAdapter, TurnContext } from 'botbuilder';
import { servesTenant, type TenantPolicy } from '../config';
import type { Logger } from '../logger';
import { checkActivity } from './activity';
import { correlationIdOf, startTurn } from './turn-input';

export interface MessagesEndpointDeps {
  logger: Logger;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Tenants served (config.allowedTenants / deniedTenants); absent = any. */
  tenants?: TenantPolicy;
}

export type MessagesEndpoint = (req: Request, res: Response, correlationId: string) => Promise<void>;

export function messagesEndpoint(deps: MessagesEndpointDeps): MessagesEndpoint {
  const { logger } = deps;
  return async (req, res, correlationId) => {
    const problems = checkActivity(req.body);
    if (problems.length > 0) {
      logger.warn({ correlationId, problems }, 'malformed activity refused');
      res.send(400, { error: 'malformed activity', problems });
      return;
    }
    await deps.adapter.process(req, res, async (context) => {
      const { tenantId } = startTurn(context, correlationId);
      // After authentication (so a forged request still gets 401): a tenant this app does not serve gets no
      // turn at all — nothing read, nothing stored, no reply.
      const tenant = tenantId?.toLowerCase();
      if (deps.tenants && !servesTenant(deps.tenants, tenant)) {
        logger.warn(
          { correlationId, tenantId: tenant },
          'activity from a tenant this app does not serve ignored',
        );
        return;
      }
      const started = process.hrtime.bigint();
      await deps.bot.run(context);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { correlationId, type: context.activity.type, name: context.activity.name, tenantId, ms },
        'turn',
      );
    });
  };
}

/** The turn error handler: log with the correlation id, tell the user the id to quote, never a stack trace. */
export function installTurnErrorHandler(
  adapter: CloudAdapter,
  logger: Logger,
  message: (context: TurnContext, id: string) => string,
): void {
  adapter.onTurnError = async (context, error) => {
    const correlationId = correlationIdOf(context);
    logger.error({ correlationId, err: error }, 'turn failed');
    try {
      await context.sendActivity(message(context, correlationId));
    } catch (sendErr) {
      logger.error({ correlationId, err: sendErr }, 'could not tell the user about the failed turn');
    }
  };
}
