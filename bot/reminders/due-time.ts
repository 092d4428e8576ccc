// A worked tenant's next due time: the domain's next day with new work, the times its open ledger entries
// wake, and a safety net, whichever comes first.
import type { DueSchedule } from '../program';
import type { LedgerEntry } from './ledger';

export interface NextDueInput {
  now: Date;
  /** The domain's schedule over all the tenant's documents, after its due work was done. */
  schedule: DueSchedule;
  /** The tenant's ledger entries still open (pending, snoozed, claimed). */
  open: readonly LedgerEntry[];
  /** Expiry writes that lost an ETag race: settled by the next look, soon. */
  expiryConflicts: number;
  /** How soon to look again at entries handed to a sender now (in case that instance dies before sending). */
  recheckMs: number;
  /** Longest a tenant goes unscanned (the net under a write whose index update was lost). */
  maxIdleMs: number;
}

function wakeOf(e: LedgerEntry): string | undefined {
  if (e.state === 'pending') return e.notBefore;
  if (e.state === 'snoozed') return e.snoozedUntil ?? e.notBefore;
  if (e.state === 'claimed') return e.claim?.until;
  return undefined;
}

export function nextDueTime(input: NextDueInput): Date {
  const now = input.now.getTime();
  const soon = now + input.recheckMs;
  let next = now + input.maxIdleMs;
  if (input.schedule.nextAt) next = Math.min(next, input.schedule.nextAt.getTime());
  if (input.expiryConflicts > 0) next = Math.min(next, soon);
  for (const e of input.open) {
    const wake = wakeOf(e);
    if (wake === undefined) continue;
    // Due now means a sender has it now: look again once its claim would have run out.
    next = Math.min(next, Math.max(Date.parse(wake), soon));
  }
  return new Date(next);
}
