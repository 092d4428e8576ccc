import assert from 'node:assert/strict';
import { NEXT_ACTION_IDS, RULE_IDS, type NextActionId, type RuleId } from '../../bot/program';
import {
  NEXT_ACTION_PARAMS,
  REFUSAL_PARAMS,
  SUPPORTED_LOCALES,
  nextActionMessage,
  refusalMessage,
  t,
} from '../../bot/i18n';
import { NEXT_ACTION_KEYS, REFUSAL_KEYS } from '../../bot/i18n/dynamic-keys';

/** A plausible value for each parameter name the messages use. */
const SAMPLE: Record<string, unknown> = {
  field: 'plannedStart',
  issue: 'invalid_format',
  value: '2031-01-01',
  today: '2030-06-01',
  command: 'voucher.reserve',
  requiredRoles: ['globalAdmin', 'mpnPartnerAdmin'],
  holders: ['u1', 'u2'],
  holderNames: ['Ana Souza', 'Luis Pérez'],
  state: 'Reserved',
  from: 'Reserved',
  to: 'Redeemed',
  timeZone: 'Mars/Olympus',
  locale: 'fr',
  supported: ['en', 'pt-BR', 'es-ES'],
  userId: 'u9',
  name: 'Kim Lee',
  known: ['DDPS', 'SDPS'],
  assessmentId: 'asm-1',
  offeringId: 'DDPS',
  agreementSignedOn: '2024-02-01',
  enrolledOn: '2024-01-15',
  opensOn: '2024-10-17',
  dueOn: '2025-01-15',
  registeredOn: '2024-05-01',
  voucherNumber: '7F3K-22QX-9M1B',
  voucherId: 'vch_1',
  example: '7F3K-22QX-9M1B',
  cutoff: '2021-06-30',
  assignedOn: '2024-10-01',
  expiresOn: '2024-09-01',
  engagementId: 'ddps-windows-office',
  anyOf: ['Cloud Business Applications', 'Cloud CRM'],
  minimumLevels: ['Silver', 'Silver'],
  partnerLocationId: 'loc-1',
  deliveryCountry: 'BR',
  locationCountry: 'PT',
  approvedCountries: ['PT', 'ES'],
  plannedStart: '2024-06-01',
  plannedEnd: '2024-06-05',
  days: 5,
  allowed: [1, 3, 5],
  maximumDays: 10,
  customer: 'Contoso Ltda.',
  alreadyDays: 15,
  requestedDays: 5,
  limit: 15,
  offsiteDays: 4,
  maximum: 3,
  actualStart: '2024-06-01',
  actualEnd: '2024-06-07',
  competencies: ['Messaging', 'Communications'],
  daysDelivered: 6,
  voucherDays: 5,
  closedFrom: '2022-01-01',
  redeemedOn: '2024-06-20',
  globalAdmins: ['u1'],
  globalAdminNames: ['Ana Souza'],
  deadline: '2024-08-30',
  offerings: ['DDPS', 'SDPS'],
  lapsed: true,
  daysLeft: 30,
  lastUpdatedOn: '2023-05-01',
  consultants: ['u3', 'u4'],
  paidOn: '2024-10-01',
  amount: 1000,
  currency: 'USD',
  reason: 'No report',
  pendingExpiry: false,
  requestedOn: '2024-09-02',
  approvedOn: '2024-09-10',
  validUntil: '2024-12-31',
  reportOn: '2024-06-10',
};

function sampleFor(names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, SAMPLE[n]]));
}

describe('i18n: refusals and next actions', () => {
  it('every RuleId of bot/program has a message and a parameter contract', () => {
    assert.deepEqual(
      RULE_IDS.filter((r) => !(r in REFUSAL_KEYS) || !(r in REFUSAL_PARAMS)),
      [],
    );
  });

  it('every NextActionId of bot/program has a message and a parameter contract', () => {
    assert.deepEqual(
      NEXT_ACTION_IDS.filter((a) => !(a in NEXT_ACTION_KEYS) || !(a in NEXT_ACTION_PARAMS)),
      [],
    );
  });

  it('every refusal message uses only parameters bot/program sends for that rule', () => {
    for (const rule of RULE_IDS as readonly RuleId[]) {
      for (const locale of SUPPORTED_LOCALES) {
        const text = t(locale, REFUSAL_KEYS[rule]);
        const used = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        assert.deepEqual(
          used.filter((p) => !REFUSAL_PARAMS[rule].includes(p)),
          [],
          `${locale} ${rule}`,
        );
      }
    }
  });

  it('every next-action message uses only parameters bot/program sends for that action', () => {
    for (const id of NEXT_ACTION_IDS as readonly NextActionId[]) {
      for (const locale of SUPPORTED_LOCALES) {
        const used = [...t(locale, NEXT_ACTION_KEYS[id]).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        assert.deepEqual(
          used.filter((p) => !NEXT_ACTION_PARAMS[id].includes(p)),
          [],
          `${locale} ${id}`,
        );
      }
    }
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
        for (const name of NEXT_ACTION_PARAMS[id]) assert.ok(name in SAMPLE, `no sample for ${name}`);
        const text = nextActionMessage(locale, { id, params: sampleFor(NEXT_ACTION_PARAMS[id]) });
        assert.doesNotMatch(text, /[{}]|—/, `${locale} ${id}: ${text}`);
      }
    });
  }

  it('localizes roles, dates, countries and lists inside a refusal', () => {
    const text = refusalMessage('pt-BR', {
      rule: 'role.required',
      params: {
        command: 'voucher.reserve',
        requiredRoles: ['globalAdmin', 'mpnPartnerAdmin'],
        holders: [],
        holderNames: [],
      },
    });
    assert.equal(
      text,
      'Isto exige a função Administrador global ou Administrador de parceiro MPN. Quem a tem: ninguém ainda.',
    );
    assert.equal(
      refusalMessage('es-ES', {
        rule: 'reservation.countryNotApproved',
        params: { deliveryCountry: 'MX', approvedCountries: ['ES', 'PT'] },
      }),
      'Esta ubicación del partner no está aprobada para entregar en México. Países aprobados: España o Portugal.',
    );
    assert.equal(
      refusalMessage('en', { rule: 'voucher.expired', params: { expiresOn: '2024-09-01' } }),
      'The voucher expired on Sep 1, 2024.',
    );
    assert.equal(
      refusalMessage('en', {
        rule: 'reservation.serviceLevelNotAllowed',
        params: { days: 2, allowed: [1, 3, 5] },
      }),
      'A 2-day voucher cannot be used for this engagement. Allowed lengths: 1, 3, or 5 days.',
    );
  });

  it('a parameter the domain did not send shows as a dash, never as braces', () => {
    assert.equal(refusalMessage('en', { rule: 'voucher.expired', params: {} }), 'The voucher expired on —.');
  });

  it('words voucher states and the transition refusal in each language', () => {
    assert.equal(
      refusalMessage('es-ES', {
        rule: 'transition.notAllowed',
        params: { command: 'redeem', from: 'Redeemed', to: 'Redeemed' },
      }),
      'Esto no se puede hacer mientras el vale está Canjeado.',
    );
    assert.equal(t('pt-BR', 'state.Redeemed'), 'Resgatado');
  });
});
