// The HTTP server: restify with the Bot Framework endpoint (mounted from teams/), health and readiness. Every request gets a
// correlation id (x-correlation-id, or a new one) that the turn logs and the user can quote.
import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from './logger';
import { localeFromAcceptLanguage, renderLegalPage, type LegalPageName } from './legal/pages';
import { resolveLocale } from './i18n';

export interface ServerDeps {
  logger: Logger;
  /** POST /api/messages (teams/messages-endpoint.ts). */
  messages: (req: Request, res: Response, correlationId: string) => Promise<void>;
  bodyLimitBytes: number;
  /** Database reachability for /readyz. */
  ready: () => Promise<boolean>;
}

export interface HttpServer {
  server: Server;
  /** Requests being served now; graceful shutdown waits for zero. */
  inFlight(): number;
}

type CorrelatedRequest = Request & { correlationId?: string };

export function createHttpServer(deps: ServerDeps): HttpServer {
  const { logger } = deps;
  const server = restify.createServer({
    name: 'planning-services-companion',
    handleUncaughtExceptions: false,
  });
  let inFlight = 0;

  server.pre((req: Request, res: Response, next) => {
    inFlight++;
    res.once('close', () => inFlight--);
    const given = req.header('x-correlation-id');
    const id = given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    (req as CorrelatedRequest).correlationId = id;
    res.header('x-correlation-id', id);
    return next();
  });
  server.use(
    restify.plugins.bodyParser({ maxBodySize: deps.bodyLimitBytes, mapParams: false, rejectUnknown: true }),
  );
  server.use(restify.plugins.queryParser({ mapParams: false }));

  // restify 11: a handler is either async with (req, res) or callback-style with (req, res, next).
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const ok = await deps.ready();
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable' });
  });
  registerLegalPages(server);
  server.post('/api/messages', async (req, res) =>
    deps.messages(req, res, (req as CorrelatedRequest).correlationId ?? 'unknown'),
  );

  // restify reports body-size and parse failures through these events; answer with JSON, never a stack.
  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
      logger.warn(
        { correlationId: (req as CorrelatedRequest).correlationId, err: err.message, status: err.statusCode },
        'request refused',
      );
      return cb();
    },
  );

  return { server, inFlight: () => inFlight };
}

/** The privacy statement and terms of use the Teams manifest links to. */
function registerLegalPages(server: Server): void {
  for (const name of ['privacy', 'terms'] as LegalPageName[]) {
    server.get(`/${name}`, async (req, res) => {
      const lang = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
      const locale = lang ? resolveLocale(lang) : localeFromAcceptLanguage(req.header('accept-language'));
      const html = renderLegalPage(name, locale);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-language': locale });
      res.end(html);
    });
  }
}
