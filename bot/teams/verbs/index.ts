// THE VERB TABLE: every Action.Execute verb the bot answers, one handler each — the index of what the bot
// can do from a card. A test checks it equals the verbs the cards use (cards/verbs.ts CARD_VERBS).
import { CARD_VERBS, type CardVerb } from '../../../cards';
import type { VerbHandler } from './verb';
import * as org from './organization';
import type { ReminderVerbs } from './reminders';
import { saveSettings } from './settings';
import * as show from './show';
import type { TenantVerbs } from './tenant';
import * as voucher from './voucher';

export function verbTable(
  reminders: ReminderVerbs,
  tenant: TenantVerbs,
): Readonly<Record<CardVerb, VerbHandler>> {
  return {
    // navigation (read-only)
    'nav.whatsNext': show.showNext,
    'nav.help': show.showHelp,
    'nav.eligibility': show.showEligibility,
    'nav.enrollment': show.showEnrollment,
    'nav.profile': show.showProfile,
    'nav.people': show.showPeople,
    'nav.settings': show.showSettings,
    'nav.intake': show.startIntake,
    'nav.organizationData': tenant.show,
    'voucher.show': show.showVoucher,
    'voucher.list': show.listVouchers,

    // step 1: eligibility (training, competency, a consultant's assessment)
    'eligibility.record': org.recordEligibility,
    // step 2: enrolment, renewal, the one-time SAVB registration
    'enrollment.record': org.recordEnrollment,
    'enrollment.renew': org.renew,
    'savb.register': org.registerInSavb,
    // step 3: business profile
    'profile.update': org.updateProfile,

    // steps 4–8: one voucher
    'intake.confirm': voucher.intake,
    'voucher.reserve': voucher.reserve,
    'voucher.cancelReservation': voucher.cancel,
    'voucher.markDelivered': voucher.deliver,
    'report.submit': voucher.report,
    'voucher.redeem': voucher.redeem,
    'voucher.setExpiry': voucher.setExpiry,
    'payment.request': voucher.paymentRequest,
    'payment.recordOutcome': voucher.paymentOutcome,

    // people, roles, settings
    'people.assignRole': org.assign,
    'people.removeRole': org.unassign,
    'people.claimGlobalAdmin': org.claimAdmin,
    'settings.save': saveSettings,

    // proactive reminders
    'reminder.snooze': reminders.snooze,
    'reminder.done': reminders.done,
    'reminder.test': reminders.test,

    // the organisation's data (Global admin)
    'tenant.export': tenant.export,
    'tenant.delete': tenant.delete,
  };
}

/** Verbs that only show a card, whatever their data: every `nav.*` (cards/verbs.ts) and the voucher views. */
const SHOW_VERBS: ReadonlySet<string> = new Set<string>([
  ...CARD_VERBS.filter((v) => v.startsWith('nav.')),
  'voucher.show',
  'voucher.list',
]);

/**
 * An action that cannot change anything: a show verb, or a form verb asked to open its form (`step: 'open'`).
 * Such a turn may read recent cached copies; every other one reads current versions.
 */
export function isReadOnly(verb: string, data: Record<string, unknown> | undefined): boolean {
  return SHOW_VERBS.has(verb) || data?.step === 'open';
}

export type { VerbEnv, VerbHandler, VerbReply } from './verb';
