// The Teams activity handler: the conversational guide. Every turn resolves who is speaking (tenant, person,
// language, time zone) and then either answers free text with the card for the next concrete action, or
// routes an Action.Execute verb through the verb table. Install events get a localized welcome.
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Rules, Voucher, VoucherState } from '../program';
import { parseVoucherEmail } from '../program/intake';
import { t, type Locale } from '../i18n';
import { ReferenceStore } from '../reminders/references';
import type { BusinessHours } from '../reminders/business-hours';
import type { Store, Stored } from '../store';
import { correlationIdOf } from '../server';
import { errorNotice } from '../../cards';
import { matchIntent, type Intent } from './intents';
import { ReferenceMemo } from './reference-memo';
import { createRepos, type Repos } from './repos';
import { say } from './say';
import { activityLocale, identityOf, loadScope, tenantIdOf, type Identity, type TurnScope } from './scope';
import { isReadOnly, lookupVerb, verbTable, type VerbEnv, type VerbHandler } from './verbs';
import { reminderVerbs, type ReminderActions, type ReminderVerbs } from './verbs/reminders';
import { tenantVouchers } from './verbs/show';
import {
  eligibilityCard,
  enrollmentCard,
  helpCard,
  intakeCard,
  listCard,
  noticeCard,
  peopleCard,
  profileCard,
  settingsCard,
  voucherCard,
  welcomeCard,
  type Card,
  type ViewEnv,
  type VoucherStep,
} from './views';

export interface BotDeps {
  logger: Logger;
  store: Pick<Store, 'containers'>;
  rules: Rules;
  /** The clock. Tests pass fixed dates. */
  now?: () => Date;
  /** Operator-pinned Global admins (config.initialGlobalAdmins), seeded into a new organisation. */
  initialGlobalAdmins?: readonly string[];
  /** Time zone when neither the person, Teams nor the organisation gives one. */
  defaultTimeZone?: string;
  /** Conversation references for proactive messages; captured on messages and install events. */
  references?: ReferenceStore;
  /** When snoozed reminders may be delivered again (config.reminders.businessHours). */
  businessHours?: BusinessHours;
  /** The running reminders (the app's ReminderService): snooze, done and the test reminder go through it. */
  reminders?: ReminderActions;
  /** Told after a card action stored a change (the app sends payment news at once). */
  afterChange?: (tenantId: string, verb: string) => void;
  /** config.readCacheMs: how old a cached document a turn that only shows something may use (0 = never). */
  readCacheMs?: number;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

const ActionValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().max(32).optional(),
});

/** The state a voucher must be in for each step asked for in free text, and the card that does it. */
const STEP_INTENTS: Partial<Record<Intent['kind'], { states: VoucherState[]; step: VoucherStep }>> = {
  reserve: { states: ['Assigned'], step: 'reserve' },
  cancelReservation: { states: ['Reserved'], step: 'cancel' },
  report: { states: ['Delivered', 'Reserved'], step: 'report' },
  redeem: { states: ['ReportSubmitted'], step: 'redeem' },
  payment: { states: ['Redeemed', 'PaymentRequested'], step: 'payment' },
  paymentOutcome: { states: ['PaymentRequested'], step: 'outcome' },
};

export class CompanionBot extends TeamsActivityHandler {
  private readonly repos: Repos;
  private readonly now: () => Date;
  private readonly references: ReferenceStore;
  private readonly verbs: Readonly<Record<string, VerbHandler>>;
  private readonly recentReferences = new ReferenceMemo();
  private readonly reminderVerbs: ReminderVerbs;

  constructor(private readonly deps: BotDeps) {
    super();
    this.repos = createRepos(deps.store);
    this.now = deps.now ?? (() => new Date());
    this.references = deps.references ?? new ReferenceStore(deps.store, { logger: deps.logger });
    this.reminderVerbs = reminderVerbs(deps.store, deps.businessHours, deps.reminders);
    this.verbs = verbTable(this.reminderVerbs);

    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      await this.capture(context);
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await this.capture(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      // The welcome goes out with membersAdded; installation events only keep the reference current.
      await this.capture(context);
      await next();
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Turn scope

  /** `readOnly`: the turn only shows something, so the organisation may come from the instance's recent copy. */
  private async scopeOf(context: TurnContext, who: Identity, readOnly: boolean): Promise<TurnScope> {
    return loadScope(this.repos, context.activity, who, {
      now: this.now(),
      initialGlobalAdmins: this.deps.initialGlobalAdmins ?? [],
      defaultTimeZone: this.deps.defaultTimeZone ?? 'UTC',
      ...this.recent(readOnly),
    });
  }

  /** Read options of a turn: a turn that only shows something accepts a copy up to readCacheMs old. */
  private recent(readOnly: boolean): { maxAgeMs?: number } {
    const ms = this.deps.readCacheMs ?? 0;
    return readOnly && ms > 0 ? { maxAgeMs: ms } : {};
  }

  private viewEnv(scope: TurnScope): ViewEnv {
    return {
      scope,
      rules: this.deps.rules,
      now: this.now(),
      defaultTimeZone: this.deps.defaultTimeZone ?? 'UTC',
    };
  }

  private async capture(context: TurnContext): Promise<void> {
    const { activity } = context;
    const message = activity.type === 'message';
    if (message && this.recentReferences.isFresh(activity)) return;
    if (!message) this.recentReferences.forget(activity);
    try {
      const result = await this.references.capture(activity);
      if (message && result.action !== 'ignored' && result.action !== 'refused')
        this.recentReferences.remember(activity);
    } catch (err) {
      // A reference that cannot be stored only costs a proactive message later; the turn goes on.
      this.deps.logger.warn(
        { correlationId: correlationIdOf(context), err },
        'conversation reference not captured',
      );
    }
  }

  private async sendCard(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  // -------------------------------------------------------------------------------------------------------
  // Install / welcome

  private async welcome(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context.activity);
    if (!tenantId) {
      await context.sendActivity(say(activityLocale(context.activity), 'notice.noTenant'));
      return;
    }
    const who = identityOf(context.activity);
    // Who installed the app is usually known; in a team the welcome still works without them.
    const scope = await this.scopeOf(context, who ?? { tenantId, userId: '', name: '' }, true);
    const vouchers = await tenantVouchers({ repos: this.repos, scope, read: this.recent(true) });
    await this.sendCard(
      context,
      welcomeCard(
        this.viewEnv(scope),
        vouchers.map((s) => s.doc),
        { firstRun: true },
      ),
    );
  }

  // -------------------------------------------------------------------------------------------------------
  // Free text

  private async answerMessage(context: TurnContext): Promise<void> {
    const who = identityOf(context.activity);
    if (!who) {
      await context.sendActivity(say(activityLocale(context.activity), 'notice.noTenant'));
      return;
    }
    // Card submits from older clients (Action.Submit) carry a value and no text: treat them as a verb.
    // Free text only ever shows a card (changes go through card verbs), so recent copies will do.
    const scope = await this.scopeOf(context, who, true);
    await this.capture(context);
    const card = await this.cardForText(
      scope,
      stripMentions(context.activity),
      channelOf(context.activity).channel,
    );
    await this.sendCard(context, card);
  }

  private async cardForText(scope: TurnScope, text: string, channel: VerbEnv['channel']): Promise<Card> {
    const env = this.viewEnv(scope);
    const intent = matchIntent(text);
    const read = this.recent(true);
    const all = async (): Promise<Voucher[]> =>
      (await tenantVouchers({ repos: this.repos, scope, read })).map((s) => s.doc);
    switch (intent.kind) {
      case 'welcome':
        return welcomeCard(env, await all(), { firstRun: true });
      case 'next':
      case 'status':
        return welcomeCard(env, await all());
      case 'reminders':
        return this.reminderVerbs.list(env, await all());
      case 'testReminder':
        return (
          await this.reminderVerbs.test(
            {
              ...env,
              repos: this.repos,
              logger: this.deps.logger,
              read: {},
              ...(channel ? { channel } : {}),
            },
            {},
          )
        ).card;
      case 'help':
        return helpCard(env);
      case 'unknown':
        return helpCard(env, say(scope.locale, 'help.notUnderstood'));
      case 'eligibility':
        return eligibilityCard(env);
      case 'enrollment': {
        const redeemed = (await all()).filter((v) => v.redemption).map((v) => v.offeringId);
        return enrollmentCard(env, new Set(redeemed));
      }
      case 'profile':
        return profileCard(env);
      case 'people':
      case 'claimAdmin':
        return peopleCard(env);
      case 'settings':
      case 'language':
        return settingsCard(env, channel);
      case 'intake':
        return intakeCard(env, { source: 'manual', fields: {} });
      case 'pastedEmail':
        return this.intakeFromEmail(env, intent.text);
      case 'vouchers':
        return listCard(env, await tenantVouchers({ repos: this.repos, scope, read }), 1, undefined);
      case 'voucher': {
        const found = await this.repos.vouchers.findByNumber(scope.tenantId, intent.voucherNumber);
        const stored = found.find((s) => s.doc.state !== 'Expired') ?? found[0];
        if (stored) return voucherCard(env, stored, 'detail');
        return noticeCard(scope.locale, {
          tone: 'warning',
          text: say(scope.locale, 'notice.voucherNumberNotFound', { voucherNumber: intent.voucherNumber }),
        });
      }
      default:
        return this.stepCard(env, intent.kind);
    }
  }

  /** "reserve", "canjear vale", …: the one voucher waiting for that step, a list when several, else what's next. */
  private async stepCard(env: ViewEnv, kind: Intent['kind']): Promise<Card> {
    const wanted = STEP_INTENTS[kind];
    const vouchers = await tenantVouchers({ repos: this.repos, scope: env.scope, read: this.recent(true) });
    if (!wanted)
      return welcomeCard(
        env,
        vouchers.map((s) => s.doc),
      );
    const waiting: Stored<Voucher>[] = vouchers.filter((s) => wanted.states.includes(s.doc.state));
    const [only] = waiting;
    if (waiting.length === 1 && only) return voucherCard(env, only, wanted.step);
    if (waiting.length > 1) return listCard(env, waiting, 1, undefined);
    if (kind === 'reserve') return intakeCard(env, { source: 'manual', fields: {} });
    return welcomeCard(
      env,
      vouchers.map((s) => s.doc),
    );
  }

  private intakeFromEmail(env: ViewEnv, text: string): Card {
    const parsed = parseVoucherEmail(text, { offeringCodes: env.rules.catalogue.offerings.map((o) => o.id) });
    const f = {
      voucherNumber: parsed.voucherId.value,
      customerName: parsed.customerName.value,
      offeringId: parsed.offeringCode.value,
      days: parsed.days.value,
      voucherAdminEmail: parsed.voucherAdminEmail.value,
      expiresOn: parsed.expiresOn.value,
    };
    const fields = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
    return intakeCard(env, { source: 'email', fields });
  }

  // -------------------------------------------------------------------------------------------------------
  // Action.Execute

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const card = await this.answerAction(context);
    return { status: 200, body: { statusCode: 200, type: CARD, value: card } };
  }

  private async answerAction(context: TurnContext): Promise<Card> {
    const locale: Locale = activityLocale(context.activity);
    const value = ActionValue.safeParse(context.activity.value);
    const who = identityOf(context.activity);
    if (!who) return noticeCard(locale, { tone: 'error', text: say(locale, 'notice.noTenant') });
    const correlationId = correlationIdOf(context);
    try {
      // A view a person asked for may come from recent copies. An automatic `refresh` may not: Teams sends one
      // right after a card was updated for everyone (updateForEveryone), and a copy on this instance that
      // predates that change would put the old card back on their screen. It reads the current versions (a
      // 304 on Cosmos; the finished card is still reused when nothing changed).
      const readOnly =
        value.success &&
        value.data.trigger !== 'automatic' &&
        isReadOnly(value.data.action.verb, value.data.action.data);
      const scope = await this.scopeOf(context, who, readOnly);
      const handler = value.success ? lookupVerb(this.verbs, value.data.action.verb) : undefined;
      if (!value.success || !handler) {
        this.deps.logger.warn(
          { correlationId, verb: value.success ? value.data.action.verb : undefined },
          'unknown or malformed action refused',
        );
        return noticeCard(scope.locale, { tone: 'error', text: say(scope.locale, 'notice.unknownVerb') });
      }
      const env: VerbEnv = {
        ...this.viewEnv(scope),
        repos: this.repos,
        logger: this.deps.logger,
        read: this.recent(readOnly),
        ...channelOf(context.activity),
      };
      const reply = await handler(env, value.data.action.data ?? {});
      if (reply.changed) await this.updateForEveryone(context, reply.card);
      if (reply.changed) this.deps.afterChange?.(scope.tenantId, value.data.action.verb);
      return reply.card;
    } catch (err) {
      this.deps.logger.error({ correlationId, err }, 'action failed');
      return noticeCard(locale, {
        ...errorNotice(locale),
        details: [t(locale, 'notice.errorBody'), say(locale, 'error.turn', { id: correlationId })],
      });
    }
  }

  /** In a channel or group chat everybody sees the card: replace it for all (refresh gives each their view). */
  private async updateForEveryone(context: TurnContext, card: Card): Promise<void> {
    const { activity } = context;
    const shared =
      activity.conversation?.conversationType === 'channel' ||
      activity.conversation?.conversationType === 'groupChat';
    if (!shared || !activity.replyToId) return;
    try {
      await context.updateActivity({
        id: activity.replyToId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
    } catch (err) {
      // The change is stored; a card that could not be replaced refreshes the next time someone opens it.
      this.deps.logger.warn(
        { correlationId: correlationIdOf(context), err },
        'could not update the shared card',
      );
    }
  }
}

function stripMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    const mention = e as { type?: string; text?: string; mentioned?: { id?: string } };
    if (mention.type === 'mention' && mention.mentioned?.id === activity.recipient?.id && mention.text)
      text = text.split(mention.text).join(' ');
  }
  return text.replace(/<at>[^<]*<\/at>/g, ' ').trim();
}

function channelOf(activity: Partial<Activity>): { channel?: VerbEnv['channel'] } {
  const cd = activity.channelData as
    { channel?: { id?: unknown; name?: unknown }; team?: { id?: unknown } } | undefined;
  const channelId = cd?.channel?.id;
  if (activity.conversation?.conversationType !== 'channel' || typeof channelId !== 'string') return {};
  return {
    channel: {
      channelId,
      ...(typeof cd?.team?.id === 'string' ? { teamId: cd.team.id } : {}),
      ...(typeof cd?.channel?.name === 'string' ? { name: cd.channel.name.slice(0, 200) } : {}),
    },
  };
}
