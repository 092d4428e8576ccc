// Step 5: record the reservation made in Partner Center — engagement, delivery country and partner location,
// planned dates, consultants. All guards run on the server; the card only collects and re-shows values.
import type { Locale } from '../bot/i18n';
import { countryChoices, summaryFacts } from './common';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/reservation.json';
import type { AdaptiveCard, CardOptions, Choice, VoucherSummary } from './types';

export interface ReservationValues {
  engagementId?: string;
  deliveryCountry?: string;
  partnerLocationId?: string;
  plannedStart?: string;
  plannedEnd?: string;
  consultants?: string[];
  offsiteDays?: number;
}

export interface ReservationCardData {
  voucherId: string;
  etag: string;
  today: string;
  /** The first planned start the rules allow (the day after today): the reservation precedes the engagement. */
  earliestStart: string;
  voucher: VoucherSummary;
  /** Engagements of the voucher's offering. */
  engagementChoices: Choice[];
  /** Countries the organisation's locations enrolled for the offering may deliver in. */
  countryCodes: string[];
  locationChoices: Choice[];
  consultantChoices: Choice[];
  maxOffsiteDays: number;
  /** What the user entered last time (re-shown with the errors after a refusal). */
  values?: ReservationValues;
}

export function buildReservationCard(
  data: ReservationCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const v = data.values ?? {};
  const view = {
    l: labels(locale, {
      title: 'reservation.title',
      intro: 'reservation.intro',
      engagement: 'reservation.engagement',
      country: 'reservation.country',
      location: 'reservation.location',
      start: 'reservation.start',
      end: 'reservation.end',
      consultants: 'reservation.consultants',
      offsiteDays: 'reservation.offsiteDays',
      submit: 'reservation.submit',
      requiredError: 'common.requiredError',
      dateError: 'common.dateError',
      startError: 'reservation.startError',
      vouchersLink: 'link.partnerCenterVouchers',
      back: 'common.back',
    }),
    voucherId: data.voucherId,
    etag: data.etag,
    today: data.today,
    earliestStart: data.earliestStart,
    facts: summaryFacts(locale, data.voucher),
    engagementChoices: data.engagementChoices,
    countryChoices: countryChoices(locale, data.countryCodes),
    locationChoices: data.locationChoices,
    consultantChoices: data.consultantChoices,
    maxOffsiteDays: data.maxOffsiteDays,
    values: {
      engagementId: v.engagementId ?? '',
      deliveryCountry: v.deliveryCountry ?? '',
      partnerLocationId: v.partnerLocationId ?? '',
      plannedStart: v.plannedStart ?? '',
      plannedEnd: v.plannedEnd ?? '',
      // A multi-select's value is one comma-separated string.
      consultants: (v.consultants ?? []).join(','),
      offsiteDays: v.offsiteDays ?? 0,
    },
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'voucher.reserve', data: { voucherId: data.voucherId, step: 'open' } },
  });
}
