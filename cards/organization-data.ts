// The organisation's data (Global admin): export it, or delete it after a confirmation with a tick box.
import { t, type Locale } from '../bot/i18n';
import { expand, finish, labels } from './render';
import template from './templates/organization-data.json';
import type { AdaptiveCard, CardOptions } from './types';

export interface OrganizationDataCardData {
  /** `overview`: export and delete; `confirm`: the deletion's last step; `done`: only the banner, no actions. */
  view: 'overview' | 'confirm' | 'done';
  /** The organisation's version the confirmation was rendered from. */
  etag: string;
  vouchers: number;
  people: number;
}

export function buildOrganizationDataCard(
  data: OrganizationDataCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const counts = { vouchers: data.vouchers, people: data.people };
  const view = {
    l: labels(locale, {
      title: 'tenantData.title',
      exportHint: 'tenantData.exportHint',
      export: 'tenantData.export',
      delete: 'tenantData.delete',
      confirmLabel: 'tenantData.confirmLabel',
      confirmToggle: 'tenantData.confirmToggle',
      confirmRequired: 'tenantData.confirmRequired',
      confirmButton: 'tenantData.confirmButton',
      cancel: 'tenantData.cancel',
    }),
    intro:
      data.view === 'confirm'
        ? t(locale, 'tenantData.confirmBody', counts)
        : data.view === 'overview'
          ? t(locale, 'tenantData.intro', counts)
          : '',
    overview: data.view === 'overview',
    confirm: data.view === 'confirm',
    etag: data.etag,
  };
  const card = finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'nav.organizationData', data: {} },
  });
  // A finished card (deleted, export sent) keeps only its banner and title.
  if (data.view === 'done') card.body = card.body.filter((e) => e.text !== '');
  return card;
}
