import assert from 'node:assert/strict';
import { compareText, formatDate, formatDateTime, formatList, formatMoney, formatNumber, formatRelativeDays, daysBetween, t } from '../../bot/i18n';

describe('i18n: formatting in the reader\'s locale', () => {
  it('formats calendar dates per locale without shifting the day in any time zone', () => {
    assert.equal(formatDate('en', '2024-03-05'), 'Mar 5, 2024');
    assert.equal(formatDate('pt-BR', '2024-03-05'), '5 de mar. de 2024');
    assert.equal(formatDate('es-ES', '2024-03-05'), '5 mar 2024');
    // A date-only value is a day, not midnight UTC: far-west zones must not show the 4th.
    assert.equal(formatDate('en', '2024-03-05', 'Pacific/Honolulu'), 'Mar 5, 2024');
  });

  it('formats instants in the given time zone and falls back to UTC on a bad zone', () => {
    assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'America/Sao_Paulo'), 'Mar 4, 2024');
    assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'Not/AZone'), 'Mar 5, 2024');
    assert.match(formatDateTime('pt-BR', '2024-03-05T15:30:00Z', 'America/Sao_Paulo'), /12:30/);
  });

  it('shows unparseable dates as given rather than hiding them', () => {
    assert.equal(formatDate('en', 'someday'), 'someday');
  });

  it('formats numbers and money with the locale\'s separators', () => {
    assert.equal(formatNumber('en', 12345.5), '12,345.5');
    assert.equal(formatNumber('pt-BR', 12345.5), '12.345,5');
    assert.equal(formatMoney('en', 1234.5, 'USD'), '$1,234.50');
    assert.equal(formatMoney('pt-BR', 1234.5, 'BRL').replace(/\s/g, ' '), 'R$ 1.234,50');
    assert.equal(formatMoney('es-ES', 1234.5, 'EUR').replace(/\s/g, ' '), '1234,50 €');
    assert.equal(formatMoney('en', 10, 'XX1'), '10.00 XX1');
  });

  it('words relative days', () => {
    assert.equal(formatRelativeDays('en', 0), 'today');
    assert.equal(formatRelativeDays('en', 1), 'tomorrow');
    assert.equal(formatRelativeDays('en', 30), 'in 30 days');
    assert.equal(formatRelativeDays('pt-BR', -3), 'há 3 dias');
    assert.equal(formatRelativeDays('es-ES', 2), 'pasado mañana');
  });

  it('counts calendar days between dates', () => {
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2024-03-10', '2024-03-01'), -9);
    assert.equal(daysBetween('2024-03-01T23:00:00Z', '2024-03-02'), 1);
  });

  it('chooses plural forms by count and fills placeholders with localized numbers', () => {
    assert.equal(t('en', 'common.days', { count: 1 }), '1 day');
    assert.equal(t('en', 'common.days', { count: 15 }), '15 days');
    assert.equal(t('pt-BR', 'list.count', { count: 1 }), '1 voucher');
    assert.equal(t('es-ES', 'list.count', { count: 1500 }), '1500 vales');
    assert.equal(t('en', 'list.count', { count: 1500 }), '1,500 vouchers');
    assert.equal(t('en', 'welcome.greeting', { name: 'Ana' }), 'Hello Ana.');
    // A missing parameter stays visible in t(), so the omission is noticed.
    assert.equal(t('en', 'welcome.greeting'), 'Hello {name}.');
  });
});

describe('i18n: formatters are reused, and reuse changes no output', () => {
  it('the same call twice gives the same words, with options, zones and currencies kept apart', () => {
    // Cached formatters are keyed by locale and options: a key mix-up would show here as a wrong format.
    for (let i = 0; i < 2; i++) {
      assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'America/Sao_Paulo'), 'Mar 4, 2024');
      assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'UTC'), 'Mar 5, 2024');
      assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'Not/AZone'), 'Mar 5, 2024');
      assert.equal(formatNumber('en', 0.5, { style: 'percent' }), '50%');
      assert.equal(formatNumber('en', 0.5), '0.5');
      assert.equal(formatMoney('en', 1, 'USD'), '$1.00');
      assert.equal(formatMoney('en', 1, 'EUR'), '€1.00');
      assert.equal(formatList('es-ES', ['A', 'B']), 'A y B');
      assert.equal(formatList('es-ES', ['A', 'B'], 'disjunction'), 'A o B');
    }
  });

  it('compares texts as the language sorts them (accents next to their letter)', () => {
    const names = ['Zé', 'Álvaro', 'Ana', 'Ángela', 'Bruno'];
    assert.deepEqual([...names].sort(compareText('pt-BR')), ['Álvaro', 'Ana', 'Ángela', 'Bruno', 'Zé']);
    assert.deepEqual([...names].sort(compareText('es-ES')), [...names].sort((a, b) => a.localeCompare(b, 'es-ES')));
  });

  it('many different unknown zones (what a client can send) do not break formatting', () => {
    for (let i = 0; i < 1500; i++) assert.equal(formatDate('en', '2024-03-05T02:00:00Z', `Nowhere/Zone${i}`), 'Mar 5, 2024');
    assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'America/Sao_Paulo'), 'Mar 4, 2024');
  });
});
