// Issue 14 item 3: the reservation card's own check of the planned start (Teams shows `errorMessage` when the
// date is before `min`) says what is wrong, not "Enter a date.", in every language.
import assert from 'node:assert/strict';
import { t, type Locale } from '../../bot/i18n';
import { buildReservationCard, type CardElement } from '../../cards';

function input(node: unknown, id: string): CardElement | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = input(n, id);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    const o = node as CardElement;
    if (o['id'] === id) return o;
    for (const v of Object.values(o)) {
      const found = typeof v === 'object' ? input(v, id) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

const card = (locale: Locale) =>
  buildReservationCard(
    {
      voucherId: 'v-1',
      etag: '"e"',
      today: '2026-03-10',
      earliestStart: '2026-03-11',
      voucher: {
        voucherNumber: 'AB-1',
        customerName: 'Contoso',
        offeringName: 'DDPS',
        days: 5,
        state: 'Assigned',
      },
      engagementChoices: [],
      countryCodes: ['BR'],
      locationChoices: [],
      consultantChoices: [],
      maxOffsiteDays: 3,
    },
    locale,
  );

describe('cards: reservation planned start', () => {
  const expected: [Locale, RegExp][] = [
    ['en', /after today: the reservation must be recorded before the engagement starts/],
    ['pt-BR', /posterior a hoje: a reserva deve ser registrada antes do início do projeto de planejamento/],
    [
      'es-ES',
      /posterior a hoy: la reserva debe registrarse antes de que empiece el proyecto de planificación/,
    ],
  ];
  for (const [locale, text] of expected) {
    it(`${locale}: the planned start's own error says the start must be after today, and today is not offered`, () => {
      const start = input(card(locale), 'plannedStart');
      assert.ok(start, 'the planned start input');
      assert.match(String(start['errorMessage']), text);
      assert.notEqual(start['errorMessage'], t(locale, 'common.dateError'));
      assert.equal(start['min'], '2026-03-11');
      assert.equal(input(card(locale), 'plannedEnd')?.['min'], '2026-03-11');
    });
  }
});
