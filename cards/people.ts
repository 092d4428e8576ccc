// People and roles: who is Global admin, MPN partner admin, Consultant; assigning and removing roles
// (Global admin only); claiming Global admin when the tenant has none (PRODUCT.md §1 bootstrap).
import { compareText, formatList, roleLabel, t, type Locale } from '../bot/i18n';
import { expand, finish, labels } from './render';
import template from './templates/people.json';
import type { AdaptiveCard, CardOptions } from './types';

export interface PersonView {
  userId: string;
  name: string;
  email?: string;
  /** Role ids beyond Member. */
  roles: string[];
}

export interface PeopleCardData {
  etag: string;
  people: PersonView[];
  /** The reader is Global admin. */
  canAssign: boolean;
  hasGlobalAdmin: boolean;
}

/** Roles a Global admin can give (everyone is a Member already). */
export const ASSIGNABLE_ROLES = ['globalAdmin', 'mpnPartnerAdmin', 'consultant'] as const;

/** Rows shown, people with roles first. Keeps big tenants under the 28 KB card limit. */
export const MAX_PEOPLE_ROWS = 25;
/** Entries in the person picker (1.5 has no server-backed people picker); role holders come first. */
export const MAX_PICKER_PEOPLE = 100;
const MAX_NAME = 60;

function short(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

export function buildPeopleCard(data: PeopleCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const byText = compareText(locale);
  const sorted = [...data.people].sort((a, b) => byText(a.name, b.name));
  // People with roles first: they are who a reader looks for.
  const withRoles = [
    ...sorted.filter((p) => p.roles.length > 0),
    ...sorted.filter((p) => p.roles.length === 0),
  ];
  const shown = withRoles.slice(0, MAX_PEOPLE_ROWS);
  const hidden = withRoles.length - shown.length;
  const view = {
    l: labels(locale, {
      title: 'people.title',
      noGlobalAdmin: 'people.noGlobalAdmin',
      claim: 'people.claim',
      assign: 'people.assign',
      remove: 'people.remove',
      person: 'people.person',
      role: 'people.role',
      requiredError: 'common.requiredError',
    }),
    etag: data.etag,
    hasGlobalAdmin: data.hasGlobalAdmin,
    canAssign: data.canAssign,
    people: shown.map((p) => ({
      name: short(p.name || p.userId),
      email: p.email ?? '',
      roles:
        p.roles.length > 0
          ? formatList(
              locale,
              p.roles.map((r) => roleLabel(locale, r)),
            )
          : t(locale, 'people.noRoles'),
    })),
    more: hidden > 0 ? t(locale, 'people.more', { count: hidden }) : '',
    personChoices: withRoles
      .slice(0, MAX_PICKER_PEOPLE)
      .map((p) => ({ title: short(p.name || p.email || p.userId), value: p.userId })),
    roleChoices: ASSIGNABLE_ROLES.map((r) => ({ title: roleLabel(locale, r), value: r })),
  };
  return finish(expand(template, view), { locale, options, refreshAction: { verb: 'nav.people', data: {} } });
}
