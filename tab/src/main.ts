// Entry point: connect to the host (Teams or standalone), pick theme and language, start the app.
// `?theme=` and `?lang=` override the host's values (local development and screenshots).
import { TabApp } from './app';
import { connectHost, normalizeTheme, type Theme } from './host';
import { resolveLocale, type Locale } from './i18n';

const LOCALE_KEY = 'psc.tab.locale';

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
}

function storedLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_KEY);
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

  const locale = resolveLocale(params.get('lang'), storedLocale(), host.info.locale, navigator.language);
  const app: TabApp = new TabApp(root, host, locale, (next: Locale) => {
    try {
      window.localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // the choice lasts for this session only
    }
    app.setLocale(next);
  });
  await app.start();
}

void boot();
