// Serves the built tab (tab/dist) at /tab. Only files that exist in the build folder are served, by name; no
// path from the request ever reaches the file system. Framing is limited to Teams and Microsoft 365 hosts.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** Hosts allowed to frame the tab (Teams web, desktop, mobile; Outlook and Microsoft 365 app). */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // teams-js fetches its list of valid host origins from this CDN (it falls back to a built-in list).
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export async function registerTab(server: Server, distDir: string): Promise<void> {
  const files = new Map<string, { body: Buffer; type: string }>();
  let names: string[] = [];
  try {
    names = await readdir(distDir);
  } catch {
    throw new Error(`tab build not found in ${distDir}: run \`npm run build:tab\``);
  }
  for (const name of names) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(name, { body: await readFile(path.join(distDir, name)), type });
  }
  if (!files.has('index.html'))
    throw new Error(`tab build in ${distDir} has no index.html: run \`npm run build:tab\``);

  const send = (name: string, res: Response): void => {
    const file = files.get(name);
    if (!file) {
      res.header('Content-Type', 'text/plain; charset=utf-8');
      res.sendRaw(404, 'Not found');
      return;
    }
    res.header('Content-Type', file.type);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    // The page must be re-read on each open (it names the current bundle); assets may be cached briefly.
    res.header('Cache-Control', name === 'index.html' ? 'no-cache' : 'public, max-age=300');
    if (name === 'index.html') res.header('Content-Security-Policy', TAB_CSP);
    res.sendRaw(200, file.body);
  };

  server.get('/tab', (_req: Request, res: Response, next) => {
    send('index.html', res);
    next();
  });
  server.get('/tab/:file', (req: Request, res: Response, next) => {
    const name = String(req.params?.file ?? '');
    send(name === '' ? 'index.html' : name, res);
    next();
  });
}
