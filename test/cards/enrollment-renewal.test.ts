// Issue 14 item 8: "Renew enrollment" only once renewal has opened (the view decides from the rules), and an
// enrolment in force is called what the tab calls it ("Active"), in every language.
import assert from 'node:assert/strict';
import { t, type Locale } from '../../bot/i18n';
import { buildEnrollmentCard, buildWelcomeCard } from '../../cards';
import { CATALOGUES } from '../../tab/src/i18n';
import { actionsOf, cardText } from '../conversation/harness';

const LOCALES: Locale[] = ['en', 'pt-BR', 'es-ES'];

const card = (locale: Locale, renewalOpen: boolean) =>
  buildEnrollmentCard(
    {
      etag: '"e"',
      today: '2026-03-10',
      offerings: [
        {
          offeringId: 'SDPS',
          name: 'SharePoint',
          enrolledOn: '2026-03-09',
          renewalDueOn: '2027-03-09',
          renewalOpen,
          locations: [{ name: 'São Paulo', country: 'BR' }],
        },
      ],
      canEdit: true,
      canRegisterSavb: false,
    },
    locale,
  );

const renews = (c: unknown) => actionsOf(c).some((a) => a.verb === 'enrollment.renew');

describe('cards: enrolment renewal and status word', () => {
  for (const locale of LOCALES) {
    it(`${locale}: no "Renew enrollment" before renewal opens; offered once it has`, () => {
      assert.equal(renews(card(locale, false)), false);
      assert.equal(renews(card(locale, true)), true);
    });

    it(`${locale}: an enrolment in force reads as the tab's "active" word, not "met"`, () => {
      const tabWord = CATALOGUES[locale].enr_active;
      assert.equal(t(locale, 'enrollment.active'), tabWord);
      const text = cardText(card(locale, false)).split('\n');
      assert.ok(text.includes(tabWord), text.join(' | '));
      assert.ok(!text.includes(t(locale, 'status.Met')), text.join(' | '));
    });

    it(`${locale}: the welcome card's enrolment step says the tab's word too`, () => {
      const welcome = buildWelcomeCard(
        {
          partner: 'existing',
          today: '2026-03-10',
          setup: { eligibility: 'InProgress', enrollment: 'Met', profile: 'NotStarted' },
          nextActions: [],
        },
        locale,
      );
      const text = cardText(welcome).split('\n');
      assert.ok(text.includes(CATALOGUES[locale].enr_active), text.join(' | '));
      assert.ok(!text.includes(t(locale, 'status.Met')), text.join(' | '));
    });
  }
});
