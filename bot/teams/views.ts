// Domain documents → the cards/ builders' view data, in the reader's language and with what the reader's
// roles allow. Cards carry ids, the step and the ETag they were rendered from — never business data.
import {
  buildCancelReservationCard,
  buildCompletionReportCard,
  buildEligibilityCard,
  buildEnrollmentCard,
  buildHelpCard,
  buildIntakeCard,
  buildNoticeCard,
  buildPaymentOutcomeCard,
  buildPaymentRequestCard,
  buildPeopleCard,
  buildProfileCard,
  buildRedeemCard,
  buildReservationCard,
  buildSettingsCard,
  buildVoucherDetailCard,
  buildVoucherListCard,
  buildWelcomeCard,
  consultantInputId,
  DELIVERABLE_ROWS,
  type AdaptiveCard,
  type CardOptions,
  type IntakeFields,
  type Notice,
  type StepStatus,
  type VoucherAction,
  type VoucherSummary,
  type WelcomeLanguageView,
} from '../../cards';
import {
  businessProfileDue,
  competencyNames,
  eligibility,
  enrollmentRenewalDue,
  findEngagement,
  findOffering,
  findPerson,
  holderIds,
  isActive,
  isEnrollmentLapsed,
  organizationNextActions,
  organizationToday,
  paymentRequestDeadline,
  rolesOf,
  TRANSITIONS,
  voucherExpiryDate,
  voucherNextAction,
  voucherNextActions,
  VoucherState,
  type Organization,
  type Role,
  type Rules,
  type Voucher,
} from '../program';
import { isLocale, resolveLocale, type Locale } from '../i18n';
import { deepFreeze, type Stored } from '../store';
import type { TurnScope } from './scope';

export type Card = AdaptiveCard;

export interface ViewEnv {
  scope: TurnScope;
  rules: Rules;
  now: Date;
  defaultTimeZone: string;
}

/** What a card shows besides the document: a banner, errors under fields, what the person typed. */
export interface Extras {
  notice?: Notice;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

export const VOUCHER_STEPS = [
  'detail',
  'reserve',
  'cancel',
  'report',
  'redeem',
  'payment',
  'outcome',
] as const;
export type VoucherStep = (typeof VOUCHER_STEPS)[number];

function L(env: ViewEnv): Locale {
  return env.scope.locale;
}

function today(env: ViewEnv): string {
  return organizationToday(env.scope.org.doc, env.now, env.defaultTimeZone);
}

function has(env: ViewEnv, ...roles: Role[]): boolean {
  const mine = rolesOf(env.scope.org.doc, env.scope.userId);
  return mine.includes('globalAdmin') || roles.some((r) => mine.includes(r));
}

/** Everyone the bot has met gets their own (role-specific) view by refresh; Teams wants their Teams user ids
 *  (`29:…`, never Entra object ids) and allows 60. People it has not met yet have none and are skipped. */
function refreshUsers(org: Organization): string[] {
  return org.people.flatMap((p) => (p.teamsUserId ? [p.teamsUserId] : [])).slice(0, 60);
}

function options(env: ViewEnv, extras: Extras = {}): CardOptions {
  return {
    ...(extras.notice ? { notice: extras.notice } : {}),
    ...(extras.errors ? { errors: extras.errors } : {}),
    refresh: { userIds: refreshUsers(env.scope.org.doc) },
    timeZone: env.scope.timeZone,
  };
}

export function offeringName(rules: Rules, offeringId: string): string {
  const o = findOffering(rules, offeringId);
  return o ? `${o.id} – ${o.name}` : offeringId;
}

function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Welcome / what's next, help, notices

export interface WelcomeOptions {
  firstRun?: boolean;
  extras?: Extras;
}

/**
 * Each voucher document object gets a number the first time a welcome card sees it. The store's cache hands out
 * one frozen object per document version, so the same numbers mean the same versions: together with the
 * organisation's version, the viewer and the minute they name a finished welcome card ("what's next" asked
 * again, or its refresh). Objects that did not come from the cache only ever miss.
 */
const voucherNumbers = new WeakMap<Voucher, number>();
let nextVoucherNumber = 0;
const welcomeCards = new WeakMap<Rules, Map<string, Card>>();

function numberOf(v: Voucher): number {
  let n = voucherNumbers.get(v);
  if (n === undefined) {
    n = ++nextVoucherNumber;
    voucherNumbers.set(v, n);
  }
  return n;
}

export function welcomeCard(env: ViewEnv, vouchers: readonly Voucher[], opts: WelcomeOptions = {}): Card {
  if (opts.extras || !Object.isFrozen(env.scope.org.doc) || !vouchers.every((v) => Object.isFrozen(v)))
    return buildWelcomeView(env, vouchers, opts);
  const { scope } = env;
  const key = [
    scope.tenantId,
    scope.org.etag,
    scope.userId,
    scope.name,
    scope.teamsLocale ?? '',
    scope.locale,
    scope.timeZone,
    scope.conversation,
    env.defaultTimeZone,
    opts.firstRun === true,
    Math.floor(env.now.getTime() / 60_000),
    vouchers.map(numberOf).join(','),
  ].join('\u0000');
  return remembered(welcomeCards, env.rules, key, () => buildWelcomeView(env, vouchers, opts));
}

/** A finished card from `cards` by key, else built, frozen and kept (the oldest go beyond CARDS_KEPT). */
function remembered(
  cards: WeakMap<Rules, Map<string, Card>>,
  rules: Rules,
  key: string,
  build: () => Card,
): Card {
  let kept = cards.get(rules);
  if (!kept) {
    kept = new Map();
    cards.set(rules, kept);
  }
  const hit = kept.get(key);
  if (hit) return hit;
  const card = deepFreeze(build());
  kept.set(key, card);
  if (kept.size > CARDS_KEPT) kept.delete(kept.keys().next().value as string);
  return card;
}

function buildWelcomeView(env: ViewEnv, vouchers: readonly Voucher[], opts: WelcomeOptions): Card {
  const org = env.scope.org.doc;
  const d = today(env);
  // "Today" is an Intl call: the one computed here serves the program's next actions too.
  const byOrg = organizationNextActions(org, vouchers, env.rules, env.now, {
    defaultTimeZone: env.defaultTimeZone,
    today: d,
  });
  const byVoucher = voucherNextActions(vouchers.filter(isActive), org, env.rules, env.now, {
    defaultTimeZone: env.defaultTimeZone,
    today: d,
  });
  const elig = eligibility(org, env.rules, d);
  const eligibilityStatus: StepStatus = elig.some((o) => o.status === 'Met')
    ? 'Met'
    : elig.some((o) => o.status === 'InProgress')
      ? 'InProgress'
      : 'NotStarted';
  const enrolled = org.enrollments.filter((e) => !isEnrollmentLapsed(e, env.rules, d));
  const profileDue = businessProfileDue(org, env.rules);
  const renewals = enrolled.map((e) => enrollmentRenewalDue(e, env.rules)).sort();
  return buildWelcomeCard(
    {
      userName: env.scope.name || findPerson(org, env.scope.userId)?.name || undefined,
      firstRun: opts.firstRun === true,
      partner: byOrg.partner,
      setup: {
        eligibility: eligibilityStatus,
        enrollment: enrolled.length > 0 ? 'Met' : org.enrollments.length > 0 ? 'Attention' : 'NotStarted',
        profile: !profileDue ? 'NotStarted' : profileDue > d ? 'Met' : 'Attention',
      },
      ...(renewals[0] ? { renewalDueOn: renewals[0] } : {}),
      today: d,
      ...(opts.firstRun ? { language: languageView(env) } : {}),
      nextActions: [...byOrg.actions, ...byVoucher].map((a) => ({
        id: a.id,
        params: a.params,
        ...(a.dueDate ? { dueDate: a.dueDate, overdue: a.overdue === true } : {}),
      })),
    },
    L(env),
    options(env, opts.extras),
  );
}

/** The person's language override (if any) and what "automatic" resolves to: for the language pickers. */
function languageView(env: ViewEnv): WelcomeLanguageView {
  const override = findPerson(env.scope.org.doc, env.scope.userId)?.settings.locale;
  return {
    etag: env.scope.org.etag,
    ...(override && isLocale(override) ? { localeOverride: override } : {}),
    detectedLocale: resolveLocale(env.scope.teamsLocale),
  };
}

export function helpCard(env: ViewEnv, lead?: string): Card {
  return buildHelpCard({}, L(env), lead ? { notice: { tone: 'info', text: lead } } : undefined);
}

export function noticeCard(locale: Locale, notice: Notice): Card {
  return buildNoticeCard(notice, locale);
}

// ---------------------------------------------------------------------------------------------------------
// Steps 1–3

export function eligibilityCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const d = today(env);
  const me = findPerson(org, env.scope.userId);
  return buildEligibilityCard(
    {
      etag: env.scope.org.etag,
      today: d,
      ...(org.complianceTraining ? { trainingCompletedOn: org.complianceTraining.completedOn } : {}),
      competencies: org.competencies.map((c) => ({
        name: c.name,
        level: c.level,
        validUntil: c.validUntil,
        expired: c.validUntil < d,
      })),
      offerings: eligibility(org, env.rules, d).map((o) => {
        const offering = findOffering(env.rules, o.offeringId);
        return {
          offeringId: o.offeringId,
          name: offering?.name ?? o.offeringId,
          status: o.status,
          engagements: o.engagements.map((e) => ({
            engagementId: e.engagementId,
            name: offering?.engagements.find((x) => x.id === e.engagementId)?.name ?? e.engagementId,
            status: e.status,
            missing: e.missing,
          })),
        };
      }),
      competencyChoices: competencyNames(env.rules),
      canEdit: has(env, 'mpnPartnerAdmin'),
      canRecordAssessment: me?.roles.includes('consultant') === true,
      myAssessments: (me?.assessments ?? []).map((a) => ({
        name: a.name,
        competency: a.competency,
        completedOn: a.completedOn,
      })),
    },
    L(env),
    options(env, extras),
  );
}

/** `redeemed`: offerings with a redeemed voucher (the SAVB registration is due after the first one). */
export function enrollmentCard(env: ViewEnv, redeemed: ReadonlySet<string>, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const d = today(env);
  const agreement = org.enrollments.map((e) => e.agreementSignedOn).sort()[0];
  return buildEnrollmentCard(
    {
      etag: env.scope.org.etag,
      today: d,
      ...(agreement ? { agreementSignedOn: agreement } : {}),
      offerings: env.rules.catalogue.offerings.map((o) => {
        const e = org.enrollments.find((x) => x.offeringId === o.id);
        const savb = org.savbRegistrations.find((r) => r.offeringId === o.id);
        return {
          offeringId: o.id,
          name: o.name,
          ...(e
            ? {
                enrolledOn: e.enrolledOn,
                renewalDueOn: enrollmentRenewalDue(e, env.rules),
                lapsed: isEnrollmentLapsed(e, env.rules, d),
              }
            : {}),
          locations: (e?.approvedLocations ?? []).map((l) => ({ name: l.name, country: l.country })),
          ...(savb ? { savbRegisteredOn: savb.registeredOn } : {}),
          savbNeeded: !savb && redeemed.has(o.id),
        };
      }),
      canEdit: has(env, 'mpnPartnerAdmin'),
      canRegisterSavb: has(env),
    },
    L(env),
    options(env, extras),
  );
}

export function profileCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const due = businessProfileDue(org, env.rules);
  return buildProfileCard(
    {
      etag: env.scope.org.etag,
      today: today(env),
      ...(org.businessProfile ? { lastUpdatedOn: org.businessProfile.lastUpdatedOn } : {}),
      stale: due !== undefined && due <= today(env),
      canEdit: has(env, 'mpnPartnerAdmin'),
    },
    L(env),
    options(env, extras),
  );
}

// ---------------------------------------------------------------------------------------------------------
// People, settings

export function peopleCard(env: ViewEnv, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  return buildPeopleCard(
    {
      etag: env.scope.org.etag,
      people: org.people.map((p) => ({
        userId: p.userId,
        name: p.name,
        ...(p.email ? { email: p.email } : {}),
        roles: p.roles.filter((r) => r !== 'member'),
      })),
      canAssign: has(env),
      hasGlobalAdmin: holderIds(org, ['globalAdmin']).length > 0,
    },
    L(env),
    options(env, extras),
  );
}

export interface ChannelView {
  channelId: string;
  name?: string;
}

export function settingsCard(env: ViewEnv, channel: ChannelView | undefined, extras: Extras = {}): Card {
  const org = env.scope.org.doc;
  const person = findPerson(org, env.scope.userId);
  const language = languageView(env);
  const channels = new Map<string, string>();
  if (org.programChannel)
    channels.set(org.programChannel.channelId, org.programChannel.name ?? org.programChannel.channelId);
  if (channel) channels.set(channel.channelId, channel.name ?? channel.channelId);
  return buildSettingsCard(
    {
      etag: env.scope.org.etag,
      ...(language.localeOverride ? { localeOverride: language.localeOverride } : {}),
      detectedLocale: language.detectedLocale,
      timeZone: person?.settings.timeZone ?? env.scope.timeZone,
      canEditOrganization: has(env, 'mpnPartnerAdmin'),
      ...(org.programChannel ? { programChannelId: org.programChannel.channelId } : {}),
      channels: [...channels.entries()].map(([value, title]) => ({ title, value })),
    },
    L(env),
    options(env, extras),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Step 4: intake

export interface IntakeDraft {
  source: 'email' | 'manual';
  fields: IntakeFields;
}

export function intakeCard(env: ViewEnv, draft: IntakeDraft, extras: Extras = {}): Card {
  const v = extras.values ?? {};
  const typed: IntakeFields = { ...draft.fields };
  for (const key of [
    'voucherNumber',
    'customerName',
    'offeringId',
    'voucherAdminEmail',
    'assignedOn',
    'expiresOn',
  ] as const) {
    if (v[key] !== undefined) typed[key] = v[key];
  }
  const days = num(v.days);
  if (days !== undefined) typed.days = days;
  const levels = env.rules.catalogue.offerings.flatMap((o) => o.engagements.flatMap((e) => e.serviceLevels));
  return buildIntakeCard(
    {
      ...(draft.source === 'email' ? { intakeId: 'email' } : {}),
      source: draft.source,
      fields: { assignedOn: today(env), ...typed },
      offeringChoices: env.rules.catalogue.offerings.map((o) => ({
        title: `${o.id} – ${o.name}`,
        value: o.id,
      })),
      maxDays: Math.max(...levels, 1),
      today: today(env),
    },
    L(env),
    { ...options(env, extras), refresh: { userIds: [] } },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Steps 4–8: one voucher

function summary(env: ViewEnv, v: Voucher, expiry: string | undefined): VoucherSummary {
  const engagement = v.reservation
    ? findEngagement(env.rules, v.reservation.engagementId)?.engagement.name
    : undefined;
  return {
    voucherNumber: v.voucherNumber,
    customerName: v.customer.name,
    offeringName: offeringName(env.rules, v.offeringId),
    ...(engagement ? { engagementName: engagement } : {}),
    days: v.days,
    state: v.state,
    ...(expiry && ['Assigned', 'Reserved', 'Delivered', 'ReportSubmitted'].includes(v.state)
      ? { expiresOn: expiry }
      : {}),
  };
}

/** The buttons a reader sees on a voucher: what its state allows and their roles permit. */
function voucherActions(env: ViewEnv, v: Voucher): VoucherAction[] {
  const admin = has(env, 'mpnPartnerAdmin');
  const assigned = v.reservation?.consultants.includes(env.scope.userId) === true;
  switch (v.state) {
    case 'Assigned':
      return admin ? ['reserve'] : [];
    case 'Reserved':
      return [
        ...(admin || assigned ? (['markDelivered'] as const) : []),
        ...(admin ? (['cancelReservation'] as const) : []),
      ];
    case 'Delivered':
      return admin || assigned ? ['submitReport'] : [];
    case 'ReportSubmitted':
      return admin ? ['redeem'] : [];
    case 'Redeemed':
      return admin ? ['requestPayment'] : [];
    case 'PaymentRequested':
      return admin ? ['recordOutcome'] : [];
    default:
      return [];
  }
}

/** The buttons and forms of the detail card: the state's step, and the Partner Center expiry while it matters. */
function detailActions(env: ViewEnv, v: Voucher): VoucherAction[] {
  const actions = voucherActions(env, v);
  return has(env, 'mpnPartnerAdmin') && TRANSITIONS.setExpiry.from.includes(v.state)
    ? [...actions, 'setExpiry']
    : actions;
}

/**
 * Finished detail cards by everything they are made of: the voucher's and the organisation's versions, who is
 * looking (roles, language, time zone, kind of conversation) and the minute. Teams sends a `refresh` each
 * time someone looks at a card, so a channel opening one card asks for the same detail card many times over;
 * they get the same (frozen) object. Cards with a notice, errors or typed values are always built afresh.
 */
const detailCards = new WeakMap<Rules, Map<string, Card>>();
const CARDS_KEPT = 300;

export function voucherCard(
  env: ViewEnv,
  stored: Stored<Voucher>,
  step: VoucherStep,
  extras: Extras = {},
): Card {
  if (step !== 'detail' || extras.notice || extras.errors || extras.values)
    return buildVoucherCard(env, stored, step, extras);
  const { scope } = env;
  const key = [
    stored.doc.tenantId,
    stored.doc.id,
    stored.etag,
    scope.org.etag,
    scope.userId,
    scope.locale,
    scope.timeZone,
    scope.conversation,
    env.defaultTimeZone,
    Math.floor(env.now.getTime() / 60_000),
  ].join('\u0000');
  return remembered(detailCards, env.rules, key, () => buildVoucherCard(env, stored, step, extras));
}

function buildVoucherCard(env: ViewEnv, stored: Stored<Voucher>, step: VoucherStep, extras: Extras): Card {
  const v = stored.doc;
  const loc = L(env);
  const opts = options(env, extras);
  const expiry = voucherExpiryDate(v, env.rules);
  const base = { voucherId: v.id, etag: stored.etag, today: today(env), voucher: summary(env, v, expiry) };
  const typed = extras.values ?? {};
  const org = env.scope.org.doc;
  switch (step) {
    case 'reserve': {
      const offering = findOffering(env.rules, v.offeringId);
      const locations = org.enrollments.find((e) => e.offeringId === v.offeringId)?.approvedLocations ?? [];
      const offsite = num(typed.offsiteDays);
      return buildReservationCard(
        {
          ...base,
          engagementChoices: (offering?.engagements ?? []).map((e) => ({ title: e.name, value: e.id })),
          countryCodes: [...new Set(locations.map((l) => l.country))],
          locationChoices: locations.map((l) => ({ title: l.name, value: l.id })),
          consultantChoices: org.people
            .filter((p) => p.roles.includes('consultant'))
            .map((p) => ({ title: p.name || p.userId, value: p.userId })),
          maxOffsiteDays: Math.min(env.rules.engagementLimits.maximumOffsiteDays, v.days),
          values: {
            ...(typed.engagementId ? { engagementId: typed.engagementId } : {}),
            ...(typed.deliveryCountry ? { deliveryCountry: typed.deliveryCountry } : {}),
            ...(typed.partnerLocationId ? { partnerLocationId: typed.partnerLocationId } : {}),
            ...(typed.plannedStart ? { plannedStart: typed.plannedStart } : {}),
            ...(typed.plannedEnd ? { plannedEnd: typed.plannedEnd } : {}),
            ...(typed.consultants
              ? { consultants: typed.consultants.split(',').filter((c) => c !== '') }
              : {}),
            ...(offsite !== undefined ? { offsiteDays: offsite } : {}),
          },
        },
        loc,
        opts,
      );
    }
    case 'cancel':
      return buildCancelReservationCard(
        {
          voucherId: v.id,
          etag: stored.etag,
          voucher: base.voucher,
          ...(v.reservation
            ? { plannedStart: v.reservation.plannedStart, plannedEnd: v.reservation.plannedEnd }
            : {}),
          ...(typed.reason !== undefined ? { reason: typed.reason } : {}),
        },
        loc,
        opts,
      );
    case 'report': {
      const engagement = v.reservation
        ? findEngagement(env.rules, v.reservation.engagementId)?.engagement
        : undefined;
      const competencies = new Set((engagement?.requiredCompetencies ?? []).map((c) => c.name));
      const consultants = (v.reservation?.consultants ?? []).map((userId) => {
        const person = findPerson(org, userId);
        return {
          userId,
          name: person?.name || userId,
          qualifyingAssessments: (person?.assessments ?? [])
            .filter((a) => competencies.has(a.competency))
            .map((a) => ({ assessmentId: a.id, name: a.name })),
        };
      });
      const assessments: Record<string, string> = {};
      for (const c of consultants) {
        const chosen = typed[consultantInputId(c.userId)];
        if (chosen !== undefined) assessments[c.userId] = chosen;
      }
      const deliverables = Array.from({ length: DELIVERABLE_ROWS }, (_, i) => ({
        type: typed[`deliverableType${i + 1}`] ?? '',
        reference: typed[`deliverableReference${i + 1}`] ?? '',
      }));
      const days = num(typed.daysDelivered);
      return buildCompletionReportCard(
        {
          ...base,
          consultants,
          values: {
            actualStart: typed.actualStart ?? v.reservation?.plannedStart,
            actualEnd: typed.actualEnd ?? v.reservation?.plannedEnd,
            ...(days !== undefined ? { daysDelivered: days } : {}),
            deliverables,
            assessments,
            ...(typed.contactName !== undefined ? { contactName: typed.contactName } : {}),
            ...(typed.contactEmail !== undefined ? { contactEmail: typed.contactEmail } : {}),
            ...(typed.summary !== undefined ? { summary: typed.summary } : {}),
          },
        },
        loc,
        opts,
      );
    }
    case 'redeem':
      return buildRedeemCard(
        { ...base, ...(v.completionReport ? { reportSubmittedOn: v.completionReport.submittedOn } : {}) },
        loc,
        opts,
      );
    case 'payment': {
      const windowEndsOn = paymentRequestDeadline(v, env.rules);
      const amount = num(typed.amount);
      return buildPaymentRequestCard(
        {
          ...base,
          ...(windowEndsOn ? { windowEndsOn } : {}),
          savbRegistered: org.savbRegistrations.some((r) => r.offeringId === v.offeringId),
          values: {
            ...(typed.savbReference !== undefined ? { savbReference: typed.savbReference } : {}),
            ...(amount !== undefined ? { amount } : {}),
            ...(typed.currency ? { currency: typed.currency } : {}),
            ...(typed.requestedOn ? { requestedOn: typed.requestedOn } : {}),
          },
        },
        loc,
        opts,
      );
    }
    case 'outcome': {
      const p = v.paymentRequest;
      if (!p) return voucherCard(env, stored, 'detail', extras);
      return buildPaymentOutcomeCard(
        {
          ...base,
          payment: {
            savbReference: p.savbReference,
            amount: p.amount,
            currency: p.currency,
            requestedOn: p.requestedOn,
            ...(p.approvedOn ? { approvedOn: p.approvedOn } : {}),
            ...(p.paidOn ? { paidOn: p.paidOn } : {}),
            ...(p.paidAmount ? { paidAmount: p.paidAmount } : {}),
            ...(p.deniedOn ? { deniedOn: p.deniedOn } : {}),
            ...(p.denialReason ? { denialReason: p.denialReason } : {}),
          },
          canRecord: has(env, 'mpnPartnerAdmin'),
        },
        loc,
        opts,
      );
    }
    case 'detail': {
      const r = v.reservation;
      const location = r
        ? org.enrollments
            .find((e) => e.offeringId === v.offeringId)
            ?.approvedLocations.find((l) => l.id === r.partnerLocationId)
        : undefined;
      const next = voucherNextAction(v, org, env.rules, env.now, {
        defaultTimeZone: env.defaultTimeZone,
        today: base.today,
      });
      return buildVoucherDetailCard(
        {
          voucherId: v.id,
          etag: stored.etag,
          voucher: {
            ...base.voucher,
            stateSince: v.stateSince,
            assignedOn: v.assignedOn,
            voucherAdminEmail: v.voucherAdminEmail,
            ...(r
              ? {
                  deliveryCountry: r.deliveryCountry,
                  plannedStart: r.plannedStart,
                  plannedEnd: r.plannedEnd,
                  consultantNames: r.consultants.map((c) => findPerson(org, c)?.name || c),
                  ...(location ? { partnerLocationName: location.name } : {}),
                }
              : {}),
            ...(v.completionReport ? { reportSubmittedOn: v.completionReport.submittedOn } : {}),
            ...(v.redemption ? { redeemedOn: v.redemption.redeemedOn } : {}),
            ...(v.paymentRequest
              ? {
                  payment: {
                    amount: v.paymentRequest.amount,
                    currency: v.paymentRequest.currency,
                    requestedOn: v.paymentRequest.requestedOn,
                  },
                }
              : {}),
          },
          nextAction: { id: next.id, params: next.params },
          actions: detailActions(env, v),
          ...(expiry ? { expiresOn: expiry } : {}),
          timeline: v.audit.map((a) => ({
            at: a.at,
            by: a.by,
            ...(a.byName ? { byName: a.byName } : {}),
            action: a.action,
            ...(a.from ? { from: a.from } : {}),
            ...(a.to ? { to: a.to } : {}),
            ...(a.reason ? { reason: a.reason } : {}),
          })),
        },
        loc,
        opts,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Voucher list

export const PAGE_SIZE = 10;

export function listCard(
  env: ViewEnv,
  vouchers: readonly Stored<Voucher>[],
  page: number,
  stateFilter: string | undefined,
): Card {
  const pages = Math.max(1, Math.ceil(vouchers.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return buildVoucherListCard(
    {
      page: current,
      pageSize: PAGE_SIZE,
      total: vouchers.length,
      items: vouchers.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map(({ doc: v }) => {
        const expiry = voucherExpiryDate(v, env.rules);
        return {
          voucherId: v.id,
          voucherNumber: v.voucherNumber,
          customerName: v.customer.name,
          offeringId: v.offeringId,
          days: v.days,
          state: v.state,
          ...(expiry ? { expiresOn: expiry } : {}),
        };
      }),
      states: [...VoucherState.options],
      ...(stateFilter ? { stateFilter } : {}),
    },
    L(env),
    { timeZone: env.scope.timeZone },
  );
}
