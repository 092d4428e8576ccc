// English catalogue. It defines the set of keys; pt-BR and es-ES must match it exactly.
// Glossary (PRODUCT.md §6): voucher, engagement, reserve, redeem, completion report, payment request,
// offering, enrollment.
import type { Catalog } from './types';
import { enForms } from './en-forms';
import { enResilience } from './en-resilience';
import { enTenants } from './en-tenants';
import { enGuidance } from './en-guidance';
import { enExtensions } from './en-extensions';
import { enJourneySteps } from './en-journey-steps';
import { enDialogs } from './en-dialogs';

/** Common words, notices, roles and states, refusals, next actions, welcome, help and steps 1–3. */
const enGeneral = {
  // ---- common words
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.nobody': 'nobody yet',
  'common.notSet': 'Not set',
  'common.back': 'Back',
  'common.open': 'Open',
  'common.save': 'Save',
  'common.automatic': 'Automatic ({value})',
  'common.dueRelative': 'Due {date} ({relative})',
  'common.overdue': 'Overdue since {date}',
  'common.moreEntries': {
    one: '{count} earlier entry not shown',
    other: '{count} earlier entries not shown',
  },
  'common.days': { one: '{count} day', other: '{count} days' },
  'common.requiredError': 'This field is required.',
  'common.dateError': 'Enter a date.',
  'common.fieldError': 'Check this field: {field}',
  'common.tooLongError': 'Too long: at most {max} characters.',
  'common.numberError': 'Enter a number.',
  'common.choiceError': 'Choose one of the options.',

  // ---- notice banner
  'notice.stale': 'This changed since you opened it. Here is the current version.',
  'notice.saved': 'Saved.',
  'notice.refusedTitle': 'That could not be done',
  'notice.errorTitle': 'Something went wrong',
  'notice.errorBody': 'Please try again in a moment. If it keeps happening, tell your Global admin.',
  'notice.notFound':
    'I could not find that. It may have been removed, or it belongs to another organization. Nothing was changed.',
  'notice.voucherNumberNotFound':
    "There is no voucher {voucherNumber} here. Paste the customer's voucher email to record it.",
  'notice.unknownVerb': 'I do not know that action. Nothing was changed.',
  'notice.invalidCard': 'This card is not valid. Nothing was changed. Here is the current version.',
  'notice.noTenant':
    'I work for one Microsoft Teams organization at a time, and I could not tell which one this is. Please use the app from Teams in your organization.',
  'error.turn': 'Something went wrong. If it happens again, quote this reference: {id}',

  // ---- roles and states (dynamic keys: see dynamic-keys.ts)
  'role.globalAdmin': 'Global admin',
  'role.mpnPartnerAdmin': 'MPN partner admin',
  'role.consultant': 'Consultant',
  'role.member': 'Member',
  'state.Assigned': 'Assigned',
  'state.Reserved': 'Reserved',
  'state.Delivered': 'Delivered',
  'state.ReportSubmitted': 'Completion report submitted',
  'state.Redeemed': 'Redeemed',
  'state.PaymentRequested': 'Payment requested',
  'state.Paid': 'Paid',
  'state.Denied': 'Payment denied',
  'state.Expired': 'Expired',
  'status.NotStarted': 'Not started',
  'status.InProgress': 'In progress',
  'status.Met': 'Met',
  'status.Attention': 'Needs attention',

  // ---- refusals (one per RuleId, wording in refusals.ts)
  'refusal.input.invalid': 'The value entered for {field} is not valid.',
  'refusal.input.dateInFuture': 'The date {value} is in the future (today is {today}).',
  'refusal.input.dateBeforeReport':
    'The redemption date {value} is before the completion report was submitted ({reportOn}).',
  'refusal.input.dateBeforeRedemption':
    'The payment request date {value} is before the redemption ({redeemedOn}).',
  'refusal.input.dateBeforeRequest': 'The date {value} is before the payment request ({requestedOn}).',
  'refusal.role.required': 'This needs the role {requiredRoles}. Who holds it: {holderNames}.',
  'refusal.transition.notAllowed': 'This cannot be done while the voucher is {from}.',
  'refusal.bootstrap.globalAdminExists': 'This organization already has a Global admin: {holderNames}.',
  'refusal.person.unknown': 'That person has not used the app in this organization yet.',
  'refusal.role.lastGlobalAdmin': 'The organization must keep at least one Global admin.',
  'refusal.settings.timeZoneInvalid':
    '{timeZone} is not a time zone we recognize. Example: America/Sao_Paulo.',
  'refusal.settings.localeUnsupported':
    '{locale} is not one of the app languages (English, Português, Español).',
  'refusal.person.notConsultant':
    '{name} is not a consultant. A Global admin can give them the Consultant role.',
  'refusal.competency.unknown': '{name} is not a competency any engagement requires.',
  'refusal.assessment.unknown': 'That assessment is not recorded for this consultant.',
  'refusal.enrollment.offeringUnknown': '{offeringId} is not an offering of the program.',
  'refusal.enrollment.agreementAfterEnrollment':
    'The program agreement ({agreementSignedOn}) must be signed on or before the enrollment date ({enrolledOn}).',
  'refusal.enrollment.notFound': 'There is no enrollment in {offeringId} to renew.',
  'refusal.enrollment.alreadyEnrolled': 'The organization is already enrolled in {offeringId}.',
  'refusal.savb.alreadyRegistered':
    'SAVB registration for {offeringId} was already recorded on {registeredOn}.',
  'refusal.savb.noRedemptionYet':
    'SAVB registration for {offeringId} is done after the first voucher is redeemed.',
  'refusal.voucher.numberInvalid':
    '"{value}" is not a voucher ID: use 4 to 64 letters, digits and dashes, for example {example}.',
  'refusal.voucher.alreadyActive': 'Voucher {voucherNumber} is already active here ({state}).',
  'refusal.voucher.offeringUnknown': '{offeringId} is not an offering of the program.',
  'refusal.voucher.assignmentClosed': 'Customers could not assign vouchers after {cutoff}.',
  'refusal.voucher.expiryBeforeAssignment':
    'The expiry date ({expiresOn}) is before the assignment date ({assignedOn}).',
  'refusal.voucher.expired': 'The voucher expired on {expiresOn}.',
  'refusal.reservation.notEnrolled': 'The organization is not enrolled in {offeringId}.',
  'refusal.reservation.enrollmentLapsed': 'The enrollment in {offeringId} has lapsed: renew it first.',
  'refusal.reservation.engagementUnknown': '{engagementId} is not an engagement of {offeringId}.',
  'refusal.reservation.competencyMissing':
    'The company does not hold a competency this engagement requires: {anyOf}.',
  'refusal.reservation.locationUnknown': 'That partner location is not recorded.',
  'refusal.reservation.countryNotApproved':
    'This partner location is not approved to deliver in {deliveryCountry}. Approved countries: {approvedCountries}.',
  'refusal.reservation.startNotInFuture':
    'The planned start ({plannedStart}) must be after today ({today}): the reservation must be recorded before the engagement starts.',
  'refusal.reservation.endBeforeStart':
    'The planned end ({plannedEnd}) is before the planned start ({plannedStart}).',
  'refusal.reservation.serviceLevelNotAllowed':
    'A {days}-day voucher cannot be used for this engagement. Allowed lengths: {allowed} days.',
  'refusal.reservation.exceedsEngagementMaximum':
    'This engagement allows at most {maximumDays} days; the voucher has {days}.',
  'refusal.reservation.exceedsCustomerLimit':
    '{customer} already has {alreadyDays} days of this engagement type; {requestedDays} more would pass the limit of {limit}. Record a different division, legal entity or product if that applies.',
  'refusal.reservation.offsiteDaysExceeded': 'At most {maximum} days may be delivered off-site.',
  'refusal.reservation.consultantRequired': 'Choose at least one consultant.',
  'refusal.reservation.consultantUnknown': 'One of the consultants chosen is not known to the app.',
  'refusal.reservation.reasonRequired': 'Give a reason for cancelling the reservation.',
  'refusal.delivery.notStarted': 'The engagement has not started yet (planned start {plannedStart}).',
  'refusal.report.engagementNotEnded':
    'The completion report can be submitted once the engagement has ended (actual end {actualEnd}).',
  'refusal.report.endBeforeStart': 'The actual end is before the actual start.',
  'refusal.report.deliverableRequired': 'List at least one deliverable handed to the customer.',
  'refusal.report.consultantRequired': 'List at least one consultant who delivered the engagement.',
  'refusal.report.consultantNotQualified': '{name} has no qualifying assessment recorded for {competencies}.',
  'refusal.report.daysExceedVoucher':
    '{daysDelivered} days delivered is more than the voucher allows ({voucherDays}).',
  'refusal.redemption.reportNotSubmitted': 'Submit the completion report before you redeem the voucher.',
  'refusal.redemption.closed': 'Vouchers cannot be redeemed from {closedFrom} on.',
  'refusal.payment.notRedeemed': 'Redeem the voucher before you make the payment request.',
  'refusal.payment.savbRegistrationMissing':
    'A Global admin must register {offeringId} in SAVB first ({globalAdminNames}).',
  'refusal.payment.windowClosed': 'The payment request was due by {deadline}.',
  'refusal.payment.alreadyApproved': 'This payment request is already approved.',
  'refusal.payment.reasonRequired': 'Give the reason Microsoft gave for the denial.',
  'refusal.expiry.notReached': 'The voucher does not expire until {expiresOn}.',

  // ---- next actions (one per NextActionId)
  'next.role.claimGlobalAdmin':
    'Nobody is Global admin yet. Claim the role to set up the app for your organization.',
  'next.role.assignPartnerAdmin': 'Choose who will be MPN partner admin.',
  'next.eligibility.completeTraining':
    'Complete the Planning Services compliance training and record the date.',
  'next.eligibility.recordCompetency': 'Record the competencies your company holds.',
  'next.eligibility.renewCompetency': 'Renew or record again the competencies that lapsed: {competencies}.',
  'next.enrollment.enroll': 'Sign the program agreement and record your enrollment in an offering.',
  'next.enrollment.renew': 'Renew the enrollment in {offeringId}.',
  'next.businessProfile.update': 'Update your business profile in Partner Center.',
  'next.savb.register': 'Register {offeringId} in the SAVB payment tool (once, by a Global admin).',
  'next.voucher.intake': 'When a customer sends you a voucher, paste the email here.',
  'next.voucher.reserve': 'Validate and reserve voucher {voucherNumber} and schedule the engagement.',
  'next.voucher.awaitEngagementStart': 'Voucher {voucherNumber}: the engagement starts {plannedStart}.',
  'next.voucher.markDelivered': 'Voucher {voucherNumber}: record that the engagement was delivered.',
  'next.report.submit': 'Submit the completion report for voucher {voucherNumber}.',
  'next.voucher.redeem': 'Redeem voucher {voucherNumber} in Partner Center.',
  'next.payment.request': 'Make the payment request for voucher {voucherNumber} in SAVB.',
  'next.payment.awaitApproval': 'Voucher {voucherNumber}: the payment request is waiting for approval.',
  'next.payment.awaitPayment': 'Voucher {voucherNumber}: payment approved, waiting for Microsoft to pay.',
  'next.payment.followUp': 'Voucher {voucherNumber}: the payment is late. Follow up with Microsoft.',
  'next.voucher.closedPaid': 'Voucher {voucherNumber} is paid. Nothing left to do.',
  'next.voucher.closedDenied': 'The payment for voucher {voucherNumber} was denied.',
  'next.voucher.closedExpired': 'Voucher {voucherNumber} expired.',

  // ---- welcome / what's next
  'welcome.title': "What's next",
  'welcome.greeting': 'Hello {name}.',
  'welcome.intro':
    'I guide your team through Software Assurance Planning Services: eligibility, enrollment, every voucher from the customer email to the payment, and every deadline in between.',
  'welcome.newPartner': 'You are a new partner: start with steps 1 to 3.',
  'welcome.setupTitle': 'Setup',
  'welcome.step1': '1. Eligibility',
  'welcome.step2': '2. Enrollment',
  'welcome.step3': '3. Business profile',
  'welcome.renewal': 'Enrollment renewal: {date} ({relative})',
  'welcome.nextTitle': 'To do',
  'welcome.nothingNext': 'Nothing to do right now.',
  'welcome.vouchers': 'Vouchers',
  'welcome.newVoucher': 'New voucher',
  'welcome.help': 'Help',

  // ---- help
  'help.title': 'Help',
  'help.notUnderstood': 'I did not understand that. Here is what I can do.',
  'help.intro':
    'Ask me "what\'s next?" at any time, or paste a customer\'s voucher email to record the voucher.',
  'help.commandsTitle': 'You can say',
  'help.cmd.next': '"what\'s next" – the next thing to do',
  'help.cmd.vouchers': '"vouchers" – the list of vouchers',
  'help.cmd.voucher': '"voucher 7F3K-22QX" – one voucher and its history',
  'help.cmd.eligibility': '"eligibility" – training and competencies',
  'help.cmd.enrollment': '"enrollment" – offerings, renewals and SAVB',
  'help.cmd.profile': '"profile" – business profile',
  'help.cmd.people': '"people" – people and roles',
  'help.cmd.settings': '"settings" – language, time zone, program channel',
  'help.stepsTitle': 'The eight steps',
  'help.steps':
    '1 Verify eligibility · 2 Enroll · 3 Update the business profile · 4 Receive the voucher · 5 Validate and reserve the voucher · 6 Deliver and submit the completion report · 7 Redeem the voucher · 8 Make the payment request',

  // ---- links (Action.OpenUrl titles)
  'link.partnerCenter': 'Open Partner Center',
  'link.partnerCenterVouchers': 'Vouchers in Partner Center',
  'link.partnerCenterProfile': 'Business profile in Partner Center',
  'link.partnerCenterEnrollment': 'Enrollment in Partner Center',
  'link.vlsc': 'Open VLSC',
  'link.savb': 'Open SAVB',
  'link.training': 'Compliance training',

  // ---- eligibility
  'eligibility.title': 'Eligibility',
  'eligibility.training': 'Compliance training',
  'eligibility.trainingDone': 'Completed on {date}',
  'eligibility.trainingMissing': 'Not completed yet',
  'eligibility.competencies': 'Competencies held',
  'eligibility.competency': '{name} ({level}), valid until {date}',
  'eligibility.competencyExpired': '{name} ({level}) expired on {date}',
  'eligibility.noCompetencies': 'No competencies recorded.',
  'eligibility.offerings': 'Offerings and engagements',
  'eligibility.missingTraining': 'Missing: compliance training',
  'eligibility.missingCompetency': 'Missing: {competencies}',
  'eligibility.expiredCompetency': 'Expired: {competencies}',
  'eligibility.myAssessments': 'My assessments',
  'eligibility.assessment': '{name} – {competency}, passed {date}',
  'eligibility.recordTraining': 'Record training',
  'eligibility.addCompetency': 'Add competency',
  'eligibility.recordAssessment': 'Record my assessment',
  'eligibility.trainingDate': 'Training completed on',
  'eligibility.competencyName': 'Competency',
  'eligibility.level': 'Level',
  'eligibility.validUntil': 'Valid until',
  'eligibility.assessmentName': 'Assessment or exam',
  'eligibility.assessmentCompetency': 'Competency it qualifies for',
  'eligibility.completedOn': 'Passed on',

  // ---- enrollment
  'enrollment.title': 'Enrollment',
  'enrollment.intro': 'Enrollment in each offering must be renewed every year.',
  'enrollment.agreement': 'Program agreement signed on {date}',
  'enrollment.noAgreement': 'Program agreement not recorded',
  'enrollment.enrolledOn': 'Enrolled on {date}',
  // The tab's word for an enrolment in force (tab/src/i18n enr_active).
  'enrollment.active': 'Active',
  'enrollment.notEnrolled': 'Not enrolled',
  'enrollment.renewal': 'Renewal due {date} ({relative})',
  'enrollment.lapsed': 'Lapsed – renew it before reserving vouchers',
  'enrollment.locations': 'Approved locations: {locations}',
  'enrollment.savbDone': 'SAVB registration: {date}',
  'enrollment.savbNeeded': 'SAVB registration needed (Global admin)',
  'enrollment.record': 'Record enrollment',
  'enrollment.renew': 'Renew enrollment',
  'enrollment.recordSavb': 'Record SAVB registration',
  'enrollment.offering': 'Offering',
  'enrollment.agreementDate': 'Program agreement signed on',
  'enrollment.date': 'Enrollment date',
  'enrollment.locationName': 'Partner location',
  'enrollment.countries': 'Approved countries',

  // ---- business profile
  'profile.title': 'Business profile',
  'profile.intro':
    'Keep your Partner Center business profile current; it must be reviewed at least once a year.',
  'profile.lastUpdated': 'Last updated {date} ({relative})',
  'profile.never': 'No update recorded yet.',
  'profile.recordCall': 'Once you have reviewed it in Partner Center, record the date here.',
  'profile.stale': 'More than a year old: review it in Partner Center.',
  'profile.updatedOn': 'Updated on',
  'profile.record': 'Record update',

  // ---- voucher summary facts (shared by voucher cards)
  'voucher.number': 'Voucher ID',
  'voucher.customer': 'Customer',
  'voucher.offering': 'Offering',
  'voucher.engagement': 'Engagement',
  'voucher.days': 'Length',
  'voucher.state': 'State',
  'voucher.expires': 'Expires',
  'voucher.assigned': 'Assigned',
  'voucher.admin': 'Voucher admin',
  'voucher.country': 'Delivery country',
  'voucher.location': 'Partner location',
  'voucher.planned': 'Planned',
  'voucher.consultants': 'Consultants',
  'voucher.reportSubmitted': 'Completion report',
  'voucher.redeemed': 'Redeemed',
  'voucher.payment': 'Payment request',
  'voucher.period': '{start} – {end}',
} satisfies Catalog;

export type GeneralKey = keyof typeof enGeneral;

export const en = {
  ...enGeneral,
  ...enForms,
  ...enResilience,
  ...enTenants,
  ...enGuidance,
  ...enExtensions,
  ...enJourneySteps,
  ...enDialogs,
};
