// Issue 14 item 3: a planned start that is not after today is refused under the field with what is wrong
// (the reservation must be recorded before the engagement starts), in the reader's language, and nothing changes.
import { strict as assert } from 'node:assert';
import { t, type Locale } from '../../bot/i18n';
import { CONSULTANT, PARTNER_ADMIN, seedReadyOrganization, seedVoucher } from './fixtures';
import { fieldError, noticeOf, startHarness, type Harness } from './harness';

const INPUTS = {
  step: 'submit',
  engagementId: 'sdps-sharepoint',
  deliveryCountry: 'BR',
  partnerLocationId: 'sp-br',
  consultants: CONSULTANT,
  offsiteDays: '0',
};

/** The fixed text after the last placeholder of the refusal ("…: the reservation must be recorded…"). */
const tail = (locale: Locale) =>
  t(locale, 'refusal.reservation.startNotInFuture')
    .split('}')
    .pop()
    ?.replace(/^\)\s*:?\s*/, '') ?? '';

describe('reservation: a planned start in the past says what is wrong under the field', () => {
  let h: Harness;
  let seq = 0;
  before(async () => {
    h = await startHarness(new Date('2026-03-10T12:00:00Z'));
  });
  after(async () => h.stop());

  const cases: [Locale, RegExp][] = [
    ['en', /must be after today/],
    ['pt-BR', /deve ser posterior a hoje/],
    ['es-ES', /debe ser posterior a hoy/],
  ];
  for (const [locale, afterToday] of cases) {
    for (const plannedStart of ['2026-03-01', '2026-03-10']) {
      it(`${locale}: planned start ${plannedStart} (today 2026-03-10) is refused, nothing changes`, async () => {
        const tenantId = `t-start-${++seq}`;
        const voucherId = `v-S${seq}-0001`;
        await seedReadyOrganization(h, tenantId);
        await seedVoucher(h, tenantId, voucherId, 'Assigned');
        const before = await h.voucher(voucherId, tenantId);
        const card = await h.act(
          { tenantId, userId: PARTNER_ADMIN, userName: 'Pedro Alves', locale },
          'voucher.reserve',
          {
            ...INPUTS,
            voucherId,
            etag: before?.etag,
            plannedStart,
            plannedEnd: '2026-03-20',
          },
        );
        const under = fieldError(card, 'plannedStart') ?? '';
        assert.match(under, afterToday, under);
        assert.ok(under.includes(tail(locale)), `${under} names the reason`);
        assert.ok(!under.includes(t(locale, 'common.dateError')), under);
        assert.match(noticeOf(card) ?? '', afterToday);
        const after = await h.voucher(voucherId, tenantId);
        assert.equal(after?.etag, before?.etag, 'the voucher is unchanged');
        assert.equal(after?.doc.state, 'Assigned');
      });
    }
  }
});
