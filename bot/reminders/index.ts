// What the rest of the app uses of the reminders: the service the composition root runs, the ledger and the
// conversation references it builds once, and what the Teams edge needs to word and act on reminders.
export { nextSendTime, type BusinessHours } from './business-hours';
export { Ledger, type LedgerEntry } from './ledger';
export { ReferenceStore, type ReferenceDraft } from './references';
export { blockedKind } from './reachability';
export type { RenderContext, RenderFn } from './send-attempt';
export { ReminderService } from './service';
