import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVoucherEmail, type IntakeField, type IntakeResult } from '../../../bot/program/intake';

// Exact expectations for each realistic (fictitious) email in fixtures/. A field left out is expected to be
// not found: the parser must never invent a value.
interface Expected {
  voucherId?: string;
  candidates?: string[];
  admin?: string;
  customer?: string;
  offering?: string;
  days?: number;
  expiresOn?: string;
  language?: IntakeResult['language'];
  problems?: string[];
}

const CASES: [file: string, what: string, expected: Expected][] = [
  [
    'en-vlsc-notification.txt',
    'English VLSC notification, every field labelled, "March 31, 2026"',
    {
      voucherId: 'NWT-5521-88QA',
      admin: 'megan.bowen@northwindtraders.com',
      customer: 'Northwind Traders Inc.',
      offering: 'SSDPS',
      days: 5,
      expiresOn: '2026-03-31',
      language: 'en',
    },
  ],
  [
    'en-outlook-forward.txt',
    'Outlook forward, quoted notification, admin from the forwarding sender, 03/31/2026',
    {
      voucherId: 'TT-20260210-4471',
      admin: 'daniel.ortiz@tailspintoys.com',
      offering: 'DDPS',
      days: 10,
      expiresOn: '2026-03-31',
      language: 'en',
      problems: ['voucherAdminEmail.inferred'],
    },
  ],
  [
    'pt-encaminhado.txt',
    'pt-BR forward, admin = recipient of the Microsoft mail, 31/08/2026',
    {
      voucherId: '7X4Q-99KD-2M',
      admin: 'ana.souza@contoso.com.br',
      customer: 'Contoso Comércio Ltda.',
      offering: 'SDPS',
      days: 5,
      expiresOn: '2026-08-31',
      language: 'pt',
      problems: ['voucherAdminEmail.inferred'],
    },
  ],
  [
    'pt-html.txt',
    'pt-BR HTML table with entities, "cupom", Exchange, "31 de março de 2026"',
    {
      voucherId: 'CP-8841-XZ',
      admin: 'rafael.costa@wingtip.com.br',
      customer: 'Wingtip Indústria S.A.',
      offering: 'S-EDPS',
      days: 3,
      expiresOn: '2026-03-31',
      language: 'pt',
    },
  ],
  [
    'es-reenviado.txt',
    'es-ES Outlook forward, "justificante", Dynamics, "30 de septiembre de 2026"',
    {
      voucherId: 'AW-7302-KQ19',
      admin: 'lucia.fernandez@adventure-works.es',
      customer: 'Adventure Works Cycles S.L.',
      offering: 'DYDPS',
      days: 10,
      expiresOn: '2026-09-30',
      language: 'es',
      problems: ['voucherAdminEmail.inferred'],
    },
  ],
  [
    'es-notas-socio.txt',
    'partner\'s notes in Spanish with a signature, bullets, "Cupón", code DYDPS',
    {
      voucherId: '5521-ZK-77',
      admin: 'marta.ruiz@fourthcoffee.mx',
      customer: 'Fourth Coffee México',
      offering: 'DYDPS',
      days: 3,
      language: 'es',
    },
  ],
  [
    'en-two-ids.txt',
    'two different voucher IDs: none chosen, both listed',
    {
      candidates: ['CPH-1100-AA', 'CPH-1187-BC'],
      admin: 'hannah.webb@contosopharma.com',
      customer: 'Contoso Pharma',
      offering: 'SDPS',
      days: 5,
      language: 'en',
      problems: ['voucherId.ambiguous'],
    },
  ],
  [
    'en-invalid-id.txt',
    'labelled voucher ID breaking the format is refused',
    {
      candidates: [],
      admin: 'omar.haddad@lamnahealthcare.com',
      customer: 'Lamna Healthcare',
      offering: 'PVDPS',
      days: 3,
      language: 'en',
      problems: ['voucherId.invalidFormat'],
    },
  ],
  [
    'pt-dados-incompletos.txt',
    'pt-BR notes with only an ID and a product: the rest stays not found',
    {
      voucherId: '88QW-1234',
      offering: 'SDPS',
      language: 'pt',
    },
  ],
  [
    'es-bisiesto.txt',
    'es-ES "bono"/"vale", leap-day expiry 29/02/2028',
    {
      voucherId: 'BN-2028-0229',
      admin: 'sofia.mendez@datum-consultoria.es',
      customer: 'Datum Consultoría S.A.',
      offering: 'SSDPS',
      days: 15,
      expiresOn: '2028-02-29',
      language: 'es',
    },
  ],
  [
    'en-signature-labelled-admin.txt',
    "labelled admin wins over the partner's From:, signature and other addresses",
    {
      voucherId: 'RLC-3390-TT',
      admin: 'gabriel.silva@relecloud.com',
      customer: 'Relecloud Ltd',
      offering: 'S-EDPS',
      days: 5,
      expiresOn: '2026-09-30',
      language: 'en',
    },
  ],
  [
    'pt-iso-comprovante.txt',
    'pt-BR reply attribution line, "> " quotes, "comprovante", ISO date, nuvem privada',
    {
      voucherId: 'MT-44-0917-PV',
      admin: 'carla.nunes@margies-travel.com.br',
      offering: 'PVDPS',
      days: 10,
      expiresOn: '2026-09-30',
      language: 'pt',
      problems: ['voucherAdminEmail.inferred'],
    },
  ],
  [
    'es-gmail-reenviado.txt',
    'es-ES Gmail forward, "bono", Skype, 04/05/2026 read day-first',
    {
      voucherId: 'PW-2026-7781',
      admin: 'diego.santos@proseware.com.ar',
      offering: 'S-EDPS',
      days: 15,
      expiresOn: '2026-05-04',
      language: 'es',
      problems: ['voucherAdminEmail.inferred'],
    },
  ],
  [
    'en-code-beats-signature.txt',
    "a catalogue code outranks the products in the partner's signature",
    {
      voucherId: 'WG-2026-0301',
      admin: 'mia.laurent@wingtiptoys.com',
      offering: 'DDPS',
      days: 3,
      language: 'en',
    },
  ],
  [
    'en-ambiguous-products.txt',
    'two products and no code: offering left open',
    {
      voucherId: 'LC-5550-12',
      customer: 'Litware Inc.',
      days: 5,
      language: 'en',
      problems: ['offeringCode.ambiguous'],
    },
  ],
  [
    'en-outlook-mailto.txt',
    'Outlook plain text with <mailto:> and *bold* labels, 04/05/2026 read month-first',
    {
      voucherId: 'TR-6620-0412',
      admin: 'nadia.petrova@treyresearch.net',
      customer: 'Trey Research',
      offering: 'DYDPS',
      days: 10,
      expiresOn: '2026-04-05',
    },
  ],
  [
    'en-mixed-chain.txt',
    'English internal forward over a Spanish voucher: Spanish label reads 04/05/2026 day-first',
    {
      voucherId: 'AS-0312-SP',
      admin: 'pablo.gil@alpineski.es',
      customer: 'Alpine Ski House',
      offering: 'SDPS',
      days: 5,
      expiresOn: '2026-05-04',
      problems: ['voucherAdminEmail.inferred'],
    },
  ],
];

function assertField<T>(name: string, field: IntakeField<T>, expected: T | undefined): void {
  if (expected === undefined) {
    assert.deepEqual(field, { found: false }, `${name} should not be found`);
  } else {
    assert.equal(field.found, true, `${name} should be found`);
    assert.equal(field.value, expected, name);
    assert.ok(field.evidence && field.evidence.length > 0, `${name} should carry evidence`);
  }
}

describe('intake: realistic voucher emails', () => {
  for (const [file, what, e] of CASES) {
    it(`${file}: ${what}`, () => {
      const r = parseVoucherEmail(readFileSync(join(__dirname, 'fixtures', file), 'utf8'));
      assertField('voucherId', r.voucherId, e.voucherId);
      assert.deepEqual(
        r.voucherIdCandidates,
        e.candidates ?? (e.voucherId ? [e.voucherId] : []),
        'voucherIdCandidates',
      );
      assertField('voucherAdminEmail', r.voucherAdminEmail, e.admin);
      assertField('customerName', r.customerName, e.customer);
      assertField('offeringCode', r.offeringCode, e.offering);
      assertField('days', r.days, e.days);
      assertField('expiresOn', r.expiresOn, e.expiresOn);
      if (e.language) assert.equal(r.language, e.language, 'language');
      assert.deepEqual(
        r.problems.map((p) => p.code),
        e.problems ?? [],
        'problems',
      );
    });
  }
});
