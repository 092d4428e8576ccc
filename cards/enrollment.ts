// Step 2: enrolment per offering, the yearly renewal countdown, approved locations, and the one-time SAVB
// registration a Global admin records after the offering's first redemption.
import { formatCountry, formatDate, t, type Locale } from '../bot/i18n';
import { countryChoices, dateWithRelative } from './common';
import { COUNTRY_CODES } from './countries';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/enrollment.json';
import type { AdaptiveCard, CardOptions } from './types';

export interface EnrollmentOfferingView {
  offeringId: string;
  name: string;
  enrolledOn?: string;
  renewalDueOn?: string;
  lapsed?: boolean;
  /** Renewing is offered (from the rules' first renewal reminder before the due date, or once lapsed). */
  renewalOpen?: boolean;
  locations: Array<{ name: string; country: string }>;
  /** Registered in SAVB on this date; `savbNeeded` when redeemed once and not registered. */
  savbRegisteredOn?: string;
  /** The registration's SAVB reference, when recorded. */
  savbReference?: string;
  savbNeeded?: boolean;
}

export interface EnrollmentCardData {
  etag: string;
  today: string;
  agreementSignedOn?: string;
  offerings: EnrollmentOfferingView[];
  /** MPN partner admin or Global admin. */
  canEdit: boolean;
  /** Global admin. */
  canRegisterSavb: boolean;
}

export function buildEnrollmentCard(
  data: EnrollmentCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const offerings = data.offerings.map((o) => {
    const enrolled = o.enrolledOn !== undefined;
    const lines: string[] = [];
    if (o.enrolledOn)
      lines.push(t(locale, 'enrollment.enrolledOn', { date: formatDate(locale, o.enrolledOn) }));
    if (o.renewalDueOn && !o.lapsed)
      lines.push(t(locale, 'enrollment.renewal', dateWithRelative(locale, o.renewalDueOn, data.today)));
    if (o.lapsed) lines.push(t(locale, 'enrollment.lapsed'));
    if (o.locations.length > 0) lines.push(locationsLine(locale, o.locations));
    if (o.savbRegisteredOn) {
      const date = formatDate(locale, o.savbRegisteredOn);
      const reference = o.savbReference;
      lines.push(
        reference
          ? t(locale, 'enrollment.savbDoneReference', { date, reference })
          : t(locale, 'enrollment.savbDone', { date }),
      );
    } else if (o.savbNeeded) lines.push(t(locale, 'enrollment.savbNeeded'));
    let status = t(locale, 'enrollment.notEnrolled');
    let color = 'default';
    if (enrolled) {
      status = o.lapsed ? t(locale, 'status.Attention') : t(locale, 'enrollment.active');
      // Pale green on white is hard to read (light theme): "Active" says it; red asks to act.
      color = o.lapsed ? 'attention' : 'default';
    }
    return {
      offeringId: o.offeringId,
      name: `${o.offeringId} – ${o.name}`,
      status,
      color,
      lines,
      canRenew: enrolled && o.renewalOpen === true && data.canEdit,
      canRegisterSavb: o.savbNeeded === true && !o.savbRegisteredOn && data.canRegisterSavb,
    };
  });
  const view = {
    l: labels(locale, {
      title: 'enrollment.title',
      intro: 'enrollment.intro',
      renew: 'enrollment.renew',
      recordSavb: 'enrollment.recordSavb',
      record: 'enrollment.record',
      offering: 'enrollment.offering',
      agreementDate: 'enrollment.agreementDate',
      date: 'enrollment.date',
      locationName: 'enrollment.locationName',
      countries: 'enrollment.countries',
      requiredError: 'common.requiredError',
      dateError: 'common.dateError',
      partnerCenterEnrollment: 'link.partnerCenterEnrollment',
      savb: 'link.savb',
    }),
    etag: data.etag,
    today: data.today,
    agreement: data.agreementSignedOn
      ? t(locale, 'enrollment.agreement', { date: formatDate(locale, data.agreementSignedOn) })
      : t(locale, 'enrollment.noAgreement'),
    agreementValue: data.agreementSignedOn ?? '',
    offerings,
    canEdit: data.canEdit,
    offeringChoices: data.offerings
      .filter((o) => o.enrolledOn === undefined)
      .map((o) => ({ title: `${o.offeringId} – ${o.name}`, value: o.offeringId })),
    countryChoices: countryChoices(locale, COUNTRY_CODES),
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'nav.enrollment', data: {} },
  });
}

/** One location approved in two countries is one location: "São Paulo (Brazil, Argentina)", worded singular. */
function locationsLine(locale: Locale, locations: readonly { name: string; country: string }[]): string {
  const byName = new Map<string, string[]>();
  for (const l of locations) byName.set(l.name, [...(byName.get(l.name) ?? []), l.country]);
  const named = [...byName].map(
    ([name, countries]) => `${name} (${countries.map((c) => formatCountry(locale, c)).join(', ')})`,
  );
  const key = named.length === 1 ? 'enrollment.location' : 'enrollment.locations';
  return t(locale, key, { locations: named.join('; ') });
}
