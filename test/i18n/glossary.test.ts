import assert from 'node:assert/strict';
import { catalogs } from '../../bot/i18n/catalog';
import type { Message } from '../../bot/i18n/catalog/types';
import type { Locale } from '../../bot/i18n';

// PRODUCT.md §6: one reviewed term per concept. The source machine translations used these others.
const FORBIDDEN: Record<Locale, RegExp[]> = {
  en: [/\benrolment\b/i, /\bcoupon\b/i],
  'pt-BR': [
    /comprovante/i,
    /\bcupo[mn]/i,
    /\bvale\b/i,
    /engajamento/i,
    /compromisso/i,
    /reembols/i,
    /\bmatr[ií]cula/i,
    /relat[oó]rio de (finaliza|encerramento|t[ée]rmino)/i,
  ],
  'es-ES': [
    /voucher/i,
    /cup[oó]n/i,
    /\bbono/i,
    /compromiso/i,
    /redimi/i,
    /\bcanje de\b/i,
    /informe de (conclusi|cierre|terminaci)/i,
    /\bmatr[ií]cula/i,
    /solicitud de reembolso/i,
  ],
};

/** Keys about one concept must use the reviewed term, in every language. */
const REQUIRED: Array<{ key: keyof typeof catalogs.en; terms: Record<Locale, RegExp> }> = [
  { key: 'intake.title', terms: { en: /voucher/, 'pt-BR': /voucher/, 'es-ES': /vale/ } },
  {
    key: 'voucher.engagement',
    terms: { en: /Engagement/, 'pt-BR': /Projeto de planejamento/, 'es-ES': /Proyecto de planificación/ },
  },
  { key: 'reservation.title', terms: { en: /Reserve/, 'pt-BR': /Reservar/, 'es-ES': /Reservar/ } },
  { key: 'redeem.title', terms: { en: /Redeem/, 'pt-BR': /Resgatar/, 'es-ES': /Canjear/ } },
  {
    key: 'report.title',
    terms: { en: /Completion report/, 'pt-BR': /Relatório de conclusão/, 'es-ES': /Informe de finalización/ },
  },
  {
    key: 'payment.title',
    terms: { en: /Payment request/, 'pt-BR': /Solicitação de pagamento/, 'es-ES': /Solicitud de pago/ },
  },
  { key: 'enrollment.offering', terms: { en: /Offering/, 'pt-BR': /Oferta/, 'es-ES': /Oferta/ } },
  { key: 'enrollment.title', terms: { en: /Enrollment/, 'pt-BR': /Inscrição/, 'es-ES': /Inscripción/ } },
  {
    key: 'refusal.redemption.reportNotSubmitted',
    terms: {
      en: /completion report.*redeem/,
      'pt-BR': /relatório de conclusão.*resgatar/,
      'es-ES': /informe de finalización.*canjear/,
    },
  },
  {
    key: 'refusal.payment.notRedeemed',
    terms: { en: /payment request/, 'pt-BR': /solicitação de pagamento/, 'es-ES': /solicitud de pago/ },
  },
];

/** The words a reader sees: placeholders such as {voucherNumber} are names for code, not text. */
function texts(message: Message): string[] {
  const forms =
    typeof message === 'string'
      ? [message]
      : Object.values(message).filter((v): v is string => typeof v === 'string');
  return forms.map((f) => f.replace(/\{\w+\}/g, '{}'));
}

describe('i18n: glossary (PRODUCT.md §6)', () => {
  for (const [locale, patterns] of Object.entries(FORBIDDEN) as Array<[Locale, RegExp[]]>) {
    it(`${locale} never uses a rejected term`, () => {
      const hits = Object.entries(catalogs[locale]).flatMap(([key, m]) =>
        texts(m).flatMap((text) =>
          patterns.filter((p) => p.test(text)).map((p) => `${key}: ${p} in "${text}"`),
        ),
      );
      assert.deepEqual(hits, []);
    });
  }

  for (const { key, terms } of REQUIRED) {
    it(`${key} uses the reviewed term in every language`, () => {
      for (const [locale, term] of Object.entries(terms) as Array<[Locale, RegExp]>) {
        assert.match(texts(catalogs[locale][key]).join(' '), term, `${locale} ${key}`);
      }
    });
  }

  it('the glossary check can fail: "cupón" in a Spanish string is caught', () => {
    assert.ok(FORBIDDEN['es-ES'].some((p) => p.test('Canjea el cupón')));
    assert.ok(FORBIDDEN['pt-BR'].some((p) => p.test('Envie o comprovante')));
  });
});
