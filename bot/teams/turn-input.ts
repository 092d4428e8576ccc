// An incoming activity read once per turn into plain data: tenant, person, language, time zone, conversation,
// the conversation reference it implies and the request's correlation id. Outside bot/teams/ nothing sees an Activity.
import type { Activity, TurnContext } from 'botbuilder';
import { resolveLocale, type Locale } from '../i18n';
import { isTimeZone } from '../program';
import type { ReferenceDraft } from '../reminders';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface Identity {
  tenantId: string;
  /** The Entra object id. */
  userId: string;
  name: string;
  /** The Teams user id (`from.id`, `29:…`): what Adaptive Card refresh.userIds names. */
  teamsUserId?: string;
}

/** The team channel a shared conversation is in. */
export interface TeamChannel {
  teamId?: string;
  channelId: string;
  name?: string;
}

export interface TurnInput {
  /** The request's id (x-correlation-id): logged with the turn, quoted to the user when it fails. */
  correlationId: string;
  /** The tenant Teams put on the activity, when it is a well-formed id. */
  tenantId?: string;
  /** The person speaking, when Teams named them (Entra object id) in a known tenant. */
  identity?: Identity;
  /** The language Teams reported (the activity's locale, else the client's). */
  teamsLocale?: string;
  /** `teamsLocale` resolved: the language of a turn whose person is not known yet. */
  locale: Locale;
  /** The client's time zone, when Teams sent a valid one. */
  timeZone?: string;
  conversation: ConversationKind;
  channel?: TeamChannel;
  /** A message's text without the @mention of the bot ('' for other activities). */
  text: string;
  /** The message a card action came from (updated for everyone after a change). */
  replyToId?: string;
  /** A membership event that added the bot itself (the app was installed here). */
  botAdded: boolean;
  /** Where this conversation can be reached later; undefined without a tenant or a conversation id. */
  reference?: ReferenceDraft;
}

const TURN = Symbol('turnInput');
const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** Reads the activity of a request (messages-endpoint.ts calls it before the turn runs) and keeps the result for the turn. */
export function startTurn(context: TurnContext, correlationId: string): TurnInput {
  const turn = readActivity(context.activity, correlationId);
  context.turnState.set(TURN, turn);
  return turn;
}

/** The turn's input, read once per turn. */
export function turnOf(context: TurnContext): TurnInput {
  return (context.turnState.get(TURN) as TurnInput | undefined) ?? startTurn(context, 'unknown');
}

export function correlationIdOf(context: TurnContext): string {
  return turnOf(context).correlationId;
}

export function readActivity(activity: Partial<Activity>, correlationId: string): TurnInput {
  const tenantId = tenantIdOf(activity);
  const client = clientInfo(activity);
  const teamsLocale = activity.locale ?? client.locale;
  const identity = tenantId ? identityOf(activity, tenantId) : undefined;
  const channel = channelOf(activity);
  return {
    correlationId,
    ...(tenantId ? { tenantId } : {}),
    ...(identity ? { identity } : {}),
    ...(teamsLocale ? { teamsLocale } : {}),
    locale: resolveLocale(teamsLocale),
    ...(client.timeZone ? { timeZone: client.timeZone } : {}),
    conversation: conversationKindOf(activity),
    ...(channel ? { channel } : {}),
    text: activity.type === 'message' ? withoutBotMention(activity) : '',
    ...(activity.replyToId ? { replyToId: activity.replyToId } : {}),
    botAdded: Boolean(activity.membersAdded?.some((m) => m.id === activity.recipient?.id)),
    ...referenceOf(activity, tenantId, client),
  };
}

/** The tenant id Teams puts on the activity: channelData.tenant.id, else conversation.tenantId. */
function tenantIdOf(activity: Partial<Activity>): string | undefined {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const candidate =
    typeof fromChannel === 'string' && fromChannel !== '' ? fromChannel : activity.conversation?.tenantId;
  return typeof candidate === 'string' && ID.test(candidate) ? candidate : undefined;
}

/** The Entra object id of the sender; Teams always sends it for people. */
function identityOf(activity: Partial<Activity>, tenantId: string): Identity | undefined {
  const userId = activity.from?.aadObjectId;
  if (typeof userId !== 'string' || !ID.test(userId)) return undefined;
  const name = typeof activity.from?.name === 'string' ? activity.from.name.slice(0, 200) : '';
  const teamsId = activity.from?.id;
  const teamsUserId = typeof teamsId === 'string' && /^29:[^\s]{1,250}$/.test(teamsId) ? teamsId : undefined;
  return { tenantId, userId, name, ...(teamsUserId ? { teamsUserId } : {}) };
}

/** Teams sends the client's zone in an entity `{ type: 'clientInfo', timezone: 'Europe/Lisbon', locale }`. */
function clientInfo(activity: Partial<Activity>): { timeZone?: string; locale?: string } {
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

function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

function channelOf(activity: Partial<Activity>): TeamChannel | undefined {
  const cd = activity.channelData as
    { channel?: { id?: unknown; name?: unknown }; team?: { id?: unknown } } | undefined;
  const channelId = cd?.channel?.id;
  if (activity.conversation?.conversationType !== 'channel' || typeof channelId !== 'string')
    return undefined;
  return {
    channelId,
    ...(typeof cd?.team?.id === 'string' ? { teamId: cd.team.id } : {}),
    ...(typeof cd?.channel?.name === 'string' ? { name: cd.channel.name.slice(0, 200) } : {}),
  };
}

function withoutBotMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    const mention = e as { type?: string; text?: string; mentioned?: { id?: string } };
    if (mention.type === 'mention' && mention.mentioned?.id === activity.recipient?.id && mention.text)
      text = text.split(mention.text).join(' ');
  }
  return text.replace(/<at>[^<]*<\/at>/g, ' ').trim();
}

/** The app left the conversation: uninstalled, or the bot removed from the team or chat. */
function isRemoval(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate')
    return typeof activity.action === 'string' && activity.action.startsWith('remove');
  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    return Boolean(botId && activity.membersRemoved?.some((m) => m.id === botId));
  }
  return false;
}

function referenceOf(
  activity: Partial<Activity>,
  tenantId: string | undefined,
  client: { timeZone?: string; locale?: string },
): { reference?: ReferenceDraft } {
  const { conversation, recipient, from } = activity;
  if (!tenantId || !conversation?.id) return {};
  const cd = activity.channelData as { team?: { id?: string }; channel?: { id?: string } } | undefined;
  return {
    reference: {
      tenantId,
      conversationId: conversation.id,
      conversationType: conversation.conversationType,
      isGroup: conversation.isGroup,
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId ?? 'msteams',
      bot: recipient?.id ? { id: recipient.id, name: recipient.name ?? '' } : undefined,
      from: from ? { id: from.id ?? '', name: from.name ?? '', aadObjectId: from.aadObjectId } : undefined,
      teamId: cd?.team?.id,
      teamsChannelId: cd?.channel?.id,
      locale: client.locale,
      timeZone: client.timeZone,
      removed: isRemoval(activity),
    },
  };
}
