// English texts of the voucher forms (steps 4–8), people, settings and reminders; en.ts has the rest.
import type { Catalog } from './types';

export const enForms = {
  // ---- intake
  'intake.title': 'New voucher',
  'intake.fromEmail':
    'I read these fields from the email. Check them, fill in what is missing, then confirm.',
  'intake.manual': 'Enter the voucher as the customer sent it.',
  'intake.found': 'Found in the email',
  'intake.notFound': 'Not found – please enter it',
  'intake.voucherNumber': 'Voucher ID',
  'intake.voucherNumberError': 'Use 4 to 64 letters, digits and dashes.',
  'intake.customerName': 'Customer',
  'intake.offering': 'Offering',
  'intake.days': 'Length in days',
  'intake.voucherAdminEmail': "Voucher admin's email",
  'intake.emailError': 'Enter an email address.',
  'intake.assignedOn': 'Assigned on',
  'intake.expiresOn': 'Expiry shown in Partner Center (optional)',
  'intake.confirm': 'Confirm voucher',

  // ---- reservation
  'reservation.title': 'Reserve voucher',
  'reservation.intro':
    "First validate and reserve the voucher in Partner Center with the voucher ID and the voucher admin's email, then record the reservation here.",
  'reservation.engagement': 'Engagement',
  'reservation.country': 'Delivery country',
  'reservation.location': 'Partner location',
  'reservation.start': 'Planned start',
  'reservation.end': 'Planned end',
  'reservation.startError':
    'Choose a date after today: the reservation must be recorded before the engagement starts.',
  'reservation.consultants': 'Consultants',
  'reservation.offsiteDays': 'Off-site days',
  'reservation.submit': 'Record reservation',

  // ---- cancel reservation
  'cancel.title': 'Cancel reservation',
  'cancel.intro': 'The voucher goes back to Assigned. Cancel the reservation in Partner Center too.',
  'cancel.reason': 'Reason',
  'cancel.submit': 'Cancel reservation',

  // ---- completion report
  'report.title': 'Completion report',
  'report.intro':
    'Submit the completion report once the engagement is delivered and the customer has accepted the deliverables.',
  'report.actualStart': 'Actual start',
  'report.actualEnd': 'Actual end',
  'report.daysDelivered': 'Days delivered',
  'report.daysError': 'From 1 to {max} days.',
  'report.deliverables': 'Deliverables',
  'report.deliverableType': 'Deliverable {index}: type',
  'report.deliverableReference': 'Deliverable {index}: link or document reference',
  'report.consultants': 'Consultants and their qualifying assessment',
  'report.consultantAssessment': '{name}: qualifying assessment',
  'report.notDelivered': 'Did not deliver',
  'report.noAssessment': '{name} has no qualifying assessment recorded.',
  'report.contactName': 'Customer contact who accepted',
  'report.contactEmail': "Customer contact's email",
  'report.summary': 'Summary',
  'report.submit': 'Submit completion report',
  'deliverable.architecture': 'Architecture and design document',
  'deliverable.deploymentPlan': 'Deployment plan',
  'deliverable.proofOfConcept': 'Proof of concept',
  'deliverable.assessment': 'Assessment report',
  'deliverable.roadmap': 'Roadmap',
  'deliverable.other': 'Other',

  // ---- redeem
  'redeem.title': 'Redeem voucher',
  'redeem.intro':
    'Redeem the voucher in Partner Center, then record it here. The payment request is due within the payment window after redemption.',
  'redeem.reportOn': 'Completion report submitted on {date}',
  'redeem.date': 'Redeemed on',
  'redeem.submit': 'Record redemption',

  // ---- payment request
  'payment.title': 'Payment request',
  'payment.intro':
    'Make the payment request in the SAVB online payment tool, then record its reference here.',
  'payment.window': 'Due by {date} ({relative})',
  'payment.savbMissing':
    'SAVB registration for {offering} is not recorded yet. A Global admin must register once before the first payment request.',
  'payment.reference': 'SAVB reference number',
  'payment.amount': 'Amount',
  'payment.amountError': 'Enter an amount greater than zero.',
  'payment.currency': 'Currency',
  'payment.date': 'Requested on',
  'payment.submit': 'Record payment request',

  // ---- payment outcome
  'outcome.title': 'Payment',
  'outcome.requested': 'Requested on {date}: {amount} (SAVB {reference})',
  'outcome.status.requested': 'Waiting for approval',
  'outcome.status.approved': 'Approved on {date}',
  'outcome.status.paid': 'Paid on {date}: {amount}',
  'outcome.status.denied': 'Denied on {date}',
  'outcome.reasonShown': 'Reason: {reason}',
  'outcome.record': 'Record outcome',
  'outcome.outcome': 'Outcome',
  'outcome.approved': 'Approved',
  'outcome.paid': 'Paid',
  'outcome.denied': 'Denied',
  'outcome.date': 'Date',
  'outcome.paidAmount': 'Amount paid (if paid)',
  'outcome.reason': 'Reason for the denial (if denied)',
  'outcome.submit': 'Record outcome',

  // ---- voucher detail
  'detail.title': 'Voucher {voucherNumber}',
  'detail.stateSince': '{state} since {date}',
  'detail.next': 'Next: {text}',
  'detail.timeline': 'History',
  'detail.timelineEntry': '{date} · {who}',
  'detail.reason': 'Reason: {reason}',
  'detail.transition': '{from} → {to}',
  'detail.reserve': 'Reserve',
  'detail.cancelReservation': 'Cancel reservation',
  'detail.markDelivered': 'Mark delivered',
  'detail.submitReport': 'Completion report',
  'detail.redeem': 'Redeem',
  'detail.requestPayment': 'Payment request',
  'detail.recordOutcome': 'Payment outcome',
  'detail.setExpiry': 'Correct the expiry',
  'detail.expiryLabel': 'Expiry date shown in Partner Center',
  'audit.voucher.intake': 'Voucher recorded',
  'audit.voucher.reserve': 'Reserved',
  'audit.voucher.cancelReservation': 'Reservation cancelled',
  'audit.voucher.markDelivered': 'Marked delivered',
  'audit.voucher.submitReport': 'Completion report submitted',
  'audit.voucher.redeem': 'Redeemed',
  'audit.voucher.requestPayment': 'Payment request recorded',
  'audit.voucher.recordApproval': 'Payment approved',
  'audit.voucher.recordPayment': 'Payment received',
  'audit.voucher.recordDenial': 'Payment denied',
  'audit.voucher.expire': 'Expired',
  'audit.voucher.setExpiry': 'Expiry date set',
  'audit.other': 'Changed ({action})',

  // ---- voucher list
  'list.title': 'Vouchers',
  'list.count': { one: '{count} voucher', other: '{count} vouchers' },
  'list.page': 'Page {page} of {pages}',
  'list.empty': "No vouchers yet. Paste a customer's voucher email to record one.",
  'list.item': '{customer} · {offering} · {days}',
  'list.itemState': '{state} · expires {date}',
  'list.filter': 'State',
  'list.allStates': 'All states',
  'list.previous': 'Previous',
  'list.next': 'Next',
  'list.apply': 'Filter',

  // ---- people
  'people.title': 'People and roles',
  'people.noRoles': 'Member',
  'people.more': { one: 'and {count} more person', other: 'and {count} more people' },
  'people.noGlobalAdmin':
    'Nobody is Global admin yet. The first person to claim the role becomes Global admin.',
  'people.claim': 'Claim Global admin',
  'people.assign': 'Assign a role',
  'people.remove': 'Remove a role',
  'people.person': 'Person',
  'people.role': 'Role',

  // ---- settings
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.timeZone': 'Time zone',
  'settings.channel': 'Program channel (organization)',
  'settings.noChannel': 'No program channel',
  'settings.channelHint': 'Reminders for the whole team are also posted in this channel.',
  'settings.lang.en': 'English',
  'settings.lang.pt-BR': 'Português (Brasil)',
  'settings.lang.es-ES': 'Español (España)',

  // ---- reminders (title + body per ReminderKind)
  'reminder.enrollmentRenewal.title': 'Enrollment renewal',
  'reminder.enrollmentRenewal.body': 'The enrollment in {offering} must be renewed.',
  'reminder.businessProfileStale.title': 'Business profile',
  'reminder.businessProfileStale.body': 'Your business profile has not been updated for a year.',
  'reminder.voucherReserve.title': 'Voucher waiting to be reserved',
  'reminder.voucherReserve.body': 'Voucher {voucherNumber} from {customer} has not been reserved yet.',
  'reminder.voucherExpiry.title': 'Voucher expiring',
  'reminder.voucherExpiry.body': 'Voucher {voucherNumber} from {customer} expires and is not redeemed yet.',
  'reminder.reportDue.title': 'Completion report due',
  'reminder.reportDue.body':
    'The engagement for voucher {voucherNumber} ({customer}) has ended: submit the completion report.',
  'reminder.redeemAfterReport.title': 'Redeem the voucher',
  'reminder.redeemAfterReport.body':
    'The completion report for voucher {voucherNumber} is in: redeem the voucher in Partner Center.',
  'reminder.savbRegistration.title': 'SAVB registration',
  'reminder.savbRegistration.body':
    'The first voucher of {offering} is redeemed: register the offering in SAVB once so payments can be requested.',
  'reminder.paymentRequestWindow.title': 'Payment request window',
  'reminder.paymentRequestWindow.body':
    'Make the payment request for voucher {voucherNumber} before the window closes.',
  'reminder.paymentFollowUp.title': 'Payment follow-up',
  'reminder.paymentFollowUp.body':
    'The payment for voucher {voucherNumber} was approved but not received yet.',
  'reminder.paymentReceived.title': 'Payment received',
  'reminder.paymentReceived.body': 'Microsoft paid voucher {voucherNumber} ({customer}).',
  'reminder.paymentDenied.title': 'Payment denied',
  'reminder.paymentDenied.body': 'The payment request for voucher {voucherNumber} ({customer}) was denied.',
  'reminder.act': 'Do it now',
  'reminder.view': 'View voucher',
  'reminder.snooze': 'Remind me later',
  'reminder.snoozeFor': 'Remind me in',
  'reminder.done': 'Mark as done',
  'reminder.testNotice':
    'Test reminder: this is how reminders look. It was sent because you asked; nothing new is due.',
  'reminder.snoozedNotice': 'Snoozed: I will remind you again on {date}.',
  'reminder.doneNotice': 'Marked as done: no more reminders about this.',
  'reminderList.title': 'Reminders',
  'reminderList.intro': 'What I will remind people of in the next {days} days, and the reminders still open.',
  'reminderList.empty': 'Nothing is scheduled for the next {days} days.',
  'reminderList.when': 'Reminder on {sendOn} · due {due}',
  'reminderList.more': 'And {count} more.',
  'reminderList.state.scheduled': 'Scheduled',
  'reminderList.state.pending': 'Waiting to be sent',
  'reminderList.state.sent': 'Sent',
  'reminderList.state.snoozed': 'Snoozed until {date}',
  'reminderList.state.done': 'Done',
  'reminderList.state.failed': 'Not delivered',
  'reminderList.state.blocked': 'Not delivered to {names}: {reason}',
  'reminderList.blocked.noChat': 'no chat with the bot yet. Ask them to say hello to the bot in Teams.',
  'reminderList.blocked.noChannelChat':
    'the bot has not been in the channel yet. Mention the bot there once.',
  'reminderList.blocked.inactive':
    'the bot was removed from the chat. Ask them to add the app again and say hello to the bot.',
  'reminderList.blocked.refused':
    "the chat's service address is not allowed. Ask your IT admin to check the app's service URL allowlist.",
  'reminderList.blocked.unreachable': 'the chat cannot be reached right now. I will try again.',
  'reminderList.programChannel': 'the program channel',
  'reminderList.test': 'Send me a test reminder',
  'reminderList.testSent': 'A test reminder is on its way to your personal chat.',
  'reminderList.testNoChat':
    'I cannot reach your personal chat yet. Open a chat with me, say "hi", then try again.',
  'reminderList.testUnavailable': 'Reminders are switched off here, so I cannot send a test reminder.',
} satisfies Catalog;

export type FormsKey = keyof typeof enForms;
