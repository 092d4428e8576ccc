import assert from 'node:assert/strict';
import {
  compareText,
  formatCountry,
  formatDate,
  formatDateTime,
  formatList,
  formatMoney,
  formatNumber,
  formatRelativeDays,
  daysBetween,
  interpolate,
  t,
  type Locale,
} from '../../bot/i18n';

describe("i18n: formatting in the reader's locale", () => {
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

  it("formats numbers and money with the locale's separators", () => {
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
    assert.deepEqual(
      [...names].sort(compareText('es-ES')),
      [...names].sort((a, b) => a.localeCompare(b, 'es-ES')),
    );
  });

  it('many different unknown zones (what a client can send) do not break formatting', () => {
    for (let i = 0; i < 1500; i++)
      assert.equal(formatDate('en', '2024-03-05T02:00:00Z', `Nowhere/Zone${i}`), 'Mar 5, 2024');
    assert.equal(formatDate('en', '2024-03-05T02:00:00Z', 'America/Sao_Paulo'), 'Mar 4, 2024');
  });

  it('finished words are kept per language, zone and value: alternating languages equal Intl asked afresh', () => {
    // The result memo is the cache that could leak: the same date, number or country asked in turn by each
    // language must come back in that language, as a formatter built on the spot gives it.
    const fresh = {
      date: (l: Locale, d: string, timeZone = 'UTC') =>
        new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: /T/.test(d) ? timeZone : 'UTC' }).format(
          new Date(/T/.test(d) ? d : `${d}T00:00:00Z`),
        ),
      dateTime: (l: Locale, d: string, timeZone: string) =>
        new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(d)),
      number: (l: Locale, n: number) => new Intl.NumberFormat(l).format(n),
      relative: (l: Locale, n: number) =>
        new Intl.RelativeTimeFormat(l, { numeric: 'auto' }).format(n, 'day'),
      country: (l: Locale, c: string) => new Intl.DisplayNames([l], { type: 'region' }).of(c),
      list: (l: Locale, items: string[], type: 'conjunction' | 'disjunction' = 'conjunction') =>
        new Intl.ListFormat(l, { style: 'long', type }).format(items),
    };
    for (let round = 0; round < 3; round++) {
      for (const l of ['en', 'pt-BR', 'es-ES', 'pt-BR', 'en'] as const) {
        assert.equal(formatDate(l, '2024-03-05'), fresh.date(l, '2024-03-05'));
        for (const zone of ['America/Sao_Paulo', 'Asia/Tokyo', 'UTC']) {
          assert.equal(
            formatDate(l, '2024-03-05T02:00:00Z', zone),
            fresh.date(l, '2024-03-05T02:00:00Z', zone),
          );
          assert.equal(
            formatDateTime(l, '2024-03-05T15:30:00Z', zone),
            fresh.dateTime(l, '2024-03-05T15:30:00Z', zone),
          );
        }
        for (const n of [0, -0, 1, 1500, 12345.5, -3])
          assert.equal(formatNumber(l, n), fresh.number(l, n), `${l} ${Object.is(n, -0) ? '-0' : n}`);
        for (const n of [0, -0, 1, -1, 30, 2.7])
          assert.equal(formatRelativeDays(l, n), fresh.relative(l, Math.trunc(n)));
        assert.equal(formatCountry(l, 'BR'), fresh.country(l, 'BR'));
        assert.equal(formatCountry(l, 'ES'), fresh.country(l, 'ES'));
        assert.equal(formatList(l, ['A', 'B']), fresh.list(l, ['A', 'B']));
        assert.equal(formatList(l, ['A, B']), 'A, B');
        assert.equal(formatList(l, ['A', 'B'], 'disjunction'), fresh.list(l, ['A', 'B'], 'disjunction'));
      }
    }
    // Plural words follow the language's rules, not the first language asked.
    assert.equal(t('en', 'common.days', { count: 0 }), '0 days');
    assert.equal(t('pt-BR', 'common.days', { count: 0 }), '0 dia');
    assert.equal(t('en', 'common.days', { count: 0 }), '0 days');
  });

  it('fills placeholders the same way whatever text was filled before (split once per text)', () => {
    assert.equal(interpolate('en', 'a {x} b {y} {x}{x}', { x: 1, y: 'Y' }), 'a 1 b Y 11');
    assert.equal(interpolate('en', 'a {x} b {y} {x}{x}', { x: 'X' }), 'a X b {y} XX');
    assert.equal(interpolate('pt-BR', '{n}', { n: 1500.5 }), '1.500,5');
    assert.equal(interpolate('en', '{n}', { n: 1500.5 }), '1,500.5');
    assert.equal(
      interpolate('en', '{not closed {x}} {x-y} {}', { x: '$&', 'x-y': 'no' }),
      '{not closed $&} {x-y} {}',
    );
    assert.equal(interpolate('en', 'none', {}), 'none');
  });
});
