// Whether a ledger entry's recipient can be reached now, and if not why: the reason is stored on the blocked
// entry and the "reminders" list words it (blockedKind).
import type { Logger } from '../logger';
import type { Stored } from '../store';
import type { DeliveryTarget } from './ledger';
import type { ConversationRefDoc, ReferenceStore, ReferenceTarget } from './references';

export type Reachability =
  { ok: true; reference: Stored<ConversationRefDoc> } | { ok: false; reason: string };

/** The recipient's stored conversation, when it is active and its service URL is on the allowlist. */
export async function reachRecipient(
  references: ReferenceStore,
  tenantId: string,
  target: DeliveryTarget,
  logger?: Logger,
): Promise<Reachability> {
  const address: ReferenceTarget =
    target.kind === 'user'
      ? { kind: 'user', userId: target.userId }
      : { kind: 'channel', channelId: target.channelId };
  const reference = await references.get(tenantId, address);
  if (!reference) return { ok: false, reason: 'no conversation reference' };
  if (!reference.doc.active)
    return { ok: false, reason: `conversation inactive (${reference.doc.inactiveReason ?? 'unknown'})` };
  const check = references.checkServiceUrl(reference.doc.serviceUrl);
  if (!check.ok) {
    logger?.warn(
      { tenantId, referenceId: reference.doc.id, serviceUrl: reference.doc.serviceUrl },
      'stored reference has a service URL outside the allowlist; not calling it',
    );
    return { ok: false, reason: `service URL refused: ${check.reason}` };
  }
  return { ok: true, reference };
}

/** Why an entry could not be sent, as people need to know it. */
export type BlockedKind = 'noChat' | 'inactive' | 'refused' | 'unreachable';

export function blockedKind(reason: string): BlockedKind {
  if (reason.startsWith('no conversation reference')) return 'noChat';
  if (reason.startsWith('conversation inactive')) return 'inactive';
  if (reason.startsWith('service URL refused')) return 'refused';
  return 'unreachable';
}
