// Step 3: the Partner Center business profile — when it was last updated, whether it is stale, and
// recording an update made in Partner Center.
import { t, type Locale } from '../bot/i18n';
import { dateWithRelative } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/profile.json';
import type { AdaptiveCard, CardOptions } from './types';

export interface ProfileCardData {
  etag: string;
  today: string;
  lastUpdatedOn?: string;
  /** Older than the rules' stale period (the domain decides; the card only shows it). */
  stale: boolean;
  canEdit: boolean;
}

export function buildProfileCard(data: ProfileCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const view = {
    l: labels(locale, {
      title: 'profile.title',
      intro: 'profile.intro',
      stale: 'profile.stale',
      recordCall: 'profile.recordCall',
      updatedOn: 'profile.updatedOn',
      record: 'profile.record',
      dateError: 'common.dateError',
      link: 'link.partnerCenterProfile',
    }),
    etag: data.etag,
    today: data.today,
    status: data.lastUpdatedOn
      ? t(locale, 'profile.lastUpdated', dateWithRelative(locale, data.lastUpdatedOn, data.today))
      : t(locale, 'profile.never'),
    // Never recorded is not "more than a year old": only an update on record can be stale.
    stale: data.stale && data.lastUpdatedOn !== undefined,
    recordCall: data.canEdit && !data.lastUpdatedOn,
    canEdit: data.canEdit,
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'nav.profile', data: {} },
  });
}
