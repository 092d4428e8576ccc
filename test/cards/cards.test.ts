import assert from 'node:assert/strict';
import { SUPPORTED_LOCALES } from '../../bot/i18n';
import { CARD_VERBS, LINKS, buildHelpCard } from '../../cards';
import { SCENARIOS } from './fixtures';
import { assertGoodCard, executeActions, openUrls, schemaErrors, MAX_CARD_BYTES } from './validate';

describe('cards: every card in every language', () => {
  for (const scenario of SCENARIOS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`${scenario.name} [${locale}] is valid 1.5, fully expanded, < 28 KB, with clean actions`, () => {
        assertGoodCard(scenario.build(locale), `${scenario.name} [${locale}]`);
      });
    }
  }

  it('no dropdown offers an empty value (web renderers show such a choice as a blank box)', () => {
    const choiceSets = (node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] => {
      if (Array.isArray(node)) node.forEach((n) => choiceSets(n, out));
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'Input.ChoiceSet') out.push(o);
        Object.values(o).forEach((v) => choiceSets(v, out));
      }
      return out;
    };
    const sets = SCENARIOS.flatMap((s) => choiceSets(s.build('en')).map((c) => ({ scenario: s.name, c })));
    assert.ok(sets.length > 0);
    for (const { scenario, c } of sets) {
      for (const choice of (c.choices as { value: string }[] | undefined) ?? []) {
        assert.notEqual(choice.value, '', `${scenario}: ${String(c.id)} has a choice with an empty value`);
      }
      // A preselected value must be one of the choices (else the box shows blank); none = the user must choose.
      if (
        typeof c.value === 'string' &&
        c.value !== '' &&
        !c.isMultiSelect &&
        !String(c.value).includes('${')
      ) {
        const values = ((c.choices as { value: string }[] | undefined) ?? []).map((x) => x.value);
        if (values.length > 0)
          assert.ok(
            values.includes(c.value),
            `${scenario}: ${String(c.id)} preselects ${c.value}, not a choice`,
          );
      }
    }
  });

  it('CARD_VERBS is exactly the set of verbs the cards use', () => {
    const used = new Set(SCENARIOS.flatMap((s) => executeActions(s.build('en')).map((a) => String(a.verb))));
    assert.deepEqual(
      [...CARD_VERBS].filter((v) => !used.has(v)),
      [],
      'listed but never used',
    );
    assert.deepEqual(
      [...used].filter((v) => !(CARD_VERBS as readonly string[]).includes(v)),
      [],
      'used but not listed',
    );
  });

  it("every deep link is one of the links module's https URLs", () => {
    const known = new Set<string>(Object.values(LINKS));
    for (const url of SCENARIOS.flatMap((s) => openUrls(s.build('en')))) {
      assert.ok(known.has(url), url);
      assert.match(url, /^https:\/\//);
    }
    assert.match(LINKS.partnerCenterVouchers, /^https:\/\/partner\.microsoft\.com\/dashboard\//);
    assert.equal(LINKS.vlsc, 'https://www.microsoft.com/Licensing/servicecenter');
  });

  it('no card text is left in English when the reader is not English (spot check on labels)', () => {
    const en = JSON.stringify(buildHelpCard({}, 'en'));
    const pt = JSON.stringify(buildHelpCard({}, 'pt-BR'));
    const es = JSON.stringify(buildHelpCard({}, 'es-ES'));
    assert.notEqual(en, pt);
    assert.notEqual(en, es);
    assert.match(es, /Canjear el vale/);
    assert.match(pt, /Resgatar o voucher/);
  });

  describe('the checks themselves can fail', () => {
    it('the schema rejects an unknown element type and a misspelt property', () => {
      assert.notDeepEqual(
        schemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] }),
        [],
      );
      assert.notDeepEqual(
        schemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', txt: 'x' }] }),
        [],
      );
    });

    it('assertGoodCard rejects business data in an action, an unknown verb, leftovers and size', () => {
      const base = {
        type: 'AdaptiveCard' as const,
        version: '1.5' as const,
        body: [] as Array<Record<string, unknown>>,
      };
      const bad = (card: object) => assert.throws(() => assertGoodCard(card as never, 'probe'));
      bad({
        ...base,
        actions: [
          { type: 'Action.Execute', verb: 'voucher.reserve', data: { voucherId: 'v', customerName: 'x' } },
        ],
      });
      bad({ ...base, actions: [{ type: 'Action.Execute', verb: 'voucher.steal', data: {} }] });
      bad({ ...base, body: [{ type: 'TextBlock', text: '${missing}' }] });
      bad({ ...base, body: [{ type: 'TextBlock', text: 'x'.repeat(MAX_CARD_BYTES) }] });
      bad({ ...base, body: [{ type: 'Input.Text', id: 'a', isRequired: true }] });
    });
  });
});
