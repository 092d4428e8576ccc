import { strict as assert } from 'node:assert';
import type { App } from '../bot/app';
import { localeFromAcceptLanguage, LEGAL_PAGES } from '../bot/legal/pages';
import { startTestApp } from './support/app';

describe('privacy and terms pages (linked from the Teams manifest)', () => {
  let app: App;
  before(async () => (app = await startTestApp()));
  after(async () => app.stop());

  for (const name of ['privacy', 'terms'] as const) {
    it(`/${name} is served in the reader's language`, async () => {
      const en = await fetch(`${app.url}/${name}`);
      assert.equal(en.status, 200);
      assert.match(en.headers.get('content-type') ?? '', /text\/html/);
      assert.ok((await en.text()).includes(LEGAL_PAGES[name].en.title));
      const pt = await fetch(`${app.url}/${name}`, {
        headers: { 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.5' },
      });
      assert.equal(pt.headers.get('content-language'), 'pt-BR');
      const es = await fetch(`${app.url}/${name}?lang=es-MX`);
      assert.equal(es.headers.get('content-language'), 'es-ES');
      assert.ok((await es.text()).includes('<html lang="es-ES">'));
    });
  }

  it('Accept-Language weights decide, unknown languages fall back to English', () => {
    assert.equal(localeFromAcceptLanguage('fr-FR,es;q=0.8,pt;q=0.9'), 'pt-BR');
    assert.equal(localeFromAcceptLanguage('fr-FR,de;q=0.8'), 'en');
    assert.equal(localeFromAcceptLanguage('en-GB,pt-BR;q=0.5'), 'en');
    assert.equal(localeFromAcceptLanguage(undefined), 'en');
  });

  it('every language has the same number of paragraphs', () => {
    for (const page of Object.values(LEGAL_PAGES)) {
      const n = page.en.paragraphs.length;
      assert.equal(page['pt-BR'].paragraphs.length, n);
      assert.equal(page['es-ES'].paragraphs.length, n);
    }
  });
});
