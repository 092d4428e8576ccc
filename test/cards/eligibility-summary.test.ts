// Issue 14 item 7: the eligibility card shows what matters first — what the partner can deliver now, what one
// step would unlock — and collapses the rest (Action.ToggleVisibility); statuses are not yellow text, and an
// offering the partner holds no competency for never reads "In progress" because the training is done.
import assert from 'node:assert/strict';
import { t, type Locale } from '../../bot/i18n';
import { eligibility, findOffering, type Organization } from '../../bot/program';
import { loadRules } from '../../bot/rules';
import { buildEligibilityCard, type AdaptiveCard } from '../../cards';
import { assertGoodCard } from './validate';

const rules = loadRules({ profile: 'program-2020' });
const TODAY = '2026-03-10';
const LOCALES: Locale[] = ['en', 'pt-BR', 'es-ES'];

function card(org: Pick<Organization, 'complianceTraining' | 'competencies'>, locale: Locale): AdaptiveCard {
  const offerings = eligibility(org as Organization, rules, TODAY).map((s) => {
    const o = findOffering(rules, s.offeringId);
    return {
      offeringId: s.offeringId,
      name: o?.name ?? s.offeringId,
      status: s.status,
      engagements: s.engagements.map((e) => ({
        engagementId: e.engagementId,
        name: o?.engagements.find((x) => x.id === e.engagementId)?.name ?? e.engagementId,
        status: e.status,
        missing: e.missing,
      })),
    };
  });
  return buildEligibilityCard(
    {
      etag: '"e"',
      today: TODAY,
      ...(org.complianceTraining ? { trainingCompletedOn: org.complianceTraining.completedOn } : {}),
      competencies: org.competencies.map((c) => ({ ...c, expired: c.validUntil < TODAY })),
      offerings,
      competencyChoices: [],
      canEdit: true,
      canRecordAssessment: false,
    },
    locale,
  );
}

type Node = Record<string, unknown>;
function all(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Node);
    Object.values(node).forEach((v) => all(v, out));
  }
  return out;
}
const textsIn = (node: unknown) =>
  all(node).flatMap((n) => (typeof n['text'] === 'string' ? [n['text']] : []));

const TRAINED = { completedOn: '2026-01-06', recordedBy: 'admin-1' };
const PARTNER = {
  complianceTraining: TRAINED,
  competencies: [
    { name: 'Collaboration and Content', level: 'Gold' as const, validUntil: '2027-06-30' },
    { name: 'Messaging', level: 'Silver' as const, validUntil: '2026-01-30' },
  ],
};

describe('cards: eligibility — what matters first, the rest collapsed', () => {
  for (const locale of LOCALES) {
    it(`${locale}: deliverable now, one step away, then the other offerings behind a toggle`, () => {
      const c = card(PARTNER, locale);
      assertGoodCard(c, `eligibility ${locale}`);
      const nodes = all(c.body);
      const section = (title: string) =>
        nodes.find((n) => n['type'] === 'Container' && textsIn(n)[0] === t(locale, title as never));
      const now = section('eligibility.deliverNow');
      assert.equal(now?.['style'], 'good');
      assert.ok(
        textsIn(now).some((x) => x.startsWith('SDPS')),
        'SharePoint can be delivered now',
      );
      const step = section('eligibility.oneStep');
      assert.equal(step?.['style'], 'warning');
      assert.ok(
        textsIn(step).some((x) => x.includes('Messaging')),
        'renewing Messaging is one step',
      );
      assert.ok(
        textsIn(step).some((x) => x.includes('S-EDPS')),
        'and it unlocks S-EDPS',
      );
      assert.ok(!textsIn(step).some((x) => x.includes('DDPS ')), 'a competency never held is not "one step"');
      const rest = nodes.find((n) => n['id'] === 'eligibility-rest');
      assert.equal(rest?.['isVisible'], false, 'the rest starts collapsed');
      assert.ok(textsIn(rest).some((x) => x.startsWith('DDPS')));
      const toggle = nodes.find((n) => n['type'] === 'Action.ToggleVisibility');
      assert.deepEqual(toggle?.['targetElements'], ['eligibility-rest']);
      assert.ok(
        !nodes.some((n) => n['color'] === 'warning'),
        'no yellow text (low contrast in light themes)',
      );
    });

    it(`${locale}: trained, with no competency at all: nothing reads "In progress", nothing yet to deliver`, () => {
      const c = card({ complianceTraining: TRAINED, competencies: [] }, locale);
      const texts = textsIn(c.body);
      assert.ok(!texts.some((x) => x.includes(t(locale, 'status.InProgress'))), texts.join('\n'));
      assert.ok(texts.includes(t(locale, 'eligibility.nothingYet')));
      assert.ok(!all(c.body).some((n) => n['style'] === 'warning'), 'no "one step" section');
      // Seen in the Playground walk: a green (success) box saying "Nothing yet." reads as good news.
      assert.ok(!all(c.body).some((n) => n['style'] === 'good'), 'no green box around "Nothing yet."');
    });
  }

  it('holding a competency but not the training: the training is the one step, unlocking its engagements', () => {
    const c = card({ complianceTraining: undefined, competencies: [PARTNER.competencies[0]!] }, 'en');
    const step = all(c.body).find((n) => n['style'] === 'warning');
    assert.ok(textsIn(step).includes(t('en', 'eligibility.missingTraining')));
    assert.ok(textsIn(step).some((x) => x.includes('SDPS SharePoint')));
  });
});
