// Where the tab runs: inside Teams (SDK initialised, context, SSO token) or standalone in a browser. Outside
// Teams `app.initialize()` rejects or never answers, so it races a short timeout and falls back to standalone.
import { app, authentication } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  inTeams: boolean;
  locale?: string;
  theme: Theme;
  tenantId?: string;
  userId?: string;
  userName?: string;
}

export interface Host {
  info: HostInfo;
  /** An SSO token for the API, or undefined standalone. Cached until `refresh` is asked for. */
  token(refresh?: boolean): Promise<string | undefined>;
  onThemeChange(handler: (theme: Theme) => void): void;
}

export const INIT_TIMEOUT_MS = 4000;

export function normalizeTheme(theme: string | undefined | null): Theme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function standalone(theme: Theme): Host {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  return {
    info: { inTeams: false, theme },
    token: () => Promise.resolve(undefined),
    onThemeChange: (handler) => {
      media?.addEventListener?.('change', () => handler(media.matches ? 'dark' : 'default'));
    },
  };
}

export async function connectHost(): Promise<Host> {
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const fallbackTheme: Theme = prefersDark ? 'dark' : 'default';
  // A top-level page has no host to talk to.
  if (window.parent === window && !window.opener) return standalone(fallbackTheme);
  try {
    await withTimeout(app.initialize(), INIT_TIMEOUT_MS);
  } catch {
    return standalone(fallbackTheme);
  }
  let info: HostInfo = { inTeams: true, theme: 'default' };
  try {
    const ctx = await withTimeout(app.getContext(), INIT_TIMEOUT_MS);
    info = {
      inTeams: true,
      locale: ctx.app.locale,
      theme: normalizeTheme(ctx.app.theme),
      tenantId: ctx.user?.tenant?.id,
      userId: ctx.user?.id,
      userName: ctx.user?.displayName,
    };
  } catch {
    // Context is a nicety (language, theme); the token is what matters.
  }
  app.notifySuccess().catch(() => undefined);

  let cached: Promise<string> | undefined;
  return {
    info,
    token: (refresh = false) => {
      if (refresh || !cached) {
        cached = authentication.getAuthToken();
        cached.catch(() => {
          cached = undefined;
        });
      }
      return cached;
    },
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(normalizeTheme(t))),
  };
}
