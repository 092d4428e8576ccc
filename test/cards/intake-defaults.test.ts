// Issue 14 item 2: the intake form marks a default as a default (not "found in the email"), and a message with
// no voucher in it gets the empty form with "I found no voucher in that message" — in every language.
import assert from 'node:assert/strict';
import { t, type Locale } from '../../bot/i18n';
import { loadRules } from '../../bot/rules';
import { intakeDraftFromEmail } from '../../bot/teams/views';
import { buildIntakeCard } from '../../cards';
import { assertGoodCard, inputs } from './validate';

const RULES = loadRules({ profile: 'program-2020' });
const TODAY = '2026-03-10';
const LOCALES: Locale[] = ['en', 'pt-BR', 'es-ES'];

/** The marker text shown right after each input, by input id. */
function markers(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const body = (card as { body: { type: string; items?: { id?: string; text?: string }[] }[] }).body;
  for (const container of body.filter((b) => b.type === 'Container')) {
    const items = container.items ?? [];
    const id = items.find((i) => i.id)?.id;
    const marker = items.find((i) => i.text !== undefined)?.text;
    if (id) out[id] = marker ?? '';
  }
  return out;
}

describe('cards: intake defaults and "no voucher found"', () => {
  const EMAIL =
    'Voucher ID: PS7Q-4K2M-19XD\nCustomer: Contoso Ltd\nOffering: SharePoint\nDays: 3\nExpires: 2026-12-31\n';
  for (const locale of LOCALES) {
    it(`${locale}: "Assigned on" is today marked as a default; read fields are found, missing ones not found`, () => {
      const data = intakeDraftFromEmail(RULES, EMAIL, TODAY);
      const card = buildIntakeCard(data, locale);
      assertGoodCard(card, `intake ${locale}`);
      const m = markers(card);
      assert.equal(m['assignedOn'], t(locale, 'intake.default'));
      assert.equal(inputs(card).find((i) => i['id'] === 'assignedOn')?.['value'], TODAY);
      for (const id of ['voucherNumber', 'customerName', 'offeringId', 'days', 'expiresOn'])
        assert.equal(m[id], t(locale, 'intake.found'), id);
      assert.equal(m['voucherAdminEmail'], t(locale, 'intake.notFound'));
    });

    it(`${locale}: a message with no voucher in it → the empty form, told so, with no "found" marker`, () => {
      const data = intakeDraftFromEmail(RULES, 'Hi team, see you at lunch tomorrow? Thanks, Ana', TODAY);
      const card = buildIntakeCard(data, locale);
      assertGoodCard(card, `intake empty ${locale}`);
      const text = JSON.stringify(card);
      assert.ok(text.includes(t(locale, 'intake.noVoucherFound')));
      assert.ok(!text.includes(t(locale, 'intake.found')), 'nothing is "found"');
      assert.ok(!text.includes(t(locale, 'intake.notFound')), 'no "not found" noise on an empty form');
      assert.equal(data.source, 'manual');
      for (const input of inputs(card).filter((i) => i['id'] !== 'assignedOn'))
        assert.ok(input['value'] === undefined || input['value'] === '', `${String(input['id'])} empty`);
      assert.equal(markers(card)['assignedOn'], t(locale, 'intake.default'));
    });
  }

  it('an email whose own expiry is already past gets no assignment default (today would be refused as after expiry)', () => {
    const data = intakeDraftFromEmail(RULES, EMAIL.replace('2026-12-31', '2026-02-28'), TODAY);
    assert.equal(data.fields.assignedOn, undefined);
    assert.equal(data.status?.assignedOn, 'notFound');
    assert.equal(data.fields.expiresOn, '2026-02-28');
  });

  it('a typed form marks only the default it filled in', () => {
    const card = buildIntakeCard(
      {
        source: 'manual',
        fields: { assignedOn: TODAY },
        status: { assignedOn: 'default' },
        offeringChoices: [],
        maxDays: 15,
        today: TODAY,
      },
      'en',
    );
    const m = markers(card);
    assert.equal(m['assignedOn'], t('en', 'intake.default'));
    assert.equal(m['voucherNumber'], '');
  });
});
