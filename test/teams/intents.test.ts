import { strict as assert } from 'node:assert';
import { BOT_COMMANDS, MANIFEST_LANGUAGES } from '../../manifest/commands';
import { looksLikeVoucherEmail, matchIntent, normalize } from '../../bot/teams/intents';

describe('intents: free text in English, Portuguese and Spanish', () => {
  const cases: [string, string][] = [
    ['help', 'help'],
    ['ajuda', 'help'],
    ['Ayuda', 'help'],
    ['status', 'status'],
    ['estado', 'status'],
    ["What's next?", 'next'],
    ['próximo passo', 'next'],
    ['proximo passo', 'next'],
    ['Siguiente paso', 'next'],
    ['reservar vale', 'reserve'],
    ['reserve a voucher', 'reserve'],
    ['resgatar voucher', 'redeem'],
    ['canjear vale', 'redeem'],
    ['Redeem', 'redeem'],
    ['enviar relatório', 'report'],
    ['enviar relatorio', 'report'],
    ['informe de finalización', 'report'],
    ['submit the completion report', 'report'],
    ['solicitar pagamento', 'payment'],
    ['solicitud de pago', 'payment'],
    ['inscrição', 'enrollment'],
    ['inscripcion', 'enrollment'],
    ['renew enrollment', 'enrollment'],
    ['perfil', 'profile'],
    ['business profile', 'profile'],
    ['elegibilidade', 'eligibility'],
    ['elegibilidad', 'eligibility'],
    ['cancelar reserva', 'cancelReservation'],
    ['vouchers', 'vouchers'],
    ['mis vales', 'vouchers'],
    ['novo voucher', 'intake'],
    ['configurações', 'settings'],
    ['idioma', 'language'],
    ['lembretes', 'reminders'],
    ['people and roles', 'people'],
    ['hola', 'welcome'],
  ];
  for (const [text, kind] of cases) {
    it(`"${text}" → ${kind}`, () => assert.equal(matchIntent(text).kind, kind));
  }

  it('a voucher number asks for that voucher', () => {
    assert.deepEqual(matchIntent('voucher 7F3K-22QX-9M1B'), {
      kind: 'voucher',
      voucherNumber: '7F3K-22QX-9M1B',
    });
    assert.deepEqual(matchIntent('vale nº 7F3K-22QX'), { kind: 'voucher', voucherNumber: '7F3K-22QX' });
  });

  it('a voucher number on its own asks for that voucher', () => {
    for (const raw of ['PS7Q-4K2M-19XD', ' ps7q-4k2m-19xd ', '#7F3K-22QX', '"7F3K-22QX-9M1B".', '1234-5678'])
      assert.deepEqual(matchIntent(raw), {
        kind: 'voucher',
        voucherNumber: raw.trim().replace(/^[#"]+|[."]+$/g, ''),
      });
  });

  it('ordinary words are not taken for voucher numbers', () => {
    for (const raw of [
      'follow-up',
      'e-mail',
      'check-in',
      'ABCD-EFGH',
      'PS7Q4K2M',
      'PS7Q-4K2M next',
      'x-1 y',
      '2026-12-04',
    ])
      assert.notEqual(matchIntent(raw).kind, 'voucher', raw);
    assert.equal(matchIntent('follow-up').kind, 'unknown');
  });

  it('nothing matches → unknown (the bot then answers with help)', () => {
    assert.equal(matchIntent('the weather in Lisbon').kind, 'unknown');
    assert.equal(matchIntent('xyzzy').kind, 'unknown');
  });

  it('folds accents, case and punctuation', () => {
    assert.equal(normalize('  Próximo   PASSO!! '), 'proximo passo');
    assert.equal(normalize("What's next?"), 'whats next');
    assert.equal(matchIntent('?').kind, 'help');
  });

  it('understands every command title of the manifest in every language', () => {
    const expected: Record<string, string> = { next: 'next' };
    for (const cmd of BOT_COMMANDS) {
      for (const lang of MANIFEST_LANGUAGES) {
        const kind = matchIntent(cmd.title[lang]).kind;
        assert.notEqual(kind, 'unknown', `${lang} "${cmd.title[lang]}" is not understood`);
        assert.equal(kind, expected[cmd.id] ?? cmd.id, `${lang} "${cmd.title[lang]}" should mean ${cmd.id}`);
      }
    }
  });

  it('a pasted voucher email is recognised; a short sentence is not', () => {
    const email = [
      'From: Maria Lopez <maria.lopez@contoso.com>',
      'Subject: FW: Planning Services voucher',
      '',
      'Hello, please find our voucher below.',
      'Voucher ID: 7F3K-22QX-9M1B',
      'Offering: SDPS, 5 days',
    ].join('\n');
    assert.equal(looksLikeVoucherEmail(email), true);
    assert.equal(matchIntent(email).kind, 'pastedEmail');
    assert.equal(looksLikeVoucherEmail('reserve voucher 7F3K-22QX'), false);
  });
});
