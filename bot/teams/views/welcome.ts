// Welcome / "what's next": where the organisation stands on steps 1–3 and the next concrete actions.
import { buildWelcomeCard, type StepStatus, type WelcomeCardData } from '../../../cards';
import {
  businessProfileDue,
  eligibility,
  enrollmentRenewalDue,
  findPerson,
  isActive,
  isEnrollmentLapsed,
  organizationNextActions,
  voucherNextActions,
  type Organization,
  type Rules,
  type Voucher,
} from '../../program';
import type { Stored } from '../../store';
import { cardKey, documentVersion, organizationVersion, reusedCard } from './card-memo';
import {
  cardOptions,
  languageView,
  organizationDate,
  type Card,
  type Extras,
  type ViewEnv,
} from './view-env';

export interface WelcomeOptions {
  firstRun?: boolean;
  extras?: Extras;
}

/** Stored vouchers name their versions, so their card can be reused; plain documents are built afresh. */
export type WelcomeVouchers = readonly Stored<Voucher>[] | readonly Voucher[];

function storedVouchers(vouchers: WelcomeVouchers): readonly Stored<Voucher>[] | undefined {
  const stored = vouchers as readonly (Stored<Voucher> | Voucher)[];
  return stored.every((v) => 'doc' in v && 'etag' in v) ? (stored as readonly Stored<Voucher>[]) : undefined;
}

export function welcomeCard(env: ViewEnv, vouchers: WelcomeVouchers, opts: WelcomeOptions = {}): Card {
  const stored = storedVouchers(vouchers);
  const docs = stored ? stored.map((s) => s.doc) : (vouchers as readonly Voucher[]);
  const today = organizationDate(env);
  if (opts.extras || !stored) return buildWelcomeView(env, docs, today, opts);
  return reusedCard(
    env,
    () => welcomeCardKey(env, stored, today, opts),
    () => buildWelcomeView(env, docs, today, opts),
  );
}

/** Everything buildWelcomeView reads: the documents' versions, the reader and the organisation's day. */
function welcomeCardKey(
  env: ViewEnv,
  vouchers: readonly Stored<Voucher>[],
  today: string,
  opts: WelcomeOptions,
): string | undefined {
  const { scope } = env;
  return cardKey('welcome', [
    organizationVersion(scope),
    scope.userId,
    scope.name,
    scope.teamsLocale ?? '',
    scope.locale,
    scope.timeZone,
    today,
    opts.firstRun === true,
    ...vouchers.map(documentVersion),
  ]);
}

/** Steps 1–3 at a glance, and the earliest enrolment renewal. */
function setupView(
  org: Organization,
  rules: Rules,
  today: string,
): Pick<WelcomeCardData, 'setup' | 'renewalDueOn'> {
  const offerings = eligibility(org, rules, today);
  const eligibilityStatus: StepStatus = offerings.some((o) => o.status === 'Met')
    ? 'Met'
    : offerings.some((o) => o.status === 'InProgress')
      ? 'InProgress'
      : 'NotStarted';
  const enrolled = org.enrollments.filter((e) => !isEnrollmentLapsed(e, rules, today));
  const profileDue = businessProfileDue(org, rules);
  const renewals = enrolled.map((e) => enrollmentRenewalDue(e, rules)).sort();
  return {
    setup: {
      eligibility: eligibilityStatus,
      enrollment: enrolled.length > 0 ? 'Met' : org.enrollments.length > 0 ? 'Attention' : 'NotStarted',
      profile: !profileDue ? 'NotStarted' : profileDue > today ? 'Met' : 'Attention',
    },
    ...(renewals[0] ? { renewalDueOn: renewals[0] } : {}),
  };
}

function buildWelcomeView(
  env: ViewEnv,
  vouchers: readonly Voucher[],
  today: string,
  opts: WelcomeOptions,
): Card {
  const org = env.scope.org.doc;
  const at = { defaultTimeZone: env.defaultTimeZone, today };
  const forOrganization = organizationNextActions(org, vouchers, env.rules, env.now, at);
  const forVouchers = voucherNextActions(vouchers.filter(isActive), org, env.rules, env.now, at);
  return buildWelcomeCard(
    {
      userName: env.scope.name || findPerson(org, env.scope.userId)?.name || undefined,
      firstRun: opts.firstRun === true,
      partner: forOrganization.partner,
      ...setupView(org, env.rules, today),
      today,
      ...(opts.firstRun ? { language: languageView(env) } : {}),
      nextActions: [...forOrganization.actions, ...forVouchers].map((a) => ({
        id: a.id,
        params: a.params,
        ...(a.dueDate ? { dueDate: a.dueDate, overdue: a.overdue === true } : {}),
      })),
    },
    env.scope.locale,
    cardOptions(env, opts.extras),
  );
}
