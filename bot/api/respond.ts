// The two ways a tab API route answers: JSON for the caller only, or an error body that carries no data.
import type { Response } from 'restify';
import type { ApiErrorView } from './view-model';

export function sendJson(res: Response, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.header('Vary', 'Authorization');
  res.send(200, body);
}

export function sendError(res: Response, status: number, error: string, message: string): void {
  const body: ApiErrorView = { error, message };
  res.header('Cache-Control', 'no-store');
  res.send(status, body);
}
