import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseVoucherEmail } from '../../../bot/program/intake';
import { splitGluedFields } from '../../../bot/program/intake/glued';

// Some chat clients (the Agents Playground) drop a paste's line breaks: label-keyed fields must still be read.
const FIELDS = [
  'voucherId',
  'voucherAdminEmail',
  'customerName',
  'offeringCode',
  'days',
  'expiresOn',
] as const;

describe('intake: fields glued on one line', () => {
  const oneLine: [string, string, Record<(typeof FIELDS)[number], string | number>][] = [
    [
      'en',
      'Voucher ID: PS7Q-4K2M-19XD Customer: Contoso Ltd Offering: SharePoint Days: 3 Voucher admin: ana@contoso.com Expires: 2026-12-31',
      {
        voucherId: 'PS7Q-4K2M-19XD',
        customerName: 'Contoso Ltd',
        offeringCode: 'SDPS',
        days: 3,
        voucherAdminEmail: 'ana@contoso.com',
        expiresOn: '2026-12-31',
      },
    ],
    [
      'pt-BR',
      'Número do voucher: 7X4Q-99KD-2M Cliente: Contoso Comércio Ltda. Oferta: SDPS Quantidade de dias: 5 Administrador do voucher: ana@contoso.com.br Data de expiração: 31/08/2026',
      {
        voucherId: '7X4Q-99KD-2M',
        customerName: 'Contoso Comércio Ltda.',
        offeringCode: 'SDPS',
        days: 5,
        voucherAdminEmail: 'ana@contoso.com.br',
        expiresOn: '2026-08-31',
      },
    ],
    [
      'es-ES',
      '*Número del justificante:* AW-7302-KQ19 *Nombre del cliente:* Adventure Works S.L. *Oferta:* DYDPS *Número de días:* 10 *Administrador del vale:* lucia@adventure-works.es *Fecha de caducidad:* 30 de septiembre de 2026',
      {
        voucherId: 'AW-7302-KQ19',
        customerName: 'Adventure Works S.L.',
        offeringCode: 'DYDPS',
        days: 10,
        voucherAdminEmail: 'lucia@adventure-works.es',
        expiresOn: '2026-09-30',
      },
    ],
  ];
  for (const [language, text, expected] of oneLine) {
    it(`${language}: every labelled field of a one-line paste is read, each with its own evidence`, () => {
      const parsed = parseVoucherEmail(text);
      for (const key of FIELDS) {
        assert.equal(parsed[key].value, expected[key], key);
        assert.ok((parsed[key].evidence ?? '').length < 80, `${key} evidence is its own field`);
      }
      assert.deepEqual(parsed.problems, []);
    });
  }

  it('every fixture email with its line breaks lost reads the same values (never a different one)', () => {
    const dir = join(__dirname, 'fixtures');
    let same = 0;
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const lined = parseVoucherEmail(text);
      const glued = parseVoucherEmail(text.replace(/\s*\n\s*/g, ' '));
      for (const key of FIELDS) {
        const inferred = lined.problems.some((p) => p.code === 'voucherAdminEmail.inferred');
        // An admin guessed from reply headers may be lost once the headers are glued; nothing else may change.
        if (key === 'voucherAdminEmail' && inferred && glued[key].value === undefined) continue;
        assert.equal(glued[key].value, lined[key].value, `${file}: ${key}`);
        same++;
      }
    }
    assert.ok(same > 90, `compared ${same} fields`);
  });

  it('a body glued after the mail headers is read as body ("Expiration date:" is not a "Date:" header)', () => {
    const text =
      'From: VLSC <vlsc-noreply@microsoft.com> Sent: Tuesday, March 3, 2026 To: megan@northwind.com Subject: Voucher assigned Voucher ID: NWT-5521-88QA Expiration date: March 31, 2026 This voucher is valid for 180 days.';
    const parsed = parseVoucherEmail(text);
    assert.equal(parsed.voucherId.value, 'NWT-5521-88QA');
    assert.equal(parsed.expiresOn.value, '2026-03-31');
    assert.equal(parsed.voucherAdminEmail.value, 'megan@northwind.com');
  });

  it('prose and greetings are not cut into fields', () => {
    assert.deepEqual(splitGluedFields('Note: the customer asked for SharePoint'), [
      'Note: the customer asked for SharePoint',
    ]);
    assert.deepEqual(splitGluedFields('Estimado/a cliente: Número de días: 10 Vence el: 30/09/2026'), [
      'Estimado/a cliente:',
      'Número de días: 10',
      'Vence el: 30/09/2026',
    ]);
    assert.deepEqual(splitGluedFields('Customer: Contoso Expires: 2026-12-31'), [
      'Customer: Contoso',
      'Expires: 2026-12-31',
    ]);
  });

  it("a Microsoft mailbox after an admin label is never taken as the customer's voucher admin", () => {
    const parsed = parseVoucherEmail('Gerente de Projetos – Contoso De: Microsoft <noreply@microsoft.com>');
    assert.equal(parsed.voucherAdminEmail.value, undefined);
  });
});
