// Conversation references: where the bot can reach a person (their personal chat), a team channel or a
// group chat later, without a user turn; one document per tenant and user/channel/chat in `conversations`.
import { z } from 'zod';
import type { Logger } from '../logger';
import {
  AlreadyExists,
  ConcurrencyConflict,
  NotFound,
  type Repository,
  type Store,
  type Stored,
} from '../store';
import { checkServiceUrl } from './allowlist';

export const ReferenceScope = z.enum(['personal', 'channel', 'groupChat']);
export type ReferenceScope = z.infer<typeof ReferenceScope>;

const Account = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  aadObjectId: z.string().optional(),
});

export const ConversationRefDoc = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  type: z.literal('conversationRef'),
  scope: ReferenceScope,
  /** Personal scope: the user's Entra object id (the key reminders address people by). */
  userId: z.string().optional(),
  teamId: z.string().optional(),
  /** Channel scope: the Teams channel id (also the conversation id proactive posts go to). */
  teamsChannelId: z.string().optional(),
  conversationId: z.string().min(1),
  conversationType: z.string().optional(),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1).default('msteams'),
  bot: Account,
  user: Account.optional(),
  locale: z.string().max(35).optional(),
  timeZone: z.string().max(64).optional(),
  active: z.boolean(),
  inactiveReason: z.string().optional(),
  inactiveAt: z.string().optional(),
  capturedAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationRefDoc = z.infer<typeof ConversationRefDoc>;

/** The address of a conversation document inside a tenant. */
export type ReferenceTarget =
  | { kind: 'user'; userId: string }
  | { kind: 'channel'; channelId: string }
  | { kind: 'chat'; conversationId: string };

/** Cosmos ids may not contain / \ ? #; escape those (and %) so any Teams id maps to one stable id. */
function escapeId(s: string): string {
  return s.replace(/[/\\?#%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function referenceId(target: ReferenceTarget): string {
  switch (target.kind) {
    case 'user':
      return `user:${escapeId(target.userId)}`;
    case 'channel':
      return `channel:${escapeId(target.channelId)}`;
    case 'chat':
      return `chat:${escapeId(target.conversationId)}`;
  }
}

export interface ReferenceStoreOptions {
  /** Extra allowed service URLs (config.reminders.serviceUrlAllowlist). */
  serviceUrlAllowlist?: readonly string[];
  logger?: Logger;
  now?: () => number;
}

export type CaptureResult =
  | { action: 'captured' | 'updated' | 'unchanged' | 'reactivated'; id: string }
  | { action: 'inactivated'; ids: string[] }
  | { action: 'refused'; reason: string }
  | { action: 'ignored'; reason: string };

/** What an incoming activity says about its conversation, read by the Teams edge (bot/teams/turn-input.ts). */
export interface ReferenceDraft {
  tenantId: string;
  conversationId: string;
  /** As Teams names it: 'personal', 'channel', 'groupChat'. */
  conversationType?: string;
  isGroup?: boolean;
  serviceUrl?: string;
  channelId: string;
  /** The bot's account in this conversation. */
  bot?: { id: string; name: string };
  /** Who sent the activity. */
  from?: { id: string; name: string; aadObjectId?: string };
  teamId?: string;
  /** The Teams channel id (channelData.channel.id). */
  teamsChannelId?: string;
  locale?: string;
  timeZone?: string;
  /** The app left this conversation: uninstalled, or the bot removed from the team or chat. */
  removed: boolean;
}

export class ReferenceStore {
  readonly repo: Repository<ConversationRefDoc>;
  private readonly allowlist: readonly string[];
  private readonly logger?: Logger;
  private readonly now: () => number;

  /** Built once, by the composition root (bot/app.ts). */
  constructor(store: Pick<Store, 'repository'>, options: ReferenceStoreOptions = {}) {
    this.repo = store.repository('conversations', ConversationRefDoc, 'conversation reference', {
      onCorrupt: (e) =>
        this.logger?.warn({ id: e.id, problems: e.problems }, 'corrupt conversation reference skipped'),
      // The sender reads one reference per send, many at once across tenants: one request carries many.
      batchPointOperations: true,
    });
    this.allowlist = options.serviceUrlAllowlist ?? [];
    this.logger = options.logger;
    this.now = options.now ?? (() => Date.now());
  }

  isAllowed(serviceUrl: string): boolean {
    return checkServiceUrl(serviceUrl, this.allowlist).ok;
  }

  checkServiceUrl(serviceUrl: string): ReturnType<typeof checkServiceUrl> {
    return checkServiceUrl(serviceUrl, this.allowlist);
  }

  async get(tenantId: string, target: ReferenceTarget): Promise<Stored<ConversationRefDoc> | undefined> {
    return this.repo.read(tenantId, referenceId(target));
  }

  /** Whether the app is still in at least one of the tenant's conversations (one query, one document at most). */
  async hasActive(tenantId: string): Promise<boolean> {
    return (await this.repo.query(tenantId, { where: 'c.active = true', limit: 1 })).length > 0;
  }

  /** Stores (or refreshes) the reference of the conversation an activity came from; handles uninstalls. */
  async capture(draft: ReferenceDraft): Promise<CaptureResult> {
    const { tenantId } = draft;
    if (draft.removed) return this.inactivateFor(draft, 'uninstalled');
    if (!draft.serviceUrl || !draft.bot)
      return { action: 'ignored', reason: 'no service URL or bot account' };

    const check = checkServiceUrl(draft.serviceUrl, this.allowlist);
    if (!check.ok) {
      this.logger?.warn(
        { tenantId, serviceUrl: draft.serviceUrl, reason: check.reason },
        'conversation reference refused: service URL not allowed',
      );
      return { action: 'refused', reason: check.reason };
    }
    const doc = this.documentOf(draft, draft.serviceUrl, draft.bot);
    if (!doc) return { action: 'ignored', reason: 'no user id for a personal conversation' };
    return this.store(doc);
  }

  /** Marks one stored reference inactive (uninstall, or Teams answered 403/404). Idempotent. */
  async markInactive(tenantId: string, id: string, reason: string): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await this.repo.read(tenantId, id);
      if (!existing) return false;
      if (!existing.doc.active) return false;
      const at = new Date(this.now()).toISOString();
      try {
        await this.repo.replace(
          { ...existing.doc, active: false, inactiveReason: reason, inactiveAt: at, updatedAt: at },
          existing.etag,
        );
        this.logger?.info({ tenantId, id, reason }, 'conversation reference marked inactive');
        return true;
      } catch (err) {
        if (err instanceof ConcurrencyConflict) continue;
        throw err;
      }
    }
    return false;
  }

  /** Creates the document, or updates the stored one when something in it changed. */
  private async store(draft: ConversationRefDoc): Promise<CaptureResult> {
    const { tenantId } = draft;
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await this.repo.read(tenantId, draft.id);
      if (!existing) {
        try {
          await this.repo.create(draft);
          return { action: 'captured', id: draft.id };
        } catch (err) {
          if (err instanceof AlreadyExists) continue;
          throw err;
        }
      }
      const prev = existing.doc;
      const next: ConversationRefDoc = {
        ...prev,
        ...draft,
        // Keep what this activity did not say (a channel message carries no client info, for example).
        locale: draft.locale ?? prev.locale,
        timeZone: draft.timeZone ?? prev.timeZone,
        capturedAt: prev.capturedAt,
        inactiveReason: undefined,
        inactiveAt: undefined,
      };
      if (sameReference(prev, next)) return { action: 'unchanged', id: draft.id };
      try {
        await this.repo.replace(next, existing.etag);
        return { action: prev.active ? 'updated' : 'reactivated', id: draft.id };
      } catch (err) {
        if (err instanceof ConcurrencyConflict || err instanceof NotFound) continue;
        throw err;
      }
    }
    return { action: 'unchanged', id: draft.id };
  }

  private async inactivateFor(draft: ReferenceDraft, reason: string): Promise<CaptureResult> {
    const { tenantId } = draft;
    const ids: string[] = [];
    if (draft.teamId || draft.conversationType === 'channel') {
      const found = draft.teamId
        ? await this.repo.query(tenantId, {
            where: 'c.teamId = @teamId',
            parameters: [{ name: '@teamId', value: draft.teamId }],
          })
        : [];
      const candidates = new Set(found.map((f) => f.doc.id));
      if (draft.teamsChannelId)
        candidates.add(referenceId({ kind: 'channel', channelId: draft.teamsChannelId }));
      for (const id of candidates) if (await this.markInactive(tenantId, id, reason)) ids.push(id);
    } else if (draft.conversationType === 'groupChat') {
      const id = referenceId({ kind: 'chat', conversationId: draft.conversationId });
      if (await this.markInactive(tenantId, id, reason)) ids.push(id);
    } else {
      const userId = draft.from?.aadObjectId ?? draft.from?.id;
      if (userId) {
        const id = referenceId({ kind: 'user', userId });
        if (await this.markInactive(tenantId, id, reason)) ids.push(id);
      }
    }
    return { action: 'inactivated', ids };
  }

  /** The document for a conversation: a team channel, a group chat, or a person's chat with the bot. */
  private documentOf(
    draft: ReferenceDraft,
    serviceUrl: string,
    bot: { id: string; name: string },
  ): ConversationRefDoc | undefined {
    const at = new Date(this.now()).toISOString();
    const base = {
      tenantId: draft.tenantId,
      type: 'conversationRef' as const,
      serviceUrl,
      channelId: draft.channelId,
      bot,
      active: true,
      capturedAt: at,
      updatedAt: at,
    };
    const { teamId, conversationId } = draft;
    if (draft.conversationType === 'channel' || teamId) {
      // A message inside a thread has `;messageid=` appended; posts go to the channel itself.
      const channelId = draft.teamsChannelId ?? conversationId.split(';')[0] ?? conversationId;
      return {
        ...base,
        id: referenceId({ kind: 'channel', channelId }),
        scope: 'channel',
        teamId,
        teamsChannelId: channelId,
        conversationId: channelId,
        conversationType: 'channel',
        // The language Teams reports for the channel's latest message: what channel posts are written in.
        locale: draft.locale,
      };
    }
    if (draft.conversationType === 'groupChat' || draft.isGroup) {
      return {
        ...base,
        id: referenceId({ kind: 'chat', conversationId }),
        scope: 'groupChat',
        conversationId,
        conversationType: 'groupChat',
      };
    }
    const { from } = draft;
    const userId = from?.aadObjectId ?? from?.id;
    if (!from?.id || !userId) return undefined;
    return {
      ...base,
      id: referenceId({ kind: 'user', userId }),
      scope: 'personal',
      userId,
      conversationId,
      conversationType: draft.conversationType ?? 'personal',
      user: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      locale: draft.locale,
      timeZone: draft.timeZone,
    };
  }
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Equal apart from timestamps: nothing worth a write. */
function sameReference(a: ConversationRefDoc, b: ConversationRefDoc): boolean {
  return stable({ ...a, updatedAt: '', capturedAt: '' }) === stable({ ...b, updatedAt: '', capturedAt: '' });
}

/** Where a proactive message goes: what the Bot Framework's continueConversationAsync takes. */
export interface ProactiveAddress {
  channelId: string;
  serviceUrl: string;
  bot: { id: string; name: string };
  user?: { id: string; name: string; aadObjectId?: string };
  conversation: { id: string; tenantId: string; conversationType: string; isGroup: boolean; name: string };
  locale?: string;
}

/** The Bot Framework conversation reference for a stored document (what continueConversationAsync takes). */
export function toConversationReference(doc: ConversationRefDoc): ProactiveAddress {
  return {
    channelId: doc.channelId,
    serviceUrl: doc.serviceUrl,
    bot: { id: doc.bot.id, name: doc.bot.name },
    user: doc.user ? { id: doc.user.id, name: doc.user.name, aadObjectId: doc.user.aadObjectId } : undefined,
    conversation: {
      id: doc.conversationId,
      tenantId: doc.tenantId,
      conversationType: doc.conversationType ?? doc.scope,
      isGroup: doc.scope !== 'personal',
      name: '',
    },
    locale: doc.locale,
  };
}
