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
export { ReminderScheduler, type ReminderSchedulerDeps, type ScanSummary } from './scheduler';
export { ReminderSender, type SenderStats } from './sender';
export type { SenderOptions } from './sender-options';
export {
  describeError,
  type RenderContext,
  type RenderFn,
  type SendOutcome,
  type SendResult,
} from './send-attempt';
export type { ProactiveAdapter } from './proactive-post';
export { blockedKind, type BlockedKind } from './reachability';
export type { TenantJob } from './timed-job';
export { EXPIRY_ACTOR, expireOverdueVouchers, type ExpiryResult, type ExpiryStore } from './expiry';
export { ExpiryJob, type ExpiryJobDeps, type ExpiryRunSummary } from './expiry-job';
export {
  ReminderService,
  type ReminderServiceOptions,
  type ReminderStats,
  type TestReminderResult,
} from './service';
