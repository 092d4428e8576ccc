// Domain documents → cards, in the reader's language. Every card carries ids, the step and the ETag it was
// rendered from — never business data — and offers the next concrete action as a button.
import { findEngagement, findOffering } from '../program/rules';
import { eligibility } from '../program/eligibility';
import { enrollmentRenewalDue, isEnrollmentLapsed, voucherExpiryDate, businessProfileDue } from '../program/deadlines';
import { allowedCommands } from '../program/transitions';
import { findPerson, holderIds, rolesOf } from '../program/roles';
import type { NextAction, Organization, Refusal, Role, Rules, Voucher } from '../program/model';
import {
  SUPPORTED_LOCALES,
  daysBetween,
  formatCountry,
  formatDate,
  formatDateTime,
  formatMoney,
  formatRelativeDays,
  nextActionMessage,
  refusalMessage,
  roleLabel,
  stateLabel,
  t,
  auditActionLabel,
  type Locale,
  type MessageKey,
} from '../i18n';
import { buildCard, type Button, type Card, type Field, type Tone } from './card';
import { organizationNextActions, organizationToday, voucherNextAction } from './next';
import type { TurnScope } from './scope';
import type { FieldErrors } from './verbs/inputs';
import type { Stored } from '../store';

export interface ViewEnv {
  scope: TurnScope;
  rules: Rules;
  now: Date;
  defaultTimeZone: string;
}

/** What a card shows besides the document: a banner, errors under fields, what the person typed. */
export interface Extras {
  notice?: { text: string; tone: Tone; details?: string[] };
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

export const VOUCHER_STEPS = ['detail', 'reserve', 'cancel', 'report', 'redeem', 'payment', 'outcome'] as const;
export type VoucherStep = (typeof VOUCHER_STEPS)[number];

const PARTNER_CENTER = 'https://partner.microsoft.com/dashboard/home';
const PC_VOUCHERS = 'https://partner.microsoft.com/dashboard/incentives/planning-services';
const PC_PROFILE = 'https://partner.microsoft.com/dashboard/account/v3/organization/profile';
const SAVB = 'https://www.mssapayment.com/';

function today(env: ViewEnv): string {
  return organizationToday(env.scope.org.doc, env.now, env.defaultTimeZone);
}

function L(env: ViewEnv): Locale {
  return env.scope.locale;
}

function date(env: ViewEnv, iso: string | undefined): string {
  return iso ? formatDate(L(env), iso, env.scope.timeZone) : t(L(env), 'common.notSet');
}

function relative(env: ViewEnv, iso: string): string {
  return formatRelativeDays(L(env), daysBetween(today(env), iso));
}

function str(values: Record<string, unknown> | undefined, key: string, fallback?: string): string | undefined {
  const v = values?.[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return fallback;
}

function field(extras: Extras, f: Field, fallback?: string): Field {
  const value = str(extras.values, f.id, fallback);
  return { ...f, ...(value !== undefined ? { value } : {}), ...(extras.errors?.[f.id] ? { error: extras.errors[f.id] } : {}) };
}

function formNotice(env: ViewEnv, extras: Extras): Extras['notice'] {
  if (extras.notice) return extras.notice;
  const unplaced = extras.errors?.form;
  return unplaced ? { text: t(L(env), 'notice.refusedTitle'), tone: 'attention', details: [unplaced] } : undefined;
}

/** People who see a role-specific version: everybody known to the organisation (Teams allows 60). */
function refreshUsers(org: Organization): string[] {
  const holders = holderIds(org, ['globalAdmin', 'mpnPartnerAdmin', 'consultant']);
  return [...new Set([...holders, ...org.people.map((p) => p.userId)])].slice(0, 60);
}

function personName(org: Organization, userId: string): string {
  const p = findPerson(org, userId);
  return p?.name || userId;
}

export function offeringName(rules: Rules, offeringId: string): string {
  const o = findOffering(rules, offeringId);
  return o ? `${o.id} — ${o.name}` : offeringId;
}

// ---------------------------------------------------------------------------------------------------------
// What's next / welcome / status

function actionButton(env: ViewEnv, a: NextAction): Button | undefined {
  const org = env.scope.org;
  const voucherId = typeof a.params.voucherId === 'string' ? a.params.voucherId : undefined;
  const title = t(L(env), 'common.open');
  switch (a.id) {
    case 'role.claimGlobalAdmin':
      return { title: t(L(env), 'people.claim'), verb: 'role.claimGlobalAdmin', data: { etag: org.etag } };
    case 'role.assignPartnerAdmin':
      return { title: t(L(env), 'people.assign'), verb: 'people.show', data: {} };
    case 'eligibility.completeTraining':
    case 'eligibility.recordCompetency':
    case 'eligibility.renewCompetency':
      return { title: t(L(env), 'eligibility.title'), verb: 'eligibility.show', data: {} };
    case 'enrollment.enroll':
    case 'enrollment.renew':
    case 'savb.register':
      return { title: t(L(env), 'enrollment.title'), verb: 'enrollment.show', data: {} };
    case 'businessProfile.update':
      return { title: t(L(env), 'profile.title'), verb: 'profile.show', data: {} };
    case 'voucher.intake':
      return { title: t(L(env), 'welcome.newVoucher'), verb: 'intake.start', data: {} };
    default: {
      if (!voucherId) return undefined;
      const step: VoucherStep =
        a.id === 'voucher.reserve'
          ? 'reserve'
          : a.id === 'report.submit'
            ? 'report'
            : a.id === 'voucher.redeem'
              ? 'redeem'
              : a.id === 'payment.request'
                ? 'payment'
                : a.id === 'payment.awaitApproval' || a.id === 'payment.awaitPayment' || a.id === 'payment.followUp'
                  ? 'outcome'
                  : 'detail';
      return { title, verb: 'voucher.show', data: { voucherId, step } };
    }
  }
}

function actionLine(env: ViewEnv, a: NextAction): string {
  const text = nextActionMessage(L(env), a, env.scope.timeZone);
  if (!a.dueDate) return text;
  const due = a.overdue
    ? t(L(env), 'common.overdue', { date: date(env, a.dueDate) })
    : t(L(env), 'common.dueRelative', { date: date(env, a.dueDate), relative: relative(env, a.dueDate) });
  return `${text} (${due})`;
}

export interface NextOptions {
  greeting?: boolean;
  /** Counts per state (status). */
  pipeline?: boolean;
  extras?: Extras;
}

export function nextCard(env: ViewEnv, vouchers: readonly Voucher[], options: NextOptions = {}): Card {
  const org = env.scope.org.doc;
  const loc = L(env);
  const next = organizationNextActions(org, vouchers, env.rules, today(env));
  const mine = rolesOf(org, env.scope.userId);
  const paragraphs: string[] = [];
  if (options.greeting) {
    paragraphs.push(t(loc, 'welcome.greeting', { name: env.scope.name || personName(org, env.scope.userId) }), t(loc, 'welcome.intro'));
  }
  if (next.partner === 'new') paragraphs.push(t(loc, 'welcome.newPartner'));
  const setup = setupLines(env);
  const sections = [{ title: t(loc, 'welcome.setupTitle'), lines: setup }];
  const lines = next.actions.slice(0, 8).map((a) => `${a.step}. ${actionLine(env, a)}`);
  sections.push({ title: t(loc, 'welcome.nextTitle'), lines: lines.length > 0 ? lines : [t(loc, 'welcome.nothingNext')] });
  if (options.pipeline) {
    const counts = new Map<string, number>();
    for (const v of vouchers) counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
    sections.push({
      title: t(loc, 'welcome.vouchers'),
      lines: counts.size > 0 ? [...counts.entries()].map(([s, n]) => `${stateLabel(loc, s)}: ${n}`) : [t(loc, 'list.empty')],
    });
  }
  const buttons: Button[] = [];
  // The first actions this person can do themselves, then the general ones.
  for (const a of next.actions) {
    if (buttons.length >= 2) break;
    if (!a.roles.some((r) => mine.includes(r)) && !mine.includes('globalAdmin')) continue;
    const b = actionButton(env, a);
    if (b && !buttons.some((x) => x.verb === b.verb && JSON.stringify(x.data) === JSON.stringify(b.data))) buttons.push(b);
  }
  buttons.push({ title: t(loc, 'welcome.vouchers'), verb: 'voucher.list', data: { page: 1 } });
  buttons.push({ title: t(loc, 'welcome.help'), verb: 'help.show', data: {} });
  const fields: Field[] = [];
  if (options.greeting) {
    // Install events often carry no locale: offer the language switch right away.
    fields.push(languageField(env, options.extras ?? {}));
    buttons.push({ title: t(loc, 'common.save'), verb: 'settings.update', data: { etag: env.scope.org.etag, from: 'next' } });
  }
  return buildCard({
    title: t(loc, 'welcome.title'),
    notice: options.extras?.notice,
    paragraphs,
    sections,
    fields,
    buttons,
    refresh: { verb: 'next.show', data: {}, userIds: refreshUsers(org) },
  });
}

function setupLines(env: ViewEnv): string[] {
  const org = env.scope.org.doc;
  const loc = L(env);
  const d = today(env);
  const elig = eligibility(org, env.rules, d);
  const met = elig.some((o) => o.status === 'Met') ? 'Met' : elig.some((o) => o.status === 'InProgress') ? 'InProgress' : 'NotStarted';
  const enrolled = org.enrollments.filter((e) => !isEnrollmentLapsed(e, env.rules, d));
  const profileDue = businessProfileDue(org, env.rules);
  const statusWord = (s: string) => t(loc, `status.${s}` as MessageKey);
  const lines = [
    `${t(loc, 'welcome.step1')}: ${statusWord(met)}`,
    `${t(loc, 'welcome.step2')}: ${statusWord(enrolled.length > 0 ? 'Met' : org.enrollments.length > 0 ? 'Attention' : 'NotStarted')}`,
    `${t(loc, 'welcome.step3')}: ${statusWord(!profileDue ? 'NotStarted' : profileDue > d ? 'Met' : 'Attention')}`,
  ];
  const renewals = org.enrollments.map((e) => enrollmentRenewalDue(e, env.rules)).sort();
  if (renewals[0]) lines.push(t(loc, 'welcome.renewal', { date: date(env, renewals[0]), relative: relative(env, renewals[0]) }));
  return lines;
}

export function helpCard(env: ViewEnv, lead?: string): Card {
  const loc = L(env);
  const keys: MessageKey[] = [
    'help.cmd.next',
    'help.cmd.vouchers',
    'help.cmd.voucher',
    'help.cmd.eligibility',
    'help.cmd.enrollment',
    'help.cmd.profile',
    'help.cmd.people',
    'help.cmd.settings',
  ];
  return buildCard({
    title: t(loc, 'help.title'),
    notice: lead ? { text: lead, tone: 'default' } : undefined,
    paragraphs: [t(loc, 'help.intro')],
    sections: [
      { title: t(loc, 'help.commandsTitle'), lines: keys.map((k) => t(loc, k)) },
      { title: t(loc, 'help.stepsTitle'), lines: [t(loc, 'help.steps')] },
    ],
    buttons: [
      { title: t(loc, 'welcome.title'), verb: 'next.show', data: {} },
      { title: t(loc, 'welcome.newVoucher'), verb: 'intake.start', data: {} },
      { title: t(loc, 'settings.title'), verb: 'settings.show', data: {} },
    ],
  });
}

/** A plain message with the way forward (not found, unknown action, no tenant). */
export function messageCard(locale: Locale, title: string, text: string, buttons: Button[] = []): Card {
  return buildCard({ title, notice: { text, tone: 'attention' }, buttons });
}

// ---------------------------------------------------------------------------------------------------------
// Steps 1–3

export function eligibilityCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const loc = L(env);
  const d = today(env);
  const training = org.complianceTraining
    ? t(loc, 'eligibility.trainingDone', { date: date(env, org.complianceTraining.completedOn) })
    : t(loc, 'eligibility.trainingMissing');
  const comps = org.competencies.map((c) =>
    c.validUntil >= d
      ? t(loc, 'eligibility.competency', { name: c.name, level: c.level, date: date(env, c.validUntil) })
      : t(loc, 'eligibility.competencyExpired', { name: c.name, level: c.level, date: date(env, c.validUntil) }),
  );
  const offerings = eligibility(org, env.rules, d).map(
    (o) => `${offeringName(env.rules, o.offeringId)}: ${t(loc, `status.${o.status}` as MessageKey)}`,
  );
  const me = findPerson(org, env.scope.userId);
  const competencyChoices = [...new Set(env.rules.catalogue.offerings.flatMap((o) => o.engagements.flatMap((e) => e.requiredCompetencies.map((c) => c.name))))]
    .sort()
    .map((n) => ({ title: n, value: n }));
  const fields: Field[] = [
    field(extras, { id: 'completedOn', label: t(loc, 'eligibility.trainingDate'), kind: 'date' }),
    field(extras, { id: 'name', label: t(loc, 'eligibility.competencyName'), kind: 'choice', choices: competencyChoices }),
    field(extras, { id: 'level', label: t(loc, 'eligibility.level'), kind: 'choice', choices: [{ title: 'Silver', value: 'Silver' }, { title: 'Gold', value: 'Gold' }] }),
    field(extras, { id: 'validUntil', label: t(loc, 'eligibility.validUntil'), kind: 'date' }),
  ];
  const sections = [
    { title: t(loc, 'eligibility.training'), lines: [training] },
    { title: t(loc, 'eligibility.competencies'), lines: comps.length > 0 ? comps : [t(loc, 'eligibility.noCompetencies')] },
    { title: t(loc, 'eligibility.offerings'), lines: offerings },
  ];
  if (me?.roles.includes('consultant')) {
    sections.push({
      title: t(loc, 'eligibility.myAssessments'),
      lines: me.assessments.map((a) => t(loc, 'eligibility.assessment', { name: a.name, competency: a.competency, date: date(env, a.completedOn) })),
    });
    fields.push(
      field(extras, { id: 'assessmentName', label: t(loc, 'eligibility.assessmentName'), kind: 'text', maxLength: 200 }),
      field(extras, { id: 'competency', label: t(loc, 'eligibility.assessmentCompetency'), kind: 'choice', choices: competencyChoices }),
      field(extras, { id: 'assessmentCompletedOn', label: t(loc, 'eligibility.completedOn'), kind: 'date' }),
    );
  }
  const data = { etag: env.scope.org.etag };
  return buildCard({
    title: t(loc, 'eligibility.title'),
    notice: formNotice(env, extras),
    sections,
    fields,
    buttons: [
      { title: t(loc, 'eligibility.recordTraining'), verb: 'eligibility.recordTraining', data },
      { title: t(loc, 'eligibility.addCompetency'), verb: 'eligibility.recordCompetency', data },
      ...(me?.roles.includes('consultant') ? [{ title: t(loc, 'eligibility.recordAssessment'), verb: 'consultant.recordAssessment', data }] : []),
    ],
    links: [{ title: t(loc, 'link.partnerCenter'), url: PARTNER_CENTER }],
    refresh: { verb: 'eligibility.show', data: {}, userIds: refreshUsers(org) },
  });
}

export function enrollmentCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const loc = L(env);
  const d = today(env);
  const lines = org.enrollments.map((e) => {
    const due = enrollmentRenewalDue(e, env.rules);
    const status = isEnrollmentLapsed(e, env.rules, d)
      ? t(loc, 'enrollment.lapsed')
      : t(loc, 'enrollment.renewal', { date: date(env, due), relative: relative(env, due) });
    const savb = org.savbRegistrations.find((r) => r.offeringId === e.offeringId);
    return [
      `${offeringName(env.rules, e.offeringId)} · ${t(loc, 'enrollment.enrolledOn', { date: date(env, e.enrolledOn) })} · ${status}`,
      t(loc, 'enrollment.locations', { locations: e.approvedLocations.map((l) => `${l.name} (${formatCountry(loc, l.country)})`).join(', ') }),
      savb ? t(loc, 'enrollment.savbDone', { date: date(env, savb.registeredOn) }) : t(loc, 'enrollment.savbNeeded'),
    ].join('\n\n');
  });
  const offeringChoices = env.rules.catalogue.offerings.map((o) => ({ title: `${o.id} — ${o.name}`, value: o.id }));
  const data = { etag: env.scope.org.etag };
  return buildCard({
    title: t(loc, 'enrollment.title'),
    notice: formNotice(env, extras),
    paragraphs: [t(loc, 'enrollment.intro')],
    sections: [{ title: t(loc, 'enrollment.title'), lines: lines.length > 0 ? lines : [t(loc, 'enrollment.notEnrolled')] }],
    fields: [
      field(extras, { id: 'offeringId', label: t(loc, 'enrollment.offering'), kind: 'choice', choices: offeringChoices }),
      field(extras, { id: 'agreementSignedOn', label: t(loc, 'enrollment.agreementDate'), kind: 'date' }),
      field(extras, { id: 'enrolledOn', label: t(loc, 'enrollment.date'), kind: 'date' }),
      field(extras, { id: 'locationName', label: t(loc, 'enrollment.locationName'), kind: 'text', maxLength: 200 }),
      field(extras, { id: 'countries', label: t(loc, 'enrollment.countries'), kind: 'text', maxLength: 200, placeholder: 'BR, PT' }),
    ],
    buttons: [
      { title: t(loc, 'enrollment.record'), verb: 'enrollment.enroll', data },
      { title: t(loc, 'enrollment.renew'), verb: 'enrollment.renew', data },
      { title: t(loc, 'enrollment.recordSavb'), verb: 'savb.register', data },
    ],
    links: [
      { title: t(loc, 'link.partnerCenterEnrollment'), url: PC_VOUCHERS },
      { title: t(loc, 'link.savb'), url: SAVB },
    ],
    refresh: { verb: 'enrollment.show', data: {}, userIds: refreshUsers(org) },
  });
}

export function profileCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const loc = L(env);
  const last = org.businessProfile?.lastUpdatedOn;
  const due = businessProfileDue(org, env.rules);
  const lines = last ? [t(loc, 'profile.lastUpdated', { date: date(env, last), relative: relative(env, last) })] : [t(loc, 'profile.never')];
  if (due && due <= today(env)) lines.push(t(loc, 'profile.stale'));
  return buildCard({
    title: t(loc, 'profile.title'),
    notice: formNotice(env, extras),
    paragraphs: [t(loc, 'profile.intro'), ...lines],
    fields: [field(extras, { id: 'updatedOn', label: t(loc, 'profile.updatedOn'), kind: 'date' }, today(env))],
    buttons: [{ title: t(loc, 'profile.record'), verb: 'businessProfile.update', data: { etag: env.scope.org.etag } }],
    links: [{ title: t(loc, 'link.partnerCenterProfile'), url: PC_PROFILE }],
    refresh: { verb: 'profile.show', data: {}, userIds: refreshUsers(org) },
  });
}

// ---------------------------------------------------------------------------------------------------------
// People, settings

export function peopleCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const loc = L(env);
  const lines = org.people.slice(0, 30).map((p) => {
    const roles = p.roles.filter((r) => r !== 'member');
    return `${p.name || p.userId}: ${roles.length > 0 ? roles.map((r) => roleLabel(loc, r)).join(', ') : t(loc, 'people.noRoles')}`;
  });
  if (org.people.length > 30) lines.push(t(loc, 'people.more', { count: org.people.length - 30 }));
  const noAdmin = holderIds(org, ['globalAdmin']).length === 0;
  const data = { etag: env.scope.org.etag };
  const roles: Role[] = ['globalAdmin', 'mpnPartnerAdmin', 'consultant'];
  return buildCard({
    title: t(loc, 'people.title'),
    notice: formNotice(env, extras) ?? (noAdmin ? { text: t(loc, 'people.noGlobalAdmin'), tone: 'warning' } : undefined),
    sections: [{ title: t(loc, 'people.title'), lines }],
    fields: [
      field(extras, { id: 'userId', label: t(loc, 'people.person'), kind: 'choice', choices: org.people.map((p) => ({ title: p.name || p.userId, value: p.userId })) }),
      field(extras, { id: 'role', label: t(loc, 'people.role'), kind: 'choice', choices: roles.map((r) => ({ title: roleLabel(loc, r), value: r })) }),
    ],
    buttons: [
      ...(noAdmin ? [{ title: t(loc, 'people.claim'), verb: 'role.claimGlobalAdmin', data }] : []),
      { title: t(loc, 'people.assign'), verb: 'role.assign', data },
      { title: t(loc, 'people.remove'), verb: 'role.remove', data },
    ],
    refresh: { verb: 'people.show', data: {}, userIds: refreshUsers(org) },
  });
}

function languageField(env: ViewEnv, extras: Extras): Field {
  const person = findPerson(env.scope.org.doc, env.scope.userId);
  return field(
    extras,
    {
      id: 'locale',
      label: t(L(env), 'settings.language'),
      kind: 'choice',
      choices: SUPPORTED_LOCALES.map((l) => ({ title: t(L(env), `settings.lang.${l}` as MessageKey), value: l })),
    },
    person?.settings.locale ?? env.scope.locale,
  );
}

export function settingsCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const loc = L(env);
  const person = findPerson(org, env.scope.userId);
  const channel = org.programChannel ? (org.programChannel.name ?? org.programChannel.channelId) : t(loc, 'settings.noChannel');
  return buildCard({
    title: t(loc, 'settings.title'),
    notice: formNotice(env, extras),
    facts: [[t(loc, 'settings.channel'), channel]],
    paragraphs: [t(loc, 'settings.channelHint')],
    fields: [
      languageField(env, extras),
      field(extras, { id: 'timeZone', label: t(loc, 'settings.timeZone'), kind: 'text', maxLength: 64, placeholder: 'America/Sao_Paulo' }, person?.settings.timeZone ?? env.scope.timeZone),
    ],
    buttons: [
      { title: t(loc, 'common.save'), verb: 'settings.update', data: { etag: env.scope.org.etag, from: 'settings' } },
      ...(env.scope.conversation === 'channel'
        ? [{ title: t(loc, 'settings.channel'), verb: 'settings.setProgramChannel', data: { etag: env.scope.org.etag } }]
        : []),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Step 4: intake

export interface IntakeDraft {
  voucherNumber?: string;
  customerName?: string;
  offeringId?: string;
  days?: number;
  voucherAdminEmail?: string;
  expiresOn?: string;
  fromEmail: boolean;
}

export function intakeCard(env: ViewEnv, draft: IntakeDraft, extras: Extras = {}): Card {
  const loc = L(env);
  const offeringChoices = env.rules.catalogue.offerings.map((o) => ({ title: `${o.id} — ${o.name}`, value: o.id }));
  const levels = [...new Set(env.rules.catalogue.offerings.flatMap((o) => o.engagements.flatMap((e) => e.serviceLevels)))].sort((a, b) => a - b);
  const found = (v: unknown) => (draft.fromEmail ? (v === undefined ? ` (${t(loc, 'intake.notFound')})` : '') : '');
  return buildCard({
    title: t(loc, 'intake.title'),
    notice: formNotice(env, extras),
    paragraphs: [t(loc, draft.fromEmail ? 'intake.fromEmail' : 'intake.manual')],
    fields: [
      field(extras, { id: 'voucherNumber', label: t(loc, 'intake.voucherNumber') + found(draft.voucherNumber), kind: 'text', required: true, maxLength: 64 }, draft.voucherNumber),
      field(extras, { id: 'customerName', label: t(loc, 'intake.customerName') + found(draft.customerName), kind: 'text', required: true, maxLength: 200 }, draft.customerName),
      field(extras, { id: 'offeringId', label: t(loc, 'intake.offering') + found(draft.offeringId), kind: 'choice', choices: offeringChoices, required: true }, draft.offeringId),
      field(
        extras,
        { id: 'days', label: t(loc, 'intake.days') + found(draft.days), kind: 'choice', choices: levels.map((n) => ({ title: String(n), value: String(n) })), required: true },
        draft.days !== undefined ? String(draft.days) : undefined,
      ),
      field(extras, { id: 'voucherAdminEmail', label: t(loc, 'intake.voucherAdminEmail') + found(draft.voucherAdminEmail), kind: 'text', required: true, maxLength: 320 }, draft.voucherAdminEmail),
      field(extras, { id: 'assignedOn', label: t(loc, 'intake.assignedOn'), kind: 'date' }, today(env)),
      field(extras, { id: 'expiresOn', label: t(loc, 'intake.expiresOn'), kind: 'date' }, draft.expiresOn),
    ],
    buttons: [{ title: t(loc, 'intake.confirm'), verb: 'voucher.intake', data: { source: draft.fromEmail ? 'email' : 'manual' }, style: 'positive' }],
    links: [{ title: t(loc, 'link.partnerCenterVouchers'), url: PC_VOUCHERS }],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Steps 4–8: one voucher

function voucherFacts(env: ViewEnv, v: Voucher): [string, string][] {
  const loc = L(env);
  const facts: [string, string][] = [
    [t(loc, 'voucher.number'), v.voucherNumber],
    [t(loc, 'voucher.customer'), v.customer.name],
    [t(loc, 'voucher.offering'), offeringName(env.rules, v.offeringId)],
    [t(loc, 'voucher.days'), t(loc, 'common.days', { count: v.days })],
    [t(loc, 'voucher.state'), stateLabel(loc, v.state)],
  ];
  const expiry = voucherExpiryDate(v, env.rules);
  if (expiry && !['Redeemed', 'PaymentRequested', 'Paid', 'Denied'].includes(v.state)) facts.push([t(loc, 'voucher.expires'), `${date(env, expiry)} (${relative(env, expiry)})`]);
  const r = v.reservation;
  if (r) {
    const eng = findEngagement(env.rules, r.engagementId);
    facts.push(
      [t(loc, 'voucher.engagement'), eng?.engagement.name ?? r.engagementId],
      [t(loc, 'voucher.planned'), t(loc, 'voucher.period', { start: date(env, r.plannedStart), end: date(env, r.plannedEnd) })],
      [t(loc, 'voucher.country'), formatCountry(loc, r.deliveryCountry)],
      [t(loc, 'voucher.consultants'), r.consultants.map((c) => personName(env.scope.org.doc, c)).join(', ')],
    );
  }
  if (v.completionReport) facts.push([t(loc, 'voucher.reportSubmitted'), date(env, v.completionReport.submittedOn)]);
  if (v.redemption) facts.push([t(loc, 'voucher.redeemed'), date(env, v.redemption.redeemedOn)]);
  if (v.paymentRequest) {
    const p = v.paymentRequest;
    facts.push([t(loc, 'voucher.payment'), t(loc, 'outcome.requested', { date: date(env, p.requestedOn), amount: formatMoney(loc, p.amount, p.currency), reference: p.savbReference })]);
  }
  return facts;
}

const COMMAND_STEP: Partial<Record<string, { step: VoucherStep; key: MessageKey }>> = {
  reserve: { step: 'reserve', key: 'detail.reserve' },
  cancelReservation: { step: 'cancel', key: 'detail.cancelReservation' },
  submitReport: { step: 'report', key: 'detail.submitReport' },
  redeem: { step: 'redeem', key: 'detail.redeem' },
  requestPayment: { step: 'payment', key: 'detail.requestPayment' },
  recordPayment: { step: 'outcome', key: 'detail.recordOutcome' },
};

function stepButtons(env: ViewEnv, stored: Stored<Voucher>): Button[] {
  const v = stored.doc;
  const buttons: Button[] = [];
  for (const c of allowedCommands(v.state)) {
    if (c === 'markDelivered') {
      buttons.push({ title: t(L(env), 'detail.markDelivered'), verb: 'voucher.markDelivered', data: { voucherId: v.id, etag: stored.etag } });
      continue;
    }
    const s = COMMAND_STEP[c];
    if (s) buttons.push({ title: t(L(env), s.key), verb: 'voucher.show', data: { voucherId: v.id, step: s.step } });
  }
  return buttons;
}

export function voucherCard(env: ViewEnv, stored: Stored<Voucher>, step: VoucherStep, extras: Extras = {}): Card {
  const v = stored.doc;
  const loc = L(env);
  const data = { voucherId: v.id, etag: stored.etag, step };
  const refresh = { verb: 'voucher.show', data: { voucherId: v.id, step }, userIds: refreshUsers(env.scope.org.doc) };
  const base = { notice: formNotice(env, extras), facts: voucherFacts(env, v), refresh };
  const back: Button = { title: t(loc, 'common.back'), verb: 'voucher.show', data: { voucherId: v.id, step: 'detail' } };
  switch (step) {
    case 'reserve':
      return buildCard({ ...base, title: t(loc, 'reservation.title'), paragraphs: [t(loc, 'reservation.intro')], fields: reserveFields(env, v, extras), buttons: [{ title: t(loc, 'reservation.submit'), verb: 'voucher.reserve', data, style: 'positive' }, back], links: [{ title: t(loc, 'link.partnerCenterVouchers'), url: PC_VOUCHERS }] });
    case 'cancel':
      return buildCard({ ...base, title: t(loc, 'cancel.title'), paragraphs: [t(loc, 'cancel.intro')], fields: [field(extras, { id: 'reason', label: t(loc, 'cancel.reason'), kind: 'multiline', required: true, maxLength: 1000 })], buttons: [{ title: t(loc, 'cancel.submit'), verb: 'voucher.cancelReservation', data, style: 'destructive' }, back] });
    case 'report':
      return buildCard({ ...base, title: t(loc, 'report.title'), paragraphs: [t(loc, 'report.intro')], fields: reportFields(env, v, extras), buttons: [{ title: t(loc, 'report.submit'), verb: 'report.submit', data, style: 'positive' }, back] });
    case 'redeem':
      return buildCard({
        ...base,
        title: t(loc, 'redeem.title'),
        paragraphs: [t(loc, 'redeem.intro'), ...(v.completionReport ? [t(loc, 'redeem.reportOn', { date: date(env, v.completionReport.submittedOn) })] : [])],
        fields: [field(extras, { id: 'redeemedOn', label: t(loc, 'redeem.date'), kind: 'date' }, today(env))],
        buttons: [{ title: t(loc, 'redeem.submit'), verb: 'voucher.redeem', data, style: 'positive' }, back],
        links: [{ title: t(loc, 'link.partnerCenterVouchers'), url: PC_VOUCHERS }],
      });
    case 'payment': {
      const registered = env.scope.org.doc.savbRegistrations.some((r) => r.offeringId === v.offeringId);
      return buildCard({
        ...base,
        title: t(loc, 'payment.title'),
        paragraphs: [t(loc, 'payment.intro'), ...(registered ? [] : [t(loc, 'payment.savbMissing', { offering: offeringName(env.rules, v.offeringId) })])],
        fields: [
          field(extras, { id: 'savbReference', label: t(loc, 'payment.reference'), kind: 'text', required: true, maxLength: 100 }),
          field(extras, { id: 'amount', label: t(loc, 'payment.amount'), kind: 'number', required: true }),
          field(extras, { id: 'currency', label: t(loc, 'payment.currency'), kind: 'text', required: true, maxLength: 3, placeholder: 'USD' }),
          field(extras, { id: 'requestedOn', label: t(loc, 'payment.date'), kind: 'date' }, today(env)),
        ],
        buttons: [{ title: t(loc, 'payment.submit'), verb: 'payment.request', data, style: 'positive' }, back],
        links: [{ title: t(loc, 'link.savb'), url: SAVB }],
      });
    }
    case 'outcome':
      return buildCard({
        ...base,
        title: t(loc, 'outcome.title'),
        paragraphs: [outcomeStatus(env, v)],
        fields: [
          field(extras, { id: 'outcome', label: t(loc, 'outcome.outcome'), kind: 'choice', required: true, choices: (['approved', 'paid', 'denied'] as const).map((o) => ({ title: t(loc, `outcome.${o}`), value: o })) }),
          field(extras, { id: 'date', label: t(loc, 'outcome.date'), kind: 'date' }, today(env)),
          field(extras, { id: 'paidAmount', label: t(loc, 'outcome.paidAmount'), kind: 'number' }),
          field(extras, { id: 'reason', label: t(loc, 'outcome.reason'), kind: 'multiline', maxLength: 1000 }),
        ],
        buttons: [{ title: t(loc, 'outcome.submit'), verb: 'payment.recordOutcome', data, style: 'positive' }, back],
        links: [{ title: t(loc, 'link.savb'), url: SAVB }],
      });
    case 'detail':
      return detailCard(env, stored, extras);
  }
}

function outcomeStatus(env: ViewEnv, v: Voucher): string {
  const loc = L(env);
  const p = v.paymentRequest;
  if (!p) return t(loc, 'outcome.status.requested');
  if (p.deniedOn) return t(loc, 'outcome.status.denied', { date: date(env, p.deniedOn) });
  if (p.paidOn) return t(loc, 'outcome.status.paid', { date: date(env, p.paidOn), amount: formatMoney(loc, p.paidAmount ?? p.amount, p.currency) });
  if (p.approvedOn) return t(loc, 'outcome.status.approved', { date: date(env, p.approvedOn) });
  return t(loc, 'outcome.status.requested');
}

function detailCard(env: ViewEnv, stored: Stored<Voucher>, extras: Extras): Card {
  const v = stored.doc;
  const loc = L(env);
  const next = voucherNextAction(v, env.rules, today(env));
  const history = [...v.audit].reverse().slice(0, 8).map((a) => {
    const who = a.byName ?? personName(env.scope.org.doc, a.by);
    const head = `${auditActionLabel(loc, a.action)} — ${t(loc, 'detail.timelineEntry', { date: formatDateTime(loc, a.at, env.scope.timeZone), who })}`;
    return a.reason ? `${head}. ${t(loc, 'detail.reason', { reason: a.reason })}` : head;
  });
  if (v.audit.length > 8) history.push(t(loc, 'common.moreEntries', { count: v.audit.length - 8 }));
  return buildCard({
    title: t(loc, 'detail.title', { voucherNumber: v.voucherNumber }),
    subtitle: t(loc, 'detail.stateSince', { state: stateLabel(loc, v.state), date: formatDateTime(loc, v.stateSince, env.scope.timeZone) }),
    notice: formNotice(env, extras),
    facts: voucherFacts(env, v),
    paragraphs: [t(loc, 'detail.next', { text: actionLine(env, next) })],
    sections: [{ title: t(loc, 'detail.timeline'), lines: history }],
    buttons: stepButtons(env, stored),
    links: [{ title: t(loc, 'link.partnerCenterVouchers'), url: PC_VOUCHERS }],
    refresh: { verb: 'voucher.show', data: { voucherId: v.id, step: 'detail' }, userIds: refreshUsers(env.scope.org.doc) },
  });
}

function reserveFields(env: ViewEnv, v: Voucher, extras: Extras): Field[] {
  const loc = L(env);
  const org = env.scope.org.doc;
  const offering = findOffering(env.rules, v.offeringId);
  const enrollment = org.enrollments.find((e) => e.offeringId === v.offeringId);
  const locations = enrollment?.approvedLocations ?? [];
  const consultants = org.people.filter((p) => p.roles.includes('consultant'));
  const countries = [...new Set(locations.map((l) => l.country))];
  return [
    field(extras, { id: 'engagementId', label: t(loc, 'reservation.engagement'), kind: 'choice', required: true, choices: (offering?.engagements ?? []).map((e) => ({ title: e.name, value: e.id })) }),
    field(extras, { id: 'deliveryCountry', label: t(loc, 'reservation.country'), kind: 'choice', required: true, choices: countries.map((c) => ({ title: formatCountry(loc, c), value: c })) }),
    field(extras, { id: 'partnerLocationId', label: t(loc, 'reservation.location'), kind: 'choice', required: true, choices: locations.map((l) => ({ title: `${l.name} (${formatCountry(loc, l.country)})`, value: l.id })) }),
    field(extras, { id: 'plannedStart', label: t(loc, 'reservation.start'), kind: 'date', required: true }),
    field(extras, { id: 'plannedEnd', label: t(loc, 'reservation.end'), kind: 'date', required: true }),
    field(extras, { id: 'consultants', label: t(loc, 'reservation.consultants'), kind: 'multichoice', required: true, choices: consultants.map((p) => ({ title: p.name || p.userId, value: p.userId })) }),
    field(extras, { id: 'offsiteDays', label: t(loc, 'reservation.offsiteDays'), kind: 'number' }, '0'),
  ];
}

function reportFields(env: ViewEnv, v: Voucher, extras: Extras): Field[] {
  const loc = L(env);
  const org = env.scope.org.doc;
  const r = v.reservation;
  const types = (['architecture', 'deploymentPlan', 'proofOfConcept', 'assessment', 'roadmap', 'other'] as const).map((k) => ({ title: t(loc, `deliverable.${k}`), value: k }));
  const consultantFields: Field[] = (r?.consultants ?? []).slice(0, 10).map((userId, i) => {
    const person = findPerson(org, userId);
    return field(extras, {
      id: `assessment${i + 1}`,
      label: t(loc, 'report.consultantAssessment', { name: person?.name || userId }),
      kind: 'choice',
      choices: [...(person?.assessments ?? []).map((a) => ({ title: `${a.name} (${a.competency})`, value: a.id })), { title: t(loc, 'report.notDelivered'), value: 'none' }],
    });
  });
  return [
    field(extras, { id: 'actualStart', label: t(loc, 'report.actualStart'), kind: 'date', required: true }, r?.plannedStart),
    field(extras, { id: 'actualEnd', label: t(loc, 'report.actualEnd'), kind: 'date', required: true }, r?.plannedEnd),
    field(extras, { id: 'daysDelivered', label: t(loc, 'report.daysDelivered'), kind: 'number', required: true }, String(v.days)),
    field(extras, { id: 'deliverableType1', label: t(loc, 'report.deliverableType', { index: 1 }), kind: 'choice', required: true, choices: types }),
    field(extras, { id: 'deliverableReference1', label: t(loc, 'report.deliverableReference', { index: 1 }), kind: 'text', required: true, maxLength: 500 }),
    field(extras, { id: 'deliverableType2', label: t(loc, 'report.deliverableType', { index: 2 }), kind: 'choice', choices: types }),
    field(extras, { id: 'deliverableReference2', label: t(loc, 'report.deliverableReference', { index: 2 }), kind: 'text', maxLength: 500 }),
    ...consultantFields,
    field(extras, { id: 'contactName', label: t(loc, 'report.contactName'), kind: 'text', required: true, maxLength: 200 }),
    field(extras, { id: 'contactEmail', label: t(loc, 'report.contactEmail'), kind: 'text', maxLength: 320 }),
    field(extras, { id: 'summary', label: t(loc, 'report.summary'), kind: 'multiline', maxLength: 4000 }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Voucher list

export const PAGE_SIZE = 10;

export function listCard(env: ViewEnv, vouchers: readonly Stored<Voucher>[], page: number, state: string | undefined): Card {
  const loc = L(env);
  const pages = Math.max(1, Math.ceil(vouchers.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = vouchers.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const lines = slice.map(({ doc: v }) => {
    const expiry = voucherExpiryDate(v, env.rules);
    return `**${v.voucherNumber}** · ${t(loc, 'list.item', { customer: v.customer.name, offering: v.offeringId, days: t(loc, 'common.days', { count: v.days }) })} · ${
      expiry ? t(loc, 'list.itemState', { state: stateLabel(loc, v.state), date: date(env, expiry) }) : stateLabel(loc, v.state)
    }`;
  });
  const buttons: Button[] = slice.slice(0, 5).map(({ doc: v }) => ({ title: v.voucherNumber, verb: 'voucher.show', data: { voucherId: v.id, step: 'detail' } }));
  if (current > 1) buttons.push({ title: t(loc, 'list.previous'), verb: 'voucher.list', data: { page: current - 1, ...(state ? { state } : {}) } });
  if (current < pages) buttons.push({ title: t(loc, 'list.next'), verb: 'voucher.list', data: { page: current + 1, ...(state ? { state } : {}) } });
  return buildCard({
    title: t(loc, 'list.title'),
    subtitle: `${t(loc, 'list.count', { count: vouchers.length })} · ${t(loc, 'list.page', { page: current, pages })}`,
    sections: [{ title: state ? stateLabel(loc, state) : t(loc, 'list.allStates'), lines: lines.length > 0 ? lines : [t(loc, 'list.empty')] }],
    buttons: [...buttons, { title: t(loc, 'welcome.newVoucher'), verb: 'intake.start', data: {} }],
  });
}

/** Refusals → messages: those about one field go next to it, the rest into the banner. */
export function placeRefusals(env: ViewEnv, refusals: readonly Refusal[], fieldOf: (r: Refusal) => string | undefined): Extras {
  const errors: FieldErrors = {};
  const details: string[] = [];
  for (const r of refusals) {
    const message = refusalMessage(L(env), r, env.scope.timeZone);
    const f = fieldOf(r);
    if (f && !errors[f]) errors[f] = message;
    else details.push(message);
  }
  return {
    errors,
    notice: { text: t(L(env), 'notice.refusedTitle'), tone: 'attention', details: details.length > 0 ? details : Object.values(errors) },
  };
}
