// POST /api/messages, the Bot Framework's way in: shape check (400), authentication (401, or 503 when the
// signing keys cannot be had: auth-failure.ts), the tenant check, then the turn. The HTTP server mounts it
// without knowing botbuilder.
import type { Request, Response } from 'restify';
import {
  CardFactory,
  MessageFactory,
  type Activity,
  type ActivityHandler,
  type CloudAdapter,
  type TurnContext,
} from 'botbuilder';
import { servesTenant, type TenantPolicy } from '../config';
import type { Logger } from '../logger';
import { checkActivity } from './activity';
import type { AuthenticateRequestResult, CompanionAdapter } from './adapter';
import { authFailureAnswer, withAuthTimeout } from './auth-failure';
import { busyCard, storeUnavailableOf } from './failure-replies';
import { correlationIdOf, startTurn, turnOf } from './turn-input';

/** BOT_AUTH_TIMEOUT_MS when the caller does not say. */
const DEFAULT_AUTH_TIMEOUT_MS = 5_000;

export interface MessagesEndpointDeps {
  logger: Logger;
  adapter: CompanionAdapter;
  /** Longest wait for the signing keys (BOT_AUTH_TIMEOUT_MS); past it the request gets 503. */
  authTimeoutMs?: number;
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
    const activity = activityOf(req.body as Record<string, unknown>);
    let auth: AuthenticateRequestResult;
    try {
      const header = req.headers.authorization ?? '';
      auth = await withAuthTimeout(
        deps.adapter.authenticate(activity, header),
        deps.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
      );
    } catch (err) {
      const answer = authFailureAnswer(err, correlationId);
      logger.warn({ correlationId, err, kind: answer.kind }, 'request not authenticated');
      if (answer.status === 401) res.header('WWW-Authenticate', 'Bearer');
      if (answer.status === 503) res.header('Retry-After', '5');
      res.send(answer.status, answer.body);
      return;
    }
    let invokeResponse: Awaited<ReturnType<CompanionAdapter['processAuthenticated']>>;
    try {
      invokeResponse = await deps.adapter.processAuthenticated(auth, activity, (context) =>
        runTurn(deps, context, correlationId),
      );
    } catch (err) {
      // The turn error handler answers the user; this is a failure outside the turn (never its text).
      logger.error({ correlationId, err }, 'activity processing failed');
      res.send(500, { error: 'internal', message: 'The request could not be processed.', correlationId });
      return;
    }
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
    res.end();
  };
}

async function runTurn(
  deps: MessagesEndpointDeps,
  context: TurnContext,
  correlationId: string,
): Promise<void> {
  const { logger } = deps;
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
}

/** The body as the SDK's CloudAdapter.process reads it: timestamps as dates, the raw strings kept beside them. */
function activityOf(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * The turn error handler: log with the correlation id, tell the user the id to quote, never a stack trace. A
 * database that did not answer in time gets the busy card (nothing changed, try again; or: check it was saved).
 */
export function installTurnErrorHandler(
  adapter: CloudAdapter,
  logger: Logger,
  message: (context: TurnContext, id: string) => string,
): void {
  adapter.onTurnError = async (context, error) => {
    const correlationId = correlationIdOf(context);
    const busy = storeUnavailableOf(error);
    if (busy) logger.warn({ correlationId, err: error }, 'database busy: turn answered');
    else logger.error({ correlationId, err: error }, 'turn failed');
    try {
      await context.sendActivity(
        busy
          ? MessageFactory.attachment(
              CardFactory.adaptiveCard(busyCard(turnOf(context).locale, busy, correlationId)),
            )
          : message(context, correlationId),
      );
    } catch (sendErr) {
      logger.error({ correlationId, err: sendErr }, 'could not tell the user about the failed turn');
    }
  };
}
