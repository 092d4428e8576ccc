// Entry point: connect to the host (Teams or standalone), pick theme and language, start the app.
// `?theme=` and `?lang=` override the host's values; language order: ?lang=, picker, bot override, Teams, browser.
import { TabApp } from './app';
import { connectHost, normalizeTheme, type Theme } from './host';
import { firstSupportedLocale, supportedLocale, translator, type Locale } from './i18n';
import { showTeamTabPage, teamTabView } from './team-tab';

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
  const chosen = supportedLocale(params.get('lang')) ?? supportedLocale(sessionLocale());
  const language = chosen
    ? { locale: chosen, chosen: true }
    : { locale: firstSupportedLocale(host.info.locale, navigator.language), chosen: false };
  // The team tab's configuration and removal pages: words and the Teams calls, no data.
  const view = teamTabView(params.get('view'));
  if (view) {
    showTeamTabPage(root, host, translator(language.locale), view);
    return;
  }
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
