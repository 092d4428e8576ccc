// Entry point: connect to the host (Teams or standalone), pick theme and language, start the app.
// `?theme=` and `?lang=` override the host's values (local development and screenshots).
//
// Language (PRODUCT.md §6), first that applies: `?lang=`; the tab's picker, for the rest of this browser
// session; the person's own choice in the bot (their settings' locale override, which the API returns with
// the overview: TabApp applies it before the first render); the Teams locale; the browser's language.
// The picker is view-only: it changes the language of this session and saves nothing on the server. The
// override is saved in one place, the bot's settings card (an authenticated, ETag-checked change); the tab's
// API is read-only. Nor does the picker persist across sessions: a second, per-device preference would hide
// the choice made in the bot.
import { TabApp } from './app';
import { connectHost, normalizeTheme, type Theme } from './host';
import { matchLocale, resolveLocale, type Locale } from './i18n';

const SESSION_LOCALE_KEY = 'psc.tab.locale';

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
}

function sessionLocale(): string | null {
  try {
    return window.sessionStorage.getItem(SESSION_LOCALE_KEY);
  } catch {
    return null; // storage blocked (some embedded browsers)
  }
}

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const params = new URLSearchParams(window.location.search);
  applyTheme(normalizeTheme(params.get('theme')));
  const host = await connectHost();
  applyTheme(params.has('theme') ? normalizeTheme(params.get('theme')) : host.info.theme);
  host.onThemeChange(applyTheme);
  document.body.dataset.host = host.info.inTeams ? 'teams' : 'standalone';

  // An explicit choice for this page wins over the person's override; without one, the host's language is
  // only the fallback until the overview says whether the person chose a language in the bot.
  const chosen = matchLocale(params.get('lang')) ?? matchLocale(sessionLocale());
  const language = chosen
    ? { locale: chosen, chosen: true }
    : { locale: resolveLocale(host.info.locale, navigator.language), chosen: false };
  const app: TabApp = new TabApp(root, host, language, (next: Locale) => {
    try {
      window.sessionStorage.setItem(SESSION_LOCALE_KEY, next);
    } catch {
      // storage blocked: the choice lasts until the page is reloaded
    }
    app.setLocale(next);
  });
  await app.start();
}

void boot();
