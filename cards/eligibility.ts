// Step 1: eligibility checklist per offering and engagement, with what exactly is missing, and the forms to
// record the compliance training, a company competency, and a consultant's own assessment.
import { formatDate, formatList, t, type Locale } from '../bot/i18n';
import { LINKS } from './links';
import { expand, finish, labels } from './render';
import template from './templates/eligibility.json';
import type { AdaptiveCard, CardOptions } from './types';

export type EligibilityStatusView = 'NotStarted' | 'InProgress' | 'Met';

export type EligibilityGapView =
  | { item: 'complianceTraining' }
  | {
      item: 'competency';
      anyOf: Array<{ name: string; minimumLevel: string }>;
      expired: Array<{ name: string; validUntil: string }>;
    };

export interface EligibilityCardData {
  etag: string;
  today: string;
  trainingCompletedOn?: string;
  competencies: Array<{ name: string; level: string; validUntil: string; expired?: boolean }>;
  offerings: Array<{
    offeringId: string;
    name: string;
    status: EligibilityStatusView;
    engagements: Array<{
      engagementId: string;
      name: string;
      status: EligibilityStatusView;
      missing: EligibilityGapView[];
    }>;
  }>;
  /** Competency names of the catalogue, for the pickers. */
  competencyChoices: string[];
  /** MPN partner admin or Global admin: may record training and competencies. */
  canEdit: boolean;
  /** Consultants record their own assessments. */
  canRecordAssessment: boolean;
  myAssessments?: Array<{ name: string; competency: string; completedOn: string }>;
}

const STATUS = {
  NotStarted: 'status.NotStarted',
  InProgress: 'status.InProgress',
  Met: 'status.Met',
} as const;

function gapLines(locale: Locale, gap: EligibilityGapView): string[] {
  if (gap.item === 'complianceTraining') return [t(locale, 'eligibility.missingTraining')];
  const lines: string[] = [];
  const anyOf = gap.anyOf.map((c) => `${c.name} (${c.minimumLevel})`);
  // "A or B": any one of the listed competencies qualifies.
  const either = formatList(locale, anyOf, 'disjunction');
  lines.push(t(locale, 'eligibility.missingCompetency', { competencies: either }));
  if (gap.expired.length > 0) {
    const expired = formatList(
      locale,
      gap.expired.map((e) => `${e.name} (${formatDate(locale, e.validUntil)})`),
    );
    lines.push(t(locale, 'eligibility.expiredCompetency', { competencies: expired }));
  }
  return lines;
}

type OfferingView = EligibilityCardData['offerings'][number];
type EngagementView = OfferingView['engagements'][number];

/** What matters first: the engagements the partner can deliver now, what one step would unlock (grouped by
 *  that step), and the rest, which the card collapses. */
function sections(locale: Locale, offerings: EligibilityCardData['offerings']) {
  const label = (o: OfferingView, e: EngagementView) => `${o.offeringId} ${e.name}`;
  const ready: Array<{ name: string; engagements: string }> = [];
  const steps = new Map<string, string[]>();
  const rest: Array<{ name: string; engagements: Array<{ name: string; missing: string[] }> }> = [];
  for (const o of offerings) {
    const met = o.engagements.filter((e) => e.status === 'Met');
    if (met.length > 0)
      ready.push({
        name: `${o.offeringId} – ${o.name}`,
        engagements: formatList(
          locale,
          met.map((e) => e.name),
        ),
      });
    const far: EngagementView[] = [];
    for (const e of o.engagements) {
      if (e.status === 'Met') continue;
      const [only] = e.missing;
      // One step means a step the partner is already on (a competency to renew, or the training for one
      // held); a competency not held at all is no single step, so it stays with the rest.
      if (e.status !== 'InProgress' || e.missing.length !== 1 || !only) {
        far.push(e);
        continue;
      }
      const step = gapLines(locale, only).join(' · ');
      steps.set(step, [...(steps.get(step) ?? []), label(o, e)]);
    }
    if (far.length > 0)
      rest.push({
        name: `${o.offeringId} – ${o.name} · ${t(locale, STATUS[o.status])}`,
        engagements: far.map((e) => ({
          name: `${e.name} · ${t(locale, STATUS[e.status])}`,
          missing: e.missing.flatMap((g) => gapLines(locale, g)),
        })),
      });
  }
  return {
    ready,
    oneStep: [...steps].map(([step, unlocked]) => ({
      step,
      unlocks: t(locale, 'eligibility.unlocks', { engagements: formatList(locale, unlocked) }),
    })),
    rest,
    showRest: t(locale, 'eligibility.showRest', { count: rest.length }),
  };
}

export function buildEligibilityCard(
  data: EligibilityCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const view = {
    l: labels(locale, {
      title: 'eligibility.title',
      training: 'eligibility.training',
      competencies: 'eligibility.competencies',
      noCompetencies: 'eligibility.noCompetencies',
      offerings: 'eligibility.offerings',
      myAssessments: 'eligibility.myAssessments',
      recordTraining: 'eligibility.recordTraining',
      addCompetency: 'eligibility.addCompetency',
      recordAssessment: 'eligibility.recordAssessment',
      trainingDate: 'eligibility.trainingDate',
      competencyName: 'eligibility.competencyName',
      level: 'eligibility.level',
      validUntil: 'eligibility.validUntil',
      assessmentName: 'eligibility.assessmentName',
      assessmentCompetency: 'eligibility.assessmentCompetency',
      completedOn: 'eligibility.completedOn',
      save: 'common.save',
      dateError: 'common.dateError',
      requiredError: 'common.requiredError',
      trainingLink: 'link.training',
      deliverNow: 'eligibility.deliverNow',
      nothingYet: 'eligibility.nothingYet',
      oneStep: 'eligibility.oneStep',
    }),
    etag: data.etag,
    today: data.today,
    training: data.trainingCompletedOn
      ? t(locale, 'eligibility.trainingDone', { date: formatDate(locale, data.trainingCompletedOn) })
      : t(locale, 'eligibility.trainingMissing'),
    trainingValue: data.trainingCompletedOn ?? '',
    competencies: data.competencies.map((c) => ({
      text: t(locale, c.expired ? 'eligibility.competencyExpired' : 'eligibility.competency', {
        name: c.name,
        level: c.level,
        date: formatDate(locale, c.validUntil),
      }),
      color: c.expired ? 'attention' : 'default',
    })),
    ...sections(locale, data.offerings),
    competencyChoices: data.competencyChoices.map((c) => ({ title: c, value: c })),
    canEdit: data.canEdit,
    canRecordAssessment: data.canRecordAssessment,
    myAssessments: (data.myAssessments ?? []).map((a) =>
      t(locale, 'eligibility.assessment', {
        name: a.name,
        competency: a.competency,
        date: formatDate(locale, a.completedOn),
      }),
    ),
    links: LINKS,
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'nav.eligibility', data: {} },
  });
}
