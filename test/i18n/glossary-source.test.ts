// Issue 14 item 11: the bot's catalogues follow the one reviewed glossary (bot/i18n/glossary.ts).
import assert from 'node:assert/strict';
import { catalogs } from '../../bot/i18n/catalog';
import { GLOSSARY, glossaryViolations } from '../../bot/i18n/glossary';
import type { Locale } from '../../bot/i18n';

const TRANSLATED: Locale[] = ['pt-BR', 'es-ES'];

describe('i18n: the glossary is the source of the bot’s words', () => {
  for (const locale of TRANSLATED) {
    it(`${locale}: where the English names a concept, the glossary's word is used; no word to avoid appears`, () => {
      assert.deepEqual(glossaryViolations(catalogs.en, catalogs[locale], locale), []);
    });
  }

  it('English uses none of its words to avoid ("enrolment", "coupon")', () => {
    assert.deepEqual(glossaryViolations(catalogs.en, catalogs.en, 'en'), []);
  });

  it('the check can fail: a stray word and a missing term are both reported', () => {
    const english = { a: 'Update your business profile', b: 'Qualifying assessment' };
    const pt = { a: 'Atualize o perfil da empresa', b: 'Avaliação qualificadora' };
    const es = { a: 'Actualiza el perfil de empresa', b: 'Evaluación válida' };
    assert.equal(
      glossaryViolations(english, pt, 'pt-BR').length,
      2,
      'missing "perfil comercial" + avoided word',
    );
    assert.equal(
      glossaryViolations(english, es, 'es-ES').length,
      2,
      'missing the qualifying meaning + avoided word',
    );
  });

  it('every concept has a word in every language', () => {
    for (const term of GLOSSARY)
      for (const locale of ['en', ...TRANSLATED] as Locale[])
        assert.ok(term.terms[locale], `${term.concept} ${locale}`);
  });

  it('es-ES: the SAVB notice names what is registered (no dangling "registrarla")', () => {
    const text = String(catalogs['es-ES']['payment.savbMissing']);
    assert.doesNotMatch(text, /registrarla/);
    assert.match(text, /registrar la oferta en SAVB/);
  });
});
