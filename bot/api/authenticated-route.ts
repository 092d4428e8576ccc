// Wraps a route handler: authenticate, then validate the query, then run it; every failure answers without data.
import { performance } from 'node:perf_hooks';
import type { Request, Response } from 'restify';
import type { z } from 'zod';
import type { Logger } from '../logger';
import type { Authenticator, Caller } from './auth';
import { parseQuery } from './query';
import { sendError } from './respond';
import { resolveLocale, t, type Locale } from '../i18n';
import { StoreUnavailable } from '../store';

/** The caller's language for an error body: `?lang=`, else the first Accept-Language tag. */
function requestLocale(req: Request): Locale {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof lang === 'string') return resolveLocale(lang);
  return resolveLocale(req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim());
}

export type RouteHandler<S extends z.ZodType> = (
  req: Request,
  res: Response,
  caller: Caller,
  query: z.output<S>,
) => Promise<void>;

/** One GET route of the tab API: its path under API_PREFIX, its query schema and its handler. */
export interface TabRoute<S extends z.ZodType> {
  path: string;
  query: S;
  handle: RouteHandler<S>;
}

/** Server time for the browser's dev tools and the bench (set just before the headers are sent). */
function reportServerTiming(res: Response): void {
  const started = performance.now();
  res.once('header', () => {
    res.header('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
  });
}

export function authenticatedRoute(authenticator: Authenticator, log: Logger) {
  return <S extends z.ZodType>(route: TabRoute<S>) =>
    async (req: Request, res: Response): Promise<void> => {
      reportServerTiming(res);
      try {
        const outcome = await authenticator.authenticate(req.headers.authorization);
        if (!outcome.ok) {
          if (outcome.failure === 'keys') {
            log.error({ detail: outcome.detail }, 'tab API: signing keys unavailable');
            sendError(
              res,
              503,
              'unavailable',
              'Sign-in could not be checked right now. Try again in a minute.',
            );
            return;
          }
          log.info(
            { failure: outcome.failure, detail: outcome.detail, path: req.path() },
            'tab API: request refused',
          );
          res.header('WWW-Authenticate', 'Bearer error="invalid_token"');
          sendError(
            res,
            401,
            'unauthorized',
            'Sign in again: the request did not carry a valid Teams token.',
          );
          return;
        }
        const query = parseQuery(req.url, route.query);
        if (!query.ok) {
          sendError(res, 400, 'badRequest', query.message);
          return;
        }
        await route.handle(req, res, outcome.caller, query.value);
      } catch (err) {
        if (err instanceof StoreUnavailable) {
          // The database did not answer within COSMOS_TIMEOUT_MS: say so at once, in the caller's language.
          log.warn({ err, path: req.path() }, 'tab API: database busy');
          res.header('Retry-After', '5');
          sendError(res, 503, 'unavailable', t(requestLocale(req), 'busy.api'));
          return;
        }
        log.error({ err, path: req.path() }, 'tab API: request failed');
        sendError(res, 500, 'internal', 'Something went wrong on our side. Try again later.');
      }
    };
}
