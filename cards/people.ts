// People and roles: who is Global admin, MPN partner admin, Consultant; assigning and removing roles
// (Global admin only); claiming Global admin when the tenant has none (PRODUCT.md §1 bootstrap).
import { formatList, roleLabel, t, type Locale } from '../bot/i18n';
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

/** Rows shown; the picker still lists everyone. Keeps big tenants under the card size limit. */
export const MAX_PEOPLE_ROWS = 40;

export function buildPeopleCard(data: PeopleCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const sorted = [...data.people].sort((a, b) => a.name.localeCompare(b.name, locale));
  // People with roles first: they are who a reader looks for.
  const withRoles = [...sorted.filter((p) => p.roles.length > 0), ...sorted.filter((p) => p.roles.length === 0)];
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
      name: p.name || p.userId,
      email: p.email ?? '',
      roles: p.roles.length > 0 ? formatList(locale, p.roles.map((r) => roleLabel(locale, r))) : t(locale, 'people.noRoles'),
    })),
    more: hidden > 0 ? t(locale, 'people.more', { count: hidden }) : '',
    personChoices: sorted.map((p) => ({ title: p.email ? `${p.name} (${p.email})` : p.name || p.userId, value: p.userId })),
    roleChoices: ASSIGNABLE_ROLES.map((r) => ({ title: roleLabel(locale, r), value: r })),
  };
  return finish(expand(template, view), { locale, options, refreshAction: { verb: 'nav.people', data: {} } });
}
