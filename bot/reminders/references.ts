// Conversation references: where the bot can reach a person (their personal chat), a team channel or a
// group chat later, without a user turn. Captured on install and on every incoming activity, one document
// per tenant and user/channel/chat in the `conversations` container; marked inactive on uninstall or when
// Teams answers 403/404. Each document also keeps the user's Teams locale and time zone for localized
// delivery inside business hours.
import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { isTimeZone } from '../program/dates';
import type { Logger } from '../logger';
import { AlreadyExists, ConcurrencyConflict, NotFound, Repository, type Store, type Stored } from '../store';
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

interface ChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
  eventType?: string;
}

/** Teams sends the client's zone in an entity `{ type: 'clientInfo', timezone: 'Europe/Lisbon', locale }`. */
export function clientInfo(activity: Partial<Activity>): { timeZone?: string; locale?: string } {
  const out: { timeZone?: string; locale?: string } = {};
  const fromActivity = (activity as { localTimezone?: unknown }).localTimezone;
  for (const e of activity.entities ?? []) {
    if ((e as { type?: unknown }).type !== 'clientInfo') continue;
    const rec = e as Record<string, unknown>;
    const tz = [rec.timezone, rec.timeZone, rec.localTimezone].find((v) => typeof v === 'string');
    if (typeof tz === 'string' && isTimeZone(tz)) out.timeZone = tz;
    if (typeof rec.locale === 'string' && rec.locale.length <= 35) out.locale = rec.locale;
  }
  if (!out.timeZone && typeof fromActivity === 'string' && isTimeZone(fromActivity))
    out.timeZone = fromActivity;
  if (typeof activity.locale === 'string' && activity.locale.length > 0 && activity.locale.length <= 35)
    out.locale = activity.locale;
  return out;
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  const cd = activity.channelData as ChannelData | undefined;
  return cd?.tenant?.id ?? activity.conversation?.tenantId ?? undefined;
}

function isUninstall(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate')
    return typeof activity.action === 'string' && activity.action.startsWith('remove');
  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    return Boolean(botId && activity.membersRemoved?.some((m) => m.id === botId));
  }
  return false;
}

export class ReferenceStore {
  readonly repo: Repository<ConversationRefDoc>;
  private readonly allowlist: readonly string[];
  private readonly logger?: Logger;
  private readonly now: () => number;

  constructor(store: Pick<Store, 'containers'>, options: ReferenceStoreOptions = {}) {
    this.repo = new Repository(store.containers.conversations, ConversationRefDoc, 'conversation reference', {
      onCorrupt: (e) =>
        this.logger?.warn({ id: e.id, problems: e.problems }, 'corrupt conversation reference skipped'),
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

  /** Stores (or refreshes) the reference of the conversation an activity came from; handles uninstalls. */
  async capture(activity: Partial<Activity>): Promise<CaptureResult> {
    const tenantId = tenantOf(activity);
    if (!tenantId) return { action: 'ignored', reason: 'no tenant id' };
    if (!activity.conversation?.id) return { action: 'ignored', reason: 'no conversation' };
    if (isUninstall(activity)) return this.inactivateFor(activity, tenantId, 'uninstalled');
    if (!activity.serviceUrl || !activity.recipient?.id)
      return { action: 'ignored', reason: 'no service URL or bot account' };

    const check = checkServiceUrl(activity.serviceUrl, this.allowlist);
    if (!check.ok) {
      this.logger?.warn(
        { tenantId, serviceUrl: activity.serviceUrl, reason: check.reason },
        'conversation reference refused: service URL not allowed',
      );
      return { action: 'refused', reason: check.reason };
    }
    const draft = this.draft(activity, tenantId);
    if (!draft) return { action: 'ignored', reason: 'no user id for a personal conversation' };

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

  private async inactivateFor(
    activity: Partial<Activity>,
    tenantId: string,
    reason: string,
  ): Promise<CaptureResult> {
    const cd = activity.channelData as ChannelData | undefined;
    const ids: string[] = [];
    const conversationType = activity.conversation?.conversationType;
    if (cd?.team?.id || conversationType === 'channel') {
      const teamId = cd?.team?.id;
      const found = teamId
        ? await this.repo.query(tenantId, {
            where: 'c.teamId = @teamId',
            parameters: [{ name: '@teamId', value: teamId }],
          })
        : [];
      const candidates = new Set(found.map((f) => f.doc.id));
      if (cd?.channel?.id) candidates.add(referenceId({ kind: 'channel', channelId: cd.channel.id }));
      for (const id of candidates) if (await this.markInactive(tenantId, id, reason)) ids.push(id);
    } else if (conversationType === 'groupChat') {
      const id = referenceId({ kind: 'chat', conversationId: activity.conversation?.id ?? '' });
      if (await this.markInactive(tenantId, id, reason)) ids.push(id);
    } else {
      const userId = activity.from?.aadObjectId ?? activity.from?.id;
      if (userId) {
        const id = referenceId({ kind: 'user', userId });
        if (await this.markInactive(tenantId, id, reason)) ids.push(id);
      }
    }
    return { action: 'inactivated', ids };
  }

  private draft(activity: Partial<Activity>, tenantId: string): ConversationRefDoc | undefined {
    const cd = activity.channelData as ChannelData | undefined;
    const conv = activity.conversation!;
    const at = new Date(this.now()).toISOString();
    const info = clientInfo(activity);
    const bot = { id: activity.recipient!.id, name: activity.recipient!.name ?? '' };
    const base = {
      tenantId,
      type: 'conversationRef' as const,
      serviceUrl: activity.serviceUrl!,
      channelId: activity.channelId ?? 'msteams',
      bot,
      active: true,
      capturedAt: at,
      updatedAt: at,
    };
    const teamId = cd?.team?.id;
    if (conv.conversationType === 'channel' || teamId) {
      // A message inside a thread has `;messageid=` appended; posts go to the channel itself.
      const channelId = cd?.channel?.id ?? conv.id.split(';')[0] ?? conv.id;
      return {
        ...base,
        id: referenceId({ kind: 'channel', channelId }),
        scope: 'channel',
        teamId,
        teamsChannelId: channelId,
        conversationId: channelId,
        conversationType: 'channel',
        // The language Teams reports for the channel's latest message: what channel posts are written in.
        locale: info.locale,
      };
    }
    if (conv.conversationType === 'groupChat' || conv.isGroup) {
      return {
        ...base,
        id: referenceId({ kind: 'chat', conversationId: conv.id }),
        scope: 'groupChat',
        conversationId: conv.id,
        conversationType: 'groupChat',
      };
    }
    const from = activity.from;
    const userId = from?.aadObjectId ?? from?.id;
    if (!from?.id || !userId) return undefined;
    return {
      ...base,
      id: referenceId({ kind: 'user', userId }),
      scope: 'personal',
      userId,
      conversationId: conv.id,
      conversationType: conv.conversationType ?? 'personal',
      user: { id: from.id, name: from.name ?? '', aadObjectId: from.aadObjectId },
      locale: info.locale,
      timeZone: info.timeZone,
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

/** The Bot Framework conversation reference for a stored document (what continueConversationAsync takes). */
export function toConversationReference(doc: ConversationRefDoc): Partial<ConversationReference> {
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

/** Convenience for the bot's activity handler: `await captureReference(store, context.activity)`. */
export async function captureReference(
  store: ReferenceStore | Pick<Store, 'containers'>,
  activity: Partial<Activity>,
  options: ReferenceStoreOptions = {},
): Promise<CaptureResult> {
  const refs = store instanceof ReferenceStore ? store : new ReferenceStore(store, options);
  return refs.capture(activity);
}

/** Convenience: mark a stored reference inactive by its target. */
export async function markInactive(
  store: ReferenceStore | Pick<Store, 'containers'>,
  tenantId: string,
  target: ReferenceTarget | string,
  reason: string,
): Promise<boolean> {
  const refs = store instanceof ReferenceStore ? store : new ReferenceStore(store);
  return refs.markInactive(tenantId, typeof target === 'string' ? target : referenceId(target), reason);
}
