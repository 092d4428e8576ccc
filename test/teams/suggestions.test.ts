// Every phrase a card tells the person to say must be understood by the free-text matcher, in every language.
// The phrases are read from the help card and the catalogues, so a new suggestion is covered without editing this.
import { strict as assert } from 'node:assert';
import { catalogs } from '../../bot/i18n/catalog';
import { buildHelpCard } from '../../cards/help';
import { matchIntent } from '../../bot/teams/intents';

const LOCALES = ['en', 'pt-BR', 'es-ES'] as const;

/** The quoted phrases of a text: "…", “…” and «…». */
function quoted(text: string): string[] {
  return [...text.matchAll(/["“«]([^"”»]+)["”»]/g)].map((m) => m[1] ?? '');
}

/** Every TextBlock text of a card. */
function texts(card: unknown): string[] {
  if (Array.isArray(card)) return card.flatMap(texts);
  if (!card || typeof card !== 'object') return [];
  const o = card as Record<string, unknown>;
  const own = o.type === 'TextBlock' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(texts)];
}

describe('suggested commands: every phrase a card suggests is understood', () => {
  for (const locale of LOCALES) {
    it(`${locale}: each "help.cmd.<intent>" suggestion means that intent`, () => {
      const entries = Object.entries(catalogs[locale]).filter(([k]) => k.startsWith('help.cmd.'));
      assert.ok(entries.length >= 8, 'the help card suggests its commands');
      for (const [key, message] of entries) {
        const intent = key.slice('help.cmd.'.length);
        const phrases = quoted(String(message));
        assert.ok(phrases.length > 0, `${locale} ${key} quotes no phrase`);
        for (const phrase of phrases)
          assert.equal(
            matchIntent(phrase).kind,
            intent,
            `${locale} ${key}: "${phrase}" should mean ${intent}`,
          );
      }
    });

    it(`${locale}: every phrase the help card quotes is understood`, () => {
      const phrases = texts(buildHelpCard({}, locale)).flatMap(quoted);
      assert.ok(phrases.length >= 9, `the ${locale} help card quotes its commands (found ${phrases.length})`);
      for (const phrase of phrases)
        assert.notEqual(
          matchIntent(phrase).kind,
          'unknown',
          `${locale} help card: "${phrase}" is not understood`,
        );
      assert.equal(matchIntent(quoted(String(catalogs[locale]['help.intro']))[0]).kind, 'next');
    });

    it(`${locale}: every phrase quoted in any message of the catalogue is understood`, () => {
      for (const [key, message] of Object.entries(catalogs[locale])) {
        if (typeof message !== 'string') continue;
        for (const phrase of quoted(message).filter((p) => !p.includes('{')))
          assert.notEqual(
            matchIntent(phrase).kind,
            'unknown',
            `${locale} ${key}: "${phrase}" is not understood`,
          );
      }
    });
  }
});
