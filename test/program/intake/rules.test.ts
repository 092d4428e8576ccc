import { strict as assert } from 'node:assert';
import { MAX_INTAKE_LENGTH, parseVoucherEmail, validateVoucherId } from '../../../bot/program/intake';

const codes = (text: string) => parseVoucherEmail(text).problems.map((p) => p.code);

describe('intake: validateVoucherId', () => {
  const valid: [string, string][] = [
    ['ABCD', 'ABCD'],
    ['  7x4q-99kd  ', '7x4q-99kd'],
    ['12345678', '12345678'],
    ['A'.repeat(64), 'A'.repeat(64)],
  ];
  for (const [raw, value] of valid) {
    it(`accepts ${JSON.stringify(raw)}`, () => assert.deepEqual(validateVoucherId(raw), { ok: true, value }));
  }
  const invalid = ['ABC', 'A'.repeat(65), '7X4Q_99KD', 'AB CD-1234', 'VALE-Ñ123', '----', '', 'ID:1234'];
  for (const raw of invalid) {
    it(`refuses ${JSON.stringify(raw.length > 20 ? `${raw.slice(0, 8)}…(${raw.length})` : raw)} with a valid example`, () => {
      const r = validateVoucherId(raw);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.code, 'voucherId.invalidFormat');
      assert.deepEqual(validateVoucherId(r.example).ok, true, 'the example itself must be valid');
    });
  }
});

describe('intake: input limits', () => {
  it(`refuses text over ${MAX_INTAKE_LENGTH} characters without reading any field`, () => {
    const text = `Voucher ID: AAAA-1111\n${'x'.repeat(MAX_INTAKE_LENGTH)}`;
    const r = parseVoucherEmail(text);
    assert.deepEqual(r.problems, [
      { code: 'input.tooLong', params: { length: text.length, maxLength: MAX_INTAKE_LENGTH } },
    ]);
    assert.deepEqual(r.voucherId, { found: false });
  });

  it('accepts text of exactly the maximum length', () => {
    const head = 'Voucher ID: AAAA-1111\n';
    const r = parseVoucherEmail(head + ' '.repeat(MAX_INTAKE_LENGTH - head.length));
    assert.equal(r.voucherId.value, 'AAAA-1111');
    assert.deepEqual(r.problems, []);
  });

  it('reports empty or blank input', () => {
    assert.deepEqual(codes('  \n\t '), ['input.empty']);
  });

  it('finishes on adversarial text at the cap (no catastrophic backtracking)', () => {
    const r = parseVoucherEmail('número do voucher de de de '.repeat(700).slice(0, MAX_INTAKE_LENGTH));
    assert.deepEqual(r.voucherIdCandidates, []);
  });
});

describe('intake: voucher ID rules', () => {
  it('a refused labelled ID next to a valid one chooses neither', () => {
    const r = parseVoucherEmail('Voucher ID: 7X4Q_99KD\nVoucher ID: 7X4Q-99KD');
    assert.deepEqual(r.voucherId, { found: false });
    assert.deepEqual(r.voucherIdCandidates, ['7X4Q-99KD']);
    assert.deepEqual(r.problems, [
      { code: 'voucherId.invalidFormat', params: { value: '7X4Q_99KD', example: 'A1B2-C3D4-E5F6' } },
    ]);
  });

  it('the same ID repeated (subject and body, different case) is one candidate', () => {
    const r = parseVoucherEmail('Subject: Voucher ab12-cd34\n\nVoucher number: AB12-CD34');
    assert.equal(r.voucherId.value, 'ab12-cd34');
    assert.deepEqual(r.problems, []);
  });

  it('a label closing its line takes the value on the next line (one table cell per line)', () => {
    const r = parseVoucherEmail(
      'Cliente: Contoso\nNúmero do voucher:\n  QQ-8888-ZZ\nVoucher:\nSharePoint Deployment Planning',
    );
    assert.equal(r.voucherId.value, 'QQ-8888-ZZ');
    assert.deepEqual(r.problems, []);
  });

  it('prose after a bare "voucher" is not an ID', () => {
    const r = parseVoucherEmail(
      'Voucher: SharePoint Deployment Planning\nThe voucher for 2026 is ready. Voucher: 5 days.',
    );
    assert.deepEqual(r.voucherIdCandidates, []);
    assert.deepEqual(r.problems, []);
  });

  it('reads the machine-translation words: vale nº, asiento, cupón, justificante', () => {
    for (const line of [
      'Vale nº VL-0001',
      'Número de asiento: AS-0002',
      'ID del cupón: CU-0003',
      'Código do justificante = JU-0004',
    ]) {
      const r = parseVoucherEmail(line);
      assert.equal(r.voucherId.found, true, line);
      assert.match(r.voucherId.value ?? '', /^[A-Z]{2}-000\d$/, line);
    }
  });
});

describe('intake: voucher admin email', () => {
  it('two different labelled admins: none chosen', () => {
    const r = parseVoucherEmail('Voucher admin: ana@contoso.com\nProject manager: bruno@contoso.com');
    assert.deepEqual(r.voucherAdminEmail, { found: false });
    assert.deepEqual(r.problems, [
      {
        code: 'voucherAdminEmail.ambiguous',
        params: { candidates: 'ana@contoso.com, bruno@contoso.com', count: 2 },
      },
    ]);
  });

  it('the label alone on its line takes the address on the next line', () => {
    const r = parseVoucherEmail('Administrador del vale:\n<carmen.diaz@contoso.es>');
    assert.equal(r.voucherAdminEmail.value, 'carmen.diaz@contoso.es');
  });

  it('an address only in the body (a signature) is never taken', () => {
    const r = parseVoucherEmail(
      'Voucher ID: ZZ-0099\n\nRegards,\nPriya Raman\npriya.raman@fabrikamconsulting.com',
    );
    assert.deepEqual(r.voucherAdminEmail, { found: false });
  });

  it('HTML-escaped angle brackets around an address still yield the address', () => {
    const r = parseVoucherEmail('<p>Voucher admin: Ana &lt;ana@contoso.com&gt;</p>');
    assert.equal(r.voucherAdminEmail.value, 'ana@contoso.com');
  });

  it('a Microsoft-only chain (no customer header) infers nothing', () => {
    const r = parseVoucherEmail(
      'From: Microsoft Volume Licensing <noreply@microsoft.com>\nSubject: Voucher\n\nVoucher ID: QQ-1234',
    );
    assert.deepEqual(r.voucherAdminEmail, { found: false });
  });
});

describe('intake: days', () => {
  const cases: [string, number | undefined][] = [
    ['This voucher is valid for 180 days from assignment.', undefined],
    ['O voucher expira em 90 dias.', undefined],
    ['Responda dentro de 3 días hábiles.', undefined],
    ['Um voucher de 5 dias para SharePoint.', 5],
    ['A 15-day engagement.', 15],
    ['Duration: 2 weeks', undefined],
    ['Duración: 10 días', 10],
    ['Dias: 1', 1],
    ['We need 3 days for the workshop and 5 days for the report.', undefined],
  ];
  for (const [text, days] of cases) {
    it(`${JSON.stringify(text)} → ${days ?? 'not found'}`, () => {
      const r = parseVoucherEmail(text);
      if (days === undefined) assert.deepEqual(r.days, { found: false });
      else assert.equal(r.days.value, days);
    });
  }

  it('two different day counts are reported as ambiguous', () => {
    assert.deepEqual(codes('We need 3 days for the workshop and 5 days for the report.'), ['days.ambiguous']);
  });
});

describe('intake: expiry dates', () => {
  const cases: [string, string | undefined][] = [
    ['Expires: 2026-03-31', '2026-03-31'],
    ['Validade: 31/03/2026', '2026-03-31'],
    ['Fecha de caducidad: 31/03/2026', '2026-03-31'],
    ['Expires: 03/31/2026', '2026-03-31'],
    ['Expiration date: March 31, 2026', '2026-03-31'],
    ['Expires on 31 March 2026', '2026-03-31'],
    ['Válido até 31 de março de 2026', '2026-03-31'],
    ['Caduca el martes, 31 de marzo de 2026', '2026-03-31'],
    ['Vencimento: 1º de abril de 2026', '2026-04-01'],
    ['Expires: 04/05/2026', '2026-04-05'],
    ['Validade: 04/05/2026', '2026-05-04'],
    ['Valid until 29/02/2028', '2028-02-29'],
    ['Sent: Tuesday, March 3, 2026\nCreated on 2026-03-01', undefined],
  ];
  for (const [text, iso] of cases) {
    it(`${JSON.stringify(text)} → ${iso ?? 'not found'}`, () => {
      const r = parseVoucherEmail(text);
      if (iso === undefined) assert.deepEqual(r.expiresOn, { found: false });
      else assert.equal(r.expiresOn.value, iso);
    });
  }

  it('a 29 February that does not exist is refused, not rolled over', () => {
    const r = parseVoucherEmail('Expires: 02/29/2027');
    assert.deepEqual(r.expiresOn, { found: false });
    assert.deepEqual(r.problems, [{ code: 'expiresOn.invalidDate', params: { text: '02/29/2027' } }]);
  });

  it('a day/month order that neither the label nor the text settles is ambiguous', () => {
    const r = parseVoucherEmail('Vence: 04/05/2026');
    assert.deepEqual(r.expiresOn, { found: false });
    assert.deepEqual(r.problems, [
      { code: 'expiresOn.ambiguous', params: { candidates: '2026-05-04, 2026-04-05', count: 2 } },
    ]);
  });

  it('the text language settles it when the label is shared by pt and es', () => {
    const r = parseVoucherEmail('Olá, segue o voucher. Obrigado!\nVence: 04/05/2026');
    assert.equal(r.expiresOn.value, '2026-05-04');
  });
});

describe('intake: offering', () => {
  it('only codes of the active catalogue count (rules are data)', () => {
    const r = parseVoucherEmail('Offering: SDPS', { offeringCodes: ['DDPS'] });
    assert.deepEqual(r.offeringCode, { found: false });
    const r2 = parseVoucherEmail('Programa: XYDPS', { offeringCodes: ['XYDPS'] });
    assert.equal(r2.offeringCode.value, 'XYDPS');
  });

  it('a code written without its dash maps to the catalogue spelling', () => {
    assert.equal(parseVoucherEmail('Voucher SEDPS, 5 days').offeringCode.value, 'S-EDPS');
  });

  it('lower-case "exchange" in prose and "Skype:" contact lines are not products', () => {
    const r = parseVoucherEmail('In exchange for the workshop we will share notes.\nSkype: ana.souza');
    assert.deepEqual(r.offeringCode, { found: false });
  });

  const words: [string, string][] = [
    ['Serviços de Planejamento de Implantação de Desktop', 'DDPS'],
    ['Servicios de planificación de implementación de escritorio', 'DDPS'],
    ['Planejamento de nuvem privada', 'PVDPS'],
    ['Nube privada y virtualización', 'PVDPS'],
    ['Skype for Business Deployment Planning', 'S-EDPS'],
    ['Dynamics 365 for Customer Engagement', 'DYDPS'],
    ['SQL Server Deployment Planning Services', 'SSDPS'],
  ];
  for (const [text, code] of words) {
    it(`"${text}" → ${code}`, () => assert.equal(parseVoucherEmail(text).offeringCode.value, code));
  }
});

describe('intake: customer name', () => {
  it('drops an address written after the name', () => {
    assert.equal(
      parseVoucherEmail('Cliente: Contoso Ltda. <ana@contoso.com.br>').customerName.value,
      'Contoso Ltda.',
    );
  });

  it('two different labelled customers: none chosen', () => {
    const r = parseVoucherEmail('Customer: Contoso\nEmpresa: Fabrikam');
    assert.deepEqual(r.customerName, { found: false });
    assert.deepEqual(codes('Customer: Contoso\nEmpresa: Fabrikam'), ['customerName.ambiguous']);
  });

  it('a company mentioned in prose is not taken', () => {
    assert.deepEqual(parseVoucherEmail('We are Contoso and we got a voucher.').customerName, {
      found: false,
    });
  });
});

describe('intake: voucher ID pattern from the rules', () => {
  it("the active rules' pattern decides which labelled values are valid", () => {
    const text = 'Voucher ID: 12345678';
    assert.equal(parseVoucherEmail(text).voucherId.value, '12345678');
    const r = parseVoucherEmail(text, { voucherIdPattern: '^[A-Z]{2}-[0-9]{4}$' });
    assert.deepEqual(r.voucherId, { found: false });
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['voucherId.invalidFormat'],
    );
    assert.equal(validateVoucherId(' AB-1234 ', /^[A-Z]{2}-[0-9]{4}$/).ok, true);
  });
});
