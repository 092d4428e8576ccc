// Step 6: the completion report — actual dates, days delivered, deliverables (type + reference), each
// consultant with the assessment that qualifies them, the customer contact who accepted, a summary.
import { t, type Locale } from '../bot/i18n';
import { NOT_SET, summaryFacts } from './common';
import { expand, finish, labels } from './render';
import template from './templates/completion-report.json';
import type { AdaptiveCard, CardOptions, VoucherSummary } from './types';

/** Deliverable kinds offered in the picker; the value is stored, the words are per language. */
export const DELIVERABLE_TYPES = [
  'architecture',
  'deploymentPlan',
  'proofOfConcept',
  'assessment',
  'roadmap',
  'other',
] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/** Three rows cover nearly every engagement; an Adaptive Card cannot add rows on the client. */
export const DELIVERABLE_ROWS = 3;

export interface ReportConsultantView {
  userId: string;
  name: string;
  /** Assessments of this consultant that qualify for the engagement's competency. */
  qualifyingAssessments: Array<{ assessmentId: string; name: string }>;
}

export interface CompletionReportValues {
  actualStart?: string;
  actualEnd?: string;
  daysDelivered?: number;
  deliverables?: Array<{ type: string; reference: string }>;
  /** userId → chosen assessmentId (NOT_SET = did not deliver). */
  assessments?: Record<string, string>;
  contactName?: string;
  contactEmail?: string;
  summary?: string;
}

export interface CompletionReportCardData {
  voucherId: string;
  etag: string;
  today: string;
  voucher: VoucherSummary;
  consultants: ReportConsultantView[];
  values?: CompletionReportValues;
}

/** Input id of a consultant's assessment picker (the router reads `assessment-<userId>`). */
export function consultantInputId(userId: string): string {
  return `assessment-${userId}`;
}

export function buildCompletionReportCard(
  data: CompletionReportCardData,
  locale: Locale,
  options?: CardOptions,
): AdaptiveCard {
  const v = data.values ?? {};
  const typeKeys = {
    architecture: 'deliverable.architecture',
    deploymentPlan: 'deliverable.deploymentPlan',
    proofOfConcept: 'deliverable.proofOfConcept',
    assessment: 'deliverable.assessment',
    roadmap: 'deliverable.roadmap',
    other: 'deliverable.other',
  } as const;
  const deliverables = Array.from({ length: DELIVERABLE_ROWS }, (_, i) => ({
    index: i + 1,
    typeLabel: t(locale, 'report.deliverableType', { index: i + 1 }),
    referenceLabel: t(locale, 'report.deliverableReference', { index: i + 1 }),
    // The first deliverable is required (the report guard needs at least one); the others are optional.
    required: i === 0,
    type: v.deliverables?.[i]?.type ?? '',
    reference: v.deliverables?.[i]?.reference ?? '',
  }));
  const consultants = data.consultants.map((c) => {
    const first = c.qualifyingAssessments[0]?.assessmentId ?? NOT_SET;
    return {
      inputId: consultantInputId(c.userId),
      label: t(locale, 'report.consultantAssessment', { name: c.name }),
      value: v.assessments?.[c.userId] ?? first,
      choices: [
        ...c.qualifyingAssessments.map((a) => ({ title: a.name, value: a.assessmentId })),
        { title: t(locale, 'report.notDelivered'), value: NOT_SET },
      ],
      warning: c.qualifyingAssessments.length === 0 ? t(locale, 'report.noAssessment', { name: c.name }) : '',
    };
  });
  const view = {
    l: labels(locale, {
      title: 'report.title',
      intro: 'report.intro',
      actualStart: 'report.actualStart',
      actualEnd: 'report.actualEnd',
      daysDelivered: 'report.daysDelivered',
      deliverables: 'report.deliverables',
      consultants: 'report.consultants',
      contactName: 'report.contactName',
      contactEmail: 'report.contactEmail',
      summary: 'report.summary',
      submit: 'report.submit',
      requiredError: 'common.requiredError',
      dateError: 'common.dateError',
      emailError: 'intake.emailError',
      back: 'common.back',
    }),
    voucherId: data.voucherId,
    etag: data.etag,
    today: data.today,
    facts: summaryFacts(locale, data.voucher),
    maxDays: data.voucher.days,
    daysError: t(locale, 'report.daysError', { max: data.voucher.days }),
    deliverableTypes: DELIVERABLE_TYPES.map((type) => ({ title: t(locale, typeKeys[type]), value: type })),
    deliverables,
    consultants,
    values: {
      actualStart: v.actualStart ?? '',
      actualEnd: v.actualEnd ?? '',
      daysDelivered: v.daysDelivered ?? data.voucher.days,
      contactName: v.contactName ?? '',
      contactEmail: v.contactEmail ?? '',
      summary: v.summary ?? '',
    },
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'report.submit', data: { voucherId: data.voucherId, step: 'open' } },
  });
}
