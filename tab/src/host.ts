// Where the tab runs: inside Teams (SDK initialised, context, SSO token) or standalone in a browser. Outside
// Teams `app.initialize()` rejects or never answers, so it races a short timeout and falls back to standalone.
import { app, authentication, dialog, DialogDimension } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  inTeams: boolean;
  locale?: string;
  theme: Theme;
  tenantId?: string;
  userId?: string;
  userName?: string;
  /** The deep link's sub-entity (a voucher id: `/v/<id>` links land here). */
  subPageId?: string;
}

/** An Adaptive Card dialog whose submits go to the bot (Teams' completion bot). */
export interface BotCardDialog {
  card: Record<string, unknown>;
  title: string;
  botId: string;
}

export interface Host {
  info: HostInfo;
  /** An SSO token for the API, or undefined standalone. Cached until `refresh` is asked for. */
  token(refresh?: boolean): Promise<string | undefined>;
  onThemeChange(handler: (theme: Theme) => void): void;
  /**
   * Opens the card as a Teams dialog with the bot as completion bot; `onClosed` runs when it closes. False when
   * the host cannot (standalone, or a Teams client without Adaptive Card dialogs): the tab shows its own modal.
   */
  openBotCardDialog(info: BotCardDialog, onClosed: () => void): boolean;
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
    openBotCardDialog: () => false,
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
      ...(ctx.page?.subPageId ? { subPageId: ctx.page.subPageId } : {}),
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
    openBotCardDialog: openInTeams,
  };
}

/**
 * Teams renders the card itself and sends each Action.Submit to the bot as task/submit (task/complete in some
 * docs); the bot answers with the next card or closes the dialog. A URL dialog would need a page of our own
 * that re-implements card rendering; the bot-backed Adaptive Card dialog shows exactly the chat's card.
 */
function openInTeams(info: BotCardDialog, onClosed: () => void): boolean {
  let supported = false;
  try {
    supported = dialog.adaptiveCard.bot.isSupported();
  } catch {
    supported = false; // not initialised: treat as unsupported
  }
  if (!supported || !info.botId) return false;
  dialog.adaptiveCard.bot.open(
    {
      card: JSON.stringify(info.card),
      title: info.title,
      size: { height: DialogDimension.Large, width: DialogDimension.Medium },
      completionBotId: info.botId,
    },
    () => onClosed(),
  );
  return true;
}
