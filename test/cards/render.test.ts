import assert from 'node:assert/strict';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { SUPPORTED_LOCALES } from '../../bot/i18n';
import { expand } from '../../cards/render';
import { SCENARIOS } from './fixtures';

// render.ts prepares each template once per set of label values (labels and links written in). These tests
// compare it with the engine left to itself, so a set reused for the wrong words shows up as a difference.
function freshScenarios(): typeof SCENARIOS {
  const cards = `${path.sep}cards${path.sep}`;
  for (const id of Object.keys(require.cache)) if (id.includes(cards)) delete require.cache[id];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second instance exists only through require's cache
  return (require('./fixtures') as { SCENARIOS: typeof SCENARIOS }).SCENARIOS;
}

function plain(template: object, data: object): unknown {
  return new ACData.Template(template).expand({ $root: data });
}

const words = {
  en: { title: 'Vouchers', intro: 'Hello', save: 'Save', item: 'Open' },
  'pt-BR': { title: 'Vouchers', intro: 'Olá', save: 'Salvar', item: 'Abrir' },
  'es-ES': { title: 'Vales', intro: 'Hola', save: 'Guardar', item: 'Abrir' },
} as const;

// Every place a label can sit: whole-string bindings, inside other text, in $when, under a $data item (whose
// own `l` is meant), and through $root from inside one.
const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${l.title}' },
    { type: 'TextBlock', text: '${l.intro}, ${name}' },
    { type: 'TextBlock', $when: "${l.intro != ''}", text: '${l.save}' },
    { type: 'TextBlock', text: '${l.missing}' },
    {
      type: 'Container',
      $data: '${rows}',
      items: [
        { type: 'TextBlock', text: '${l.item}' },
        { type: 'TextBlock', text: '${$root.l.save}' },
      ],
    },
  ],
  actions: [{ type: 'Action.OpenUrl', title: '${l.save}', url: '${links.home}' }],
};

function data(locale: keyof typeof words, extra: Record<string, unknown> = {}) {
  return {
    l: { ...words[locale], ...extra },
    name: `Ana ${locale}`,
    rows: [{ l: { item: `row of ${locale}` } }, { l: {} }],
    links: { home: 'https://example.com/' },
  };
}

describe('cards: template expansion with labels written in', () => {
  it('gives what the engine gives, language after language, in any order', () => {
    const order = ['en', 'pt-BR', 'es-ES', 'pt-BR', 'en', 'es-ES', 'es-ES', 'en'] as const;
    for (const locale of order)
      assert.deepEqual(expand(template, data(locale)), plain(template, data(locale)), locale);
  });

  it("does not reuse a language's words when only one label differs", () => {
    const t2 = structuredClone(template);
    const first = expand(t2, data('en'));
    const changed = data('en', { save: 'Keep' });
    const second = expand(t2, changed);
    assert.deepEqual(second, plain(t2, changed));
    assert.notDeepEqual(second, first);
  });

  it('keeps a binding whose label is missing or holds a binding of its own, as the engine does', () => {
    const t3 = structuredClone(template);
    for (const odd of [
      data('en', { title: undefined }),
      data('en', { title: '${name}' }),
      data('en', { title: 42 }),
    ]) {
      assert.deepEqual(expand(t3, odd), plain(t3, odd));
    }
  });

  it('still expands correctly once a template has seen more label sets than it keeps', () => {
    const t4 = structuredClone(template);
    for (let i = 0; i < 20; i++) {
      const d = data('es-ES', { title: `Title ${i}` });
      assert.deepEqual(expand(t4, d), plain(t4, d));
    }
  });

  it('every card, built in the three languages in turn, equals the card from a fresh copy of cards/ that saw only that language', () => {
    // A fresh copy of cards/ (and so of its caches) that only ever renders one language cannot mix two.
    const reference = new Map<string, string>();
    for (const locale of SUPPORTED_LOCALES) {
      for (const scenario of freshScenarios())
        reference.set(`${scenario.name}|${locale}`, JSON.stringify(scenario.build(locale)));
    }
    for (const locale of ['es-ES', 'en', 'pt-BR', 'en', 'es-ES', 'pt-BR'] as const) {
      for (const scenario of SCENARIOS) {
        assert.equal(
          JSON.stringify(scenario.build(locale)),
          reference.get(`${scenario.name}|${locale}`),
          `${scenario.name} [${locale}]`,
        );
      }
    }
  });
});
