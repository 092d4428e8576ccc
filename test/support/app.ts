// Starts the whole app on a free port with the embedded database, as `npm start` would, for HTTP tests.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { startApp, type App } from '../../bot/app';

export async function startTestApp(env: Record<string, string> = {}): Promise<App> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'psc-test-'));
  const result = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REMINDERS_ENABLED: 'false',
    // Generous budgets: the suite runs on a loaded machine (test/resilience/ sets small ones itself).
    COSMOS_TIMEOUT_MS: '20000',
    READY_TIMEOUT_MS: '10000',
    READY_CACHE_MS: '0',
    ...env,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return startApp(result.config, silentLogger());
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}
