// Steps 1–3 of the program (eligibility, enrollment, business profile), each with its status and next step.
import type { SetupView } from '../../../bot/api/view-model';
import { h } from '../dom';
import type { Translator } from '../i18n';
import { cardSection } from './card-section';

type Tone = 'ok' | 'warn' | 'bad' | 'todo';

function step(title: string, status: string, tone: Tone, lines: (string | Node | null)[]): HTMLElement {
  return h(
    'li',
    { class: `step tone-${tone}` },
    h('h3', {}, title),
    h('p', { class: 'status' }, h('span', { class: `dot ${tone}`, 'aria-hidden': 'true' }), status),
    ...lines.map((l) => (l === null ? null : h('p', {}, l))),
  );
}

function eligibilityStep(tr: Translator, e: SetupView['eligibility']): HTMLElement {
  const { t, date } = tr;
  const tone: Tone = e.status === 'met' ? 'ok' : e.status === 'inProgress' ? 'warn' : 'todo';
  return step(t('step1'), tr.lookup(`elig_${e.status}`), tone, [
    e.trainingCompletedOn ? t('eligTraining', { date: date(e.trainingCompletedOn) }) : t('eligNoTraining'),
    e.offeringsMet.length > 0 ? t('eligMetFor', { list: e.offeringsMet.join(', ') }) : t('eligNextStep'),
  ]);
}

const ENROLLMENT_TONES: Record<SetupView['enrollment']['status'], Tone> = {
  active: 'ok',
  renewalDue: 'warn',
  lapsed: 'bad',
  notStarted: 'todo',
};

function renewalCountdown(tr: Translator, e: SetupView['enrollment'], tone: Tone): HTMLElement | null {
  const next = e.nextRenewal;
  if (!next) return null;
  const overdue = next.daysLeft < 0;
  return h(
    'p',
    { class: `countdown ${overdue ? 'bad' : tone}`, id: 'renewal-countdown' },
    h(
      'strong',
      {},
      overdue
        ? tr.t('renewalOverdue', { days: -next.daysLeft })
        : tr.t('renewalCountdown', { days: next.daysLeft }),
    ),
  );
}

function enrollmentStep(tr: Translator, e: SetupView['enrollment']): HTMLElement {
  const { t, date } = tr;
  const tone = ENROLLMENT_TONES[e.status];
  return step(t('step2'), tr.lookup(`enr_${e.status}`), tone, [
    renewalCountdown(tr, e, tone),
    ...e.offerings.map((o) =>
      t('renewIn', { offering: o.offering, relative: tr.relativeDays(o.daysLeft), date: date(o.renewalDue) }),
    ),
    e.offerings.length === 0 ? t('enrNextStep') : null,
  ]);
}

function profileStep(tr: Translator, p: SetupView['profile']): HTMLElement {
  const { t, date } = tr;
  const tone: Tone = p.status === 'current' ? 'ok' : p.status === 'stale' ? 'bad' : 'todo';
  return step(t('step3'), tr.lookup(`prof_${p.status}`), tone, [
    p.lastUpdatedOn ? t('profUpdated', { date: date(p.lastUpdatedOn), due: date(p.staleOn) }) : null,
    p.status !== 'current' ? t('profNextStep') : null,
  ]);
}

export function renderSetupSteps(tr: Translator, setup: SetupView): HTMLElement {
  return cardSection(
    'setup',
    tr.t('setupHeading'),
    h(
      'ol',
      { class: 'steps' },
      eligibilityStep(tr, setup.eligibility),
      enrollmentStep(tr, setup.enrollment),
      profileStep(tr, setup.profile),
    ),
  );
}
