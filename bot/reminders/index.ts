// Proactive reminders: conversation references, the delivery ledger, the throttled sender and the scan.
export { checkServiceUrl, isAllowedServiceUrl, type ServiceUrlCheck } from './allowlist';
export {
  isBusinessTime,
  localDay,
  localParts,
  nextSendTime,
  sendTimeBy,
  zonedTime,
  type BusinessHours,
} from './business-hours';
export {
  CauseDone,
  DeliveryState,
  DeliveryTarget,
  Ledger,
  LedgerEntry,
  defaultCauseOf,
  ledgerId,
  targetKey,
  type ActionResult,
  type EnqueueInput,
  type LedgerOptions,
} from './ledger';
export { CONVERSATION_LIMITS, RateLimiter, TENANT_LIMITS, type Window } from './limiter';
export {
  ConversationRefDoc,
  ReferenceStore,
  referenceId,
  toConversationReference,
  type CaptureResult,
  type ReferenceDraft,
  type ReferenceStoreOptions,
  type ReferenceTarget,
} from './references';
export {
  ReminderScheduler,
  type DueRemindersFn,
  type ScanSummary,
  type SchedulerOptions,
  type SchedulerOrganization,
  type SchedulerReminder,
} from './scheduler';
export {
  ReminderSender,
  blockedKind,
  describeError,
  type BlockedKind,
  type ProactiveAdapter,
  type RenderContext,
  type RenderFn,
  type SendOutcome,
  type SendResult,
  type SenderOptions,
  type SenderStats,
} from './sender';
export { REMINDERS_ACTOR, expireOverdueVouchers, type ExpiryResult, type ExpiryStore } from './expiry';
export {
  ReminderService,
  type ReminderServiceOptions,
  type ReminderStats,
  type TestReminderResult,
} from './service';
