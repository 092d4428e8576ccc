// Seen in the Playground walk (issue #14): "Saved." in light green on a light green banner, and the intake's
// "Found in the email" in light green (and "Not found" in yellow) on white, are hard to read in Teams' light theme.
// Coloured text is kept for red (attention), which reads in light, dark and high contrast; tone goes on containers.
import assert from 'node:assert/strict';
import { t, type Locale } from '../../bot/i18n';
import { loadRules } from '../../bot/rules';
import { intakeDraftFromEmail } from '../../bot/teams/views';
import { buildEnrollmentCard, buildIntakeCard, buildNoticeCard } from '../../cards';
import { savedNotice } from '../../cards/notice';

const RULES = loadRules({ profile: 'program-2020' });
const LOCALES: Locale[] = ['en', 'pt-BR', 'es-ES'];
const PALE = new Set(['good', 'warning', 'accent', 'light']);

/** The texts coloured in a pale colour, anywhere in the card. */
function paleTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(paleTexts);
  if (!node || typeof node !== 'object') return [];
  const el = node as Record<string, unknown>;
  const own =
    el['type'] === 'TextBlock' && PALE.has(String(el['color'] ?? '').toLowerCase())
      ? [String(el['text'])]
      : [];
  return [...own, ...Object.values(el).flatMap(paleTexts)];
}

describe('cards: no pale text on light backgrounds', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the "Saved." banner's text and the intake's field markers are readable`, () => {
      assert.deepEqual(paleTexts(buildNoticeCard(savedNotice(locale), locale)), []);
      const email = 'Voucher ID: PS7Q-4K2M-19XD\nCustomer: Contoso Ltd\nOffering: SharePoint\nDays: 3\n';
      const intake = buildIntakeCard(intakeDraftFromEmail(RULES, email, '2026-03-10'), locale);
      assert.deepEqual(paleTexts(intake), []);
      assert.ok(JSON.stringify(intake).includes(t(locale, 'intake.found')));
    });

    it(`${locale}: an active enrolment's status is readable`, () => {
      const enrollment = buildEnrollmentCard(
        {
          etag: '"e"',
          today: '2026-03-10',
          offerings: [
            {
              offeringId: 'SDPS',
              name: 'SharePoint',
              enrolledOn: '2026-03-09',
              renewalDueOn: '2027-03-09',
              renewalOpen: false,
              locations: [{ name: 'São Paulo', country: 'BR' }],
            },
          ],
          canEdit: true,
          canRegisterSavb: false,
        },
        locale,
      );
      assert.ok(JSON.stringify(enrollment).includes(t(locale, 'enrollment.active')));
      assert.deepEqual(paleTexts(enrollment), []);
    });
  }
});
