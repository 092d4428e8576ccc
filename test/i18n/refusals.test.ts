import assert from 'node:assert/strict';
import { NEXT_ACTION_IDS, RULE_IDS, type NextActionId, type RuleId } from '../../bot/program';
import { NEXT_ACTION_PARAMS, REFUSAL_PARAMS, SUPPORTED_LOCALES, nextActionMessage, refusalMessage, t } from '../../bot/i18n';
import { NEXT_ACTION_KEYS, REFUSAL_KEYS } from '../../bot/i18n/dynamic-keys';

/** A plausible value for each parameter name the messages use. */
const SAMPLE: Record<string, unknown> = {
  field: 'plannedStart', issue: 'invalid_format', value: '2031-01-01', today: '2030-06-01', command: 'voucher.reserve',
  requiredRoles: ['globalAdmin', 'mpnPartnerAdmin'], holders: ['u1', 'u2'], holderNames: ['Ana Souza', 'Luis Pérez'],
  state: 'Reserved', timeZone: 'Mars/Olympus', locale: 'fr', userId: 'u9', name: 'Kim Lee', competency: 'Messaging',
  offeringId: 'DDPS', agreementSignedOn: '2024-02-01', enrolledOn: '2024-01-15', registeredOn: '2024-05-01',
  voucherNumber: '7F3K-22QX-9M1B', date: '2021-06-30', expiresOn: '2024-09-01', assignedOn: '2024-10-01',
  lapsedOn: '2024-04-01', engagementId: 'ddps-windows-office', competencies: ['Messaging', 'Communications'],
  country: 'BR', plannedStart: '2024-06-01', plannedEnd: '2024-06-05', days: 5, allowed: [1, 3, 5],
  maximum: 15, customer: 'Contoso Ltda.', total: 18, consultant: 'Kim Lee', daysDelivered: 6, deadline: '2024-08-30',
  validUntil: '2024-12-31',
};

function sampleFor(names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, SAMPLE[n]]));
}

describe('i18n: refusals and next actions', () => {
  it('every RuleId of bot/program has a message and a parameter contract', () => {
    assert.deepEqual(RULE_IDS.filter((r) => !(r in REFUSAL_KEYS) || !(r in REFUSAL_PARAMS)), []);
  });

  it('every NextActionId of bot/program has a message and a parameter contract', () => {
    assert.deepEqual(NEXT_ACTION_IDS.filter((a) => !(a in NEXT_ACTION_KEYS) || !(a in NEXT_ACTION_PARAMS)), []);
  });

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: every refusal reads fully with its declared parameters`, () => {
      for (const rule of RULE_IDS as readonly RuleId[]) {
        for (const name of REFUSAL_PARAMS[rule]) assert.ok(name in SAMPLE, `no sample for ${name}`);
        const text = refusalMessage(locale, { rule, params: sampleFor(REFUSAL_PARAMS[rule]) });
        assert.doesNotMatch(text, /[{}]|—/, `${locale} ${rule}: ${text}`);
      }
    });

    it(`${locale}: every next action reads fully with its declared parameters`, () => {
      for (const id of NEXT_ACTION_IDS as readonly NextActionId[]) {
        const text = nextActionMessage(locale, { id, params: sampleFor(NEXT_ACTION_PARAMS[id]) });
        assert.doesNotMatch(text, /[{}]|—/, `${locale} ${id}: ${text}`);
      }
    });
  }

  it('localizes roles, dates, countries and lists inside a refusal', () => {
    const text = refusalMessage('pt-BR', {
      rule: 'role.required',
      params: { command: 'voucher.reserve', requiredRoles: ['globalAdmin', 'mpnPartnerAdmin'], holders: [], holderNames: [] },
    });
    assert.equal(text, 'Isto exige a função Administrador global ou Administrador de parceiro MPN. Quem a tem: ninguém ainda.');
    assert.equal(
      refusalMessage('es-ES', { rule: 'reservation.countryNotApproved', params: { offeringId: 'SDPS', country: 'MX' } }),
      'Ninguna ubicación del partner inscrita en SDPS está aprobada para entregar en México.',
    );
    assert.equal(refusalMessage('en', { rule: 'voucher.expired', params: { expiresOn: '2024-09-01' } }), 'The voucher expired on Sep 1, 2024.');
    assert.equal(
      refusalMessage('en', { rule: 'reservation.serviceLevelNotAllowed', params: { days: 2, allowed: [1, 3, 5] } }),
      'A 2-day voucher cannot be used for this engagement. Allowed lengths: 1, 3, or 5 days.',
    );
  });

  it('a parameter the domain did not send shows as a dash, never as braces', () => {
    assert.equal(refusalMessage('en', { rule: 'voucher.expired', params: {} }), 'The voucher expired on —.');
  });

  it('words voucher states and the transition refusal in each language', () => {
    assert.equal(refusalMessage('es-ES', { rule: 'transition.notAllowed', params: { state: 'Redeemed' } }), 'Esto no se puede hacer mientras el vale está Canjeado.');
    assert.equal(t('pt-BR', 'state.Redeemed'), 'Resgatado');
  });
});
