// The team tab's configuration and removal pages (`/tab?view=config`, `/tab?view=remove`). Teams shows them when
// the tab is added, reconfigured or renamed, and removed. The saved tab's content is the same overview, scoped by
// each viewer's own SSO token; its entity id is fixed, so a rename (a display name only) changes nothing.
import { pages } from '@microsoft/teams-js';
import { clear, h } from './dom';
import type { Host } from './host';
import type { Translator } from './i18n';

export type TeamTabView = 'config' | 'remove';

export const TEAM_TAB_ENTITY_ID = 'team-overview';

export function teamTabView(value: string | null): TeamTabView | undefined {
  return value === 'config' || value === 'remove' ? value : undefined;
}

/** What the configuration page saves: the overview as the content, this page's sibling for removal. */
export function teamTabConfig(origin: string, displayName: string): pages.InstanceConfig {
  return {
    entityId: TEAM_TAB_ENTITY_ID,
    contentUrl: `${origin}/tab?context=team`,
    websiteUrl: `${origin}/tab`,
    removeUrl: `${origin}/tab?view=remove`,
    suggestedDisplayName: displayName,
  };
}

export function showTeamTabPage(root: HTMLElement, host: Host, tr: Translator, view: TeamTabView): void {
  const { t } = tr;
  document.documentElement.lang = tr.locale;
  clear(root);
  root.append(
    h(
      'main',
      { id: 'main', class: `team-tab ${view}` },
      h('h1', {}, t(view === 'config' ? 'configHeading' : 'removeHeading')),
      h('p', { id: `${view}-body` }, t(view === 'config' ? 'configBody' : 'removeBody')),
    ),
  );
  document.body.dataset.ready = 'true';
  // Outside Teams the page only shows its words (nothing to save to).
  if (!host.info.inTeams) return;
  if (view === 'config') {
    pages.config.registerOnSaveHandler((save) => {
      pages.config.setConfig(teamTabConfig(window.location.origin, t('configTabName'))).then(
        () => save.notifySuccess(),
        (err: unknown) => save.notifyFailure(String(err)),
      );
    });
  } else {
    // The tab's data belongs to the organisation, not to the tab: removing it deletes nothing.
    pages.config.registerOnRemoveHandler((remove) => remove.notifySuccess());
  }
  pages.config.setValidityState(true);
}
