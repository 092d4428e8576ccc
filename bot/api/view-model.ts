// The JSON the tab API returns and the tab renders. The tab imports it too, so it imports nothing: plain shapes,
// ISO dates as strings, money as amount + currency, words as codes the tab translates.

export const VOUCHER_STATES = [
  'Assigned',
  'Reserved',
  'Delivered',
  'ReportSubmitted',
  'Redeemed',
  'PaymentRequested',
  'Paid',
  'Denied',
  'Expired',
] as const;

export type VoucherStateCode = (typeof VOUCHER_STATES)[number];

/** What a person may do with a voucher now (program/voucher-actions.ts); each opens the chat's card in a dialog. */
export const VOUCHER_ACTION_CODES = [
  'reserve',
  'cancelReservation',
  'markDelivered',
  'submitReport',
  'redeem',
  'requestPayment',
  'recordOutcome',
  'setExpiry',
] as const;

export type VoucherActionCode = (typeof VOUCHER_ACTION_CODES)[number];

export type RoleCode = 'GlobalAdmin' | 'PartnerAdmin' | 'Consultant' | 'Member';

/** The app's languages (PRODUCT.md §6). */
export type LocaleCode = 'en' | 'pt-BR' | 'es-ES';

export interface CallerView {
  tenantId: string;
  userId: string;
  name?: string;
  role: RoleCode;
  /** True when the API runs with the development identity instead of Teams SSO. */
  localIdentity: boolean;
  /**
   * The language this person chose in the bot (their settings' locale override), when it is one of the app's
   * languages; absent = no choice, and the tab follows the Teams locale.
   */
  locale?: LocaleCode;
}

/** Steps 1–3 of the program at a glance. */
export interface SetupView {
  eligibility: {
    status: 'notStarted' | 'inProgress' | 'met';
    trainingCompletedOn?: string;
    /** Offerings for which at least one engagement's requirement is met / all enrolled or considered. */
    offeringsMet: string[];
    offeringsMissing: string[];
  };
  enrollment: {
    status: 'notStarted' | 'active' | 'renewalDue' | 'lapsed';
    offerings: EnrollmentView[];
    /** The soonest renewal among the enrolled offerings. */
    nextRenewal?: EnrollmentView;
  };
  profile: {
    status: 'notStarted' | 'current' | 'stale';
    lastUpdatedOn?: string;
    staleOn?: string;
    daysLeft?: number;
  };
}

export interface EnrollmentView {
  offering: string;
  enrolledOn: string;
  renewalDue: string;
  /** Negative when the renewal date has passed. */
  daysLeft: number;
}

export interface PipelineStageView {
  state: VoucherStateCode;
  count: number;
  /** Whole days the vouchers have been in this state: mean and maximum (0 when count is 0). */
  avgDaysInState: number;
  maxDaysInState: number;
}

export type DeadlineKind =
  | 'enrollmentRenewal'
  | 'profileStale'
  | 'reserveVoucher'
  | 'voucherExpiry'
  | 'reportDue'
  | 'redeem'
  | 'paymentWindow'
  | 'paymentFollowUp';

export interface DeadlineView {
  kind: DeadlineKind;
  /** ISO date (yyyy-mm-dd). */
  due: string;
  /** Whole days from today; negative = overdue. */
  daysLeft: number;
  voucherId?: string;
  voucherNumber?: string;
  offering?: string;
  customer?: string;
}

export interface CurrencyTotalsView {
  currency: string;
  requested: number;
  approved: number;
  paid: number;
  denied: number;
  /** Requested or approved, not yet paid nor denied. */
  outstanding: number;
}

export interface PaymentsView {
  counts: { requested: number; approved: number; paid: number; denied: number; outstanding: number };
  totals: CurrencyTotalsView[];
}

export interface PersonView {
  id: string;
  name: string;
}

export interface FilterOptionsView {
  offerings: string[];
  states: VoucherStateCode[];
  consultants: PersonView[];
  customers: string[];
}

export interface OverviewView {
  generatedAt: string;
  caller: CallerView;
  /** False when the tenant has no organisation record yet (nobody has set the program up). */
  organization: { known: boolean };
  setup: SetupView;
  pipeline: PipelineStageView[];
  /** The first deadlines of each group (by date); the totals count them all. */
  deadlines: {
    overdue: DeadlineView[];
    upcoming: DeadlineView[];
    overdueTotal: number;
    upcomingTotal: number;
    windowDays: number;
  };
  payments: PaymentsView;
  filters: FilterOptionsView;
  voucherCount: number;
}

export type PaymentStatusCode = 'requested' | 'approved' | 'paid' | 'denied';

export interface VoucherRowView {
  id: string;
  voucherNumber: string;
  customer: string;
  offering: string;
  engagement?: string;
  days: number;
  state: VoucherStateCode;
  stateSince: string;
  daysInState: number;
  consultants: PersonView[];
  expiresOn?: string;
  nextDeadline?: DeadlineView;
  payment?: { amount: number; currency: string; status: PaymentStatusCode };
}

export interface VoucherListView {
  items: VoucherRowView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TimelineEntryView {
  at: string;
  /** The audit action code, e.g. `voucher.reserve`, `voucher.submitReport`; the tab translates known ones. */
  action: string;
  from?: VoucherStateCode;
  to?: VoucherStateCode;
  by?: string;
  reason?: string;
}

export interface VoucherDetailView extends VoucherRowView {
  voucherAdminEmail?: string;
  reservation?: {
    engagement?: string;
    country?: string;
    plannedStart?: string;
    plannedEnd?: string;
  };
  report?: { submittedOn?: string; daysDelivered?: number; deliverables: number };
  redeemedOn?: string;
  deadlines: DeadlineView[];
  timeline: TimelineEntryView[];
  /** The caller's actions now, by state and role (the same rule as the bot's detail card). */
  actions: VoucherActionCode[];
  /** The next step in words, as the bot says it (in the language the tab asked for with `?lang=`). */
  nextAction?: string;
  /** The voucher's shareable link on the app's own host (`https://<PUBLIC_HOSTNAME>/v/<id>`), when it has one. */
  link?: string;
}

/** POST /dialogs/open and /dialogs/submit: `done` when stored (the dialog closes), else the card to show. */
export interface DialogView {
  done: boolean;
  /** An Adaptive Card (Action.Submit only; the verb in each submit's data). */
  card?: Record<string, unknown>;
  /** The bot's app id: inside Teams the card opens as a dialog with the bot as completion bot. */
  botId?: string;
}

export interface ApiErrorView {
  error: string;
  message: string;
}
