// Welcome / "what's next": where the organisation stands on steps 1–3 and the next concrete actions.
import { formatDate, isNextActionId, nextActionMessage, t, type Locale, type MessageKey } from '../bot/i18n';
import { dateWithRelative } from './common';
import { targetFor } from './next-action-targets';
import { expand, finish, labels } from './render';
import { AUTOMATIC_LOCALE, languageChoices } from './settings';
import template from './templates/welcome.json';
import type { AdaptiveCard, CardElement, CardOptions } from './types';
import type { CardVerb } from './verbs';

export type StepStatus = 'NotStarted' | 'InProgress' | 'Met' | 'Attention';

export interface NextActionView {
  /** A NextActionId of the program ("voucher.reserve"). */
  id: string;
  /** Raw values (ids, ISO dates, numbers); `voucherId`/`offeringId` also feed the button. */
  params?: Record<string, unknown>;
  dueDate?: string;
  overdue?: boolean;
}

/** The language picker of a first welcome (settings.save with only the language). */
export interface WelcomeLanguageView {
  /** The organisation's ETag (settings.save checks it only when the program channel changes). */
  etag: string;
  /** The person's own settings revision, which settings.save checks for language and time zone. */
  settingsEtag: string;
  /** The reader's override; absent = automatic. */
  localeOverride?: Locale;
  /** What automatic resolves to (the Teams locale). */
  detectedLocale: Locale;
}

export interface WelcomeCardData {
  userName?: string;
  /** Show the one-paragraph introduction (first contact, install). */
  firstRun?: boolean;
  partner: 'new' | 'existing';
  setup: { eligibility: StepStatus; enrollment: StepStatus; profile: StepStatus };
  /** Earliest enrolment renewal due date, if enrolled. */
  renewalDueOn?: string;
  /** The organisation's today (YYYY-MM-DD), for "in 30 days". */
  today: string;
  nextActions: NextActionView[];
  /**
   * Offer the language right away, with the current choice selected. Install events often carry no locale,
   * so a first welcome may be in English for a Portuguese or Spanish team.
   */
  language?: WelcomeLanguageView;
}

/** At most this many actions: the card is a summary, the list lives in the tab. */
const MAX_ACTIONS = 8;

const STATUS_COLOR: Record<StepStatus, string> = {
  NotStarted: 'attention',
  InProgress: 'warning',
  Met: 'good',
  Attention: 'warning',
};
const STATUS_KEY = {
  NotStarted: 'status.NotStarted',
  InProgress: 'status.InProgress',
  Met: 'status.Met',
  Attention: 'status.Attention',
} as const;

type NextRow = ReturnType<typeof nextActionRows>[number];

/** Each next action's words, due date and button target, at most MAX_ACTIONS. */
function nextActionRows(data: WelcomeCardData, locale: Locale) {
  return data.nextActions
    .filter((a) => isNextActionId(a.id))
    .slice(0, MAX_ACTIONS)
    .map((a) => {
      const id = a.id as Parameters<typeof nextActionMessage>[1]['id'];
      const target = targetFor(a.id, a.params);
      let due = '';
      if (a.dueDate) {
        due = a.overdue
          ? t(locale, 'common.overdue', { date: formatDate(locale, a.dueDate) })
          : t(locale, 'common.dueRelative', dateWithRelative(locale, a.dueDate, data.today));
      }
      return {
        text: nextActionMessage(locale, { id, params: a.params }),
        due,
        dueColor: a.overdue ? 'attention' : 'default',
        ...target,
      };
    });
}

// The rows are built here rather than repeated by the template engine ($data): same elements, a fraction
// of the CPU (the engine evaluates every binding of every row through adaptive-expressions).
function openButton(open: string, verb: string, actionData: unknown): CardElement {
  return {
    type: 'ActionSet',
    actions: [{ type: 'Action.Execute', title: open, verb, data: actionData, associatedInputs: 'none' }],
  };
}

function setupRows(data: WelcomeCardData, locale: Locale, open: string): CardElement[] {
  // An enrolment in force is "Active", as the tab says; other steps are "Met".
  const step = (label: string, status: StepStatus, verb: CardVerb, met: MessageKey = STATUS_KEY.Met) => ({
    label,
    status: t(locale, status === 'Met' ? met : STATUS_KEY[status]),
    color: STATUS_COLOR[status],
    verb,
  });
  const setup = [
    step(t(locale, 'welcome.step1'), data.setup.eligibility, 'nav.eligibility'),
    step(t(locale, 'welcome.step2'), data.setup.enrollment, 'nav.enrollment', 'enrollment.active'),
    step(t(locale, 'welcome.step3'), data.setup.profile, 'nav.profile'),
  ];
  return setup.map((s) => ({
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: s.label, wrap: true }] },
      {
        type: 'Column',
        width: 'auto',
        items: [{ type: 'TextBlock', text: s.status, color: s.color, wrap: true }],
      },
      { type: 'Column', width: 'auto', items: [openButton(open, s.verb, {})] },
    ],
  }));
}

function nextRowElement(n: NextRow, open: string): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          { type: 'TextBlock', text: n.text, wrap: true },
          ...(n.due !== ''
            ? [
                {
                  type: 'TextBlock',
                  text: n.due,
                  wrap: true,
                  size: 'small',
                  spacing: 'none',
                  color: n.dueColor,
                },
              ]
            : []),
        ],
      },
      { type: 'Column', width: 'auto', items: [openButton(open, n.verb, n.data)] },
    ],
  };
}

export function buildWelcomeCard(data: WelcomeCardData, locale: Locale, options?: CardOptions): AdaptiveCard {
  const next = nextActionRows(data, locale);
  const open = t(locale, 'common.open');
  const view = {
    l: labels(locale, {
      title: 'welcome.title',
      intro: 'welcome.intro',
      newPartner: 'welcome.newPartner',
      setupTitle: 'welcome.setupTitle',
      nextTitle: 'welcome.nextTitle',
      nothingNext: 'welcome.nothingNext',
      vouchers: 'welcome.vouchers',
      newVoucher: 'welcome.newVoucher',
      help: 'welcome.help',
      language: 'settings.language',
      save: 'common.save',
    }),
    greeting: data.userName ? t(locale, 'welcome.greeting', { name: data.userName }) : '',
    firstRun: data.firstRun === true,
    newPartner: data.partner === 'new',
    setupRows: setupRows(data, locale, open),
    renewal: data.renewalDueOn
      ? t(locale, 'welcome.renewal', dateWithRelative(locale, data.renewalDueOn, data.today))
      : '',
    next,
    nextRows: next.map((n) => nextRowElement(n, open)),
    language: data.language
      ? {
          show: true,
          etag: data.language.etag,
          settingsEtag: data.language.settingsEtag,
          value: data.language.localeOverride ?? AUTOMATIC_LOCALE,
          choices: languageChoices(locale, data.language.detectedLocale),
        }
      : { show: false },
  };
  return finish(expand(template, view), {
    locale,
    options,
    refreshAction: { verb: 'nav.whatsNext', data: {} },
  });
}
