// The Teams activity handler. Every turn is read once (turn-input.ts), picks how current its reads must be
// (repos.ts), resolves who is speaking (scope.ts), then answers free text (free-text.ts) or routes an
// Action.Execute verb through the verb table (verbs/). Install events get a localized welcome.
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Rules } from '../program';
import { t } from '../i18n';
import type { BusinessHours, Ledger, ReferenceStore } from '../reminders';
import type { Store } from '../store';
import type { TenantLifecycle } from '../tenants';
import { errorNotice } from '../../cards';
import { busyCard, busyInvoke, storeUnavailableOf, unsupportedInvoke } from './failure-replies';
import { extensionRoutes } from './extensions';
import { cardForText } from './free-text';
import { matchIntent } from './intents';
import { fileConsentInvoke } from './invokes/file-consent';
import { dialogSubmit } from './invokes/dialog-submit';
import type { InvokeKit, InvokeRoutes } from './invokes/routes';
import { tabDialogRunner, type TabDialogRunner } from './invokes/tab-dialogs';
import { ReferenceMemo } from './reference-memo';
import { TurnRepos } from './repos';
import { say } from './say';
import { loadScope } from './scope';
import { turnOf, type Identity, type TurnInput } from './turn-input';
import { isReadOnly, verbTable, type VerbEnv, type VerbHandler } from './verbs';
import { reminderVerbs, type ReminderActions, type ReminderVerbs } from './verbs/reminders';
import { tenantVouchers } from './verbs/show';
import { tenantVerbs, type TenantDataActions } from './verbs/tenant';
import { CardMemo, noticeCard, welcomeCard, type Card } from './views';

export interface BotDeps {
  logger: Logger;
  /** The store's repositories; each turn works with them under the read policy it picks. */
  store: Pick<Store, 'repos'>;
  rules: Rules;
  /** The clock. Tests pass fixed dates. */
  now?: () => Date;
  /** Operator-pinned Global admins (config.initialGlobalAdmins), seeded into a new organisation. */
  initialGlobalAdmins?: readonly string[];
  /** Time zone when neither the person, Teams nor the organisation gives one. */
  defaultTimeZone?: string;
  /** Conversation references for proactive messages; captured on messages and install events. */
  references: ReferenceStore;
  /** The reminder delivery ledger (snooze, done and the reminders list read it). */
  ledger: Ledger;
  /** When snoozed reminders may be delivered again (config.reminders.businessHours). */
  businessHours?: BusinessHours;
  /** The running reminders (the app's ReminderService): snooze, done and the test reminder go through it. */
  reminders?: ReminderActions;
  /** Told after a card action stored a change (the app sends payment news at once). */
  afterChange?: (tenantId: string, verb: string) => void;
  /** config.readCacheMs: how old a cached document a turn that only shows something may use (0 = never). */
  readCacheMs?: number;
  /** Tenant lifecycle (active on contact, inactive when the app leaves its last conversation), export, delete. */
  tenants?: BotTenants;
  /** config.publicHostname: the host of voucher links (`https://<host>/v/<id>`) the app unfurls. */
  publicHostname?: string;
}

/** What the bot uses of the tenant lifecycle (bot/tenants). */
export interface BotTenants {
  lifecycle: Pick<TenantLifecycle, 'seen' | 'conversationLeft'>;
  data: TenantDataActions;
  /** Development only: the export may be uploaded to a loopback address (tests' local peer). */
  allowLoopbackUploads?: boolean;
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

export class CompanionBot extends TeamsActivityHandler {
  private readonly repos: TurnRepos;
  private readonly now: () => Date;
  private readonly verbs: Readonly<Record<string, VerbHandler>>;
  private readonly recentReferences = new ReferenceMemo();
  /** Finished cards Teams' repeated refreshes ask for again (teams/views/card-memo.ts). */
  private readonly cardMemo = new CardMemo();
  private readonly reminderVerbs: ReminderVerbs;
  private readonly invokes: InvokeRoutes;

  constructor(private readonly deps: BotDeps) {
    super();
    this.repos = new TurnRepos(deps.store.repos, deps.readCacheMs ?? 0);
    this.now = deps.now ?? (() => new Date());
    this.reminderVerbs = reminderVerbs({
      ledger: deps.ledger,
      vouchers: deps.store.repos.vouchers,
      ...(deps.businessHours ? { businessHours: deps.businessHours } : {}),
      ...(deps.reminders ? { service: deps.reminders } : {}),
    });
    this.verbs = verbTable(this.reminderVerbs, tenantVerbs(deps.tenants?.data));
    this.invokes = this.invokeRoutes();

    // Any contact but the app's removal keeps (or makes) the tenant active, before the turn reads anything.
    this.onTurn(async (context, next) => {
      await this.keepTenantActive(turnOf(context), context.activity.type === 'installationUpdate');
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answerMessage(context, turnOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const turn = turnOf(context);
      await this.capture(turn, false);
      if (turn.botAdded) await this.welcome(context, turn);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await this.capture(turnOf(context), false);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      // The welcome goes out with membersAdded; installation events only keep the reference current.
      await this.capture(turnOf(context), false);
      await next();
    });
  }

  /**
   * An invoke goes to its handler in the invoke table. A name the table does not have gets a proper invoke
   * answer for its family (not botbuilder's 501), and a database that did not answer in time the busy answer.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? '';
    const turn = turnOf(context);
    const handler = Object.hasOwn(this.invokes, name) ? this.invokes[name] : undefined;
    if (!handler) {
      this.deps.logger.warn({ correlationId: turn.correlationId, name }, 'unsupported invoke answered');
      return unsupportedInvoke(name, turn.locale);
    }
    try {
      return await handler(context, turn, this.kit);
    } catch (err) {
      const busy = storeUnavailableOf(err);
      if (!busy) throw err;
      this.deps.logger.warn(
        { correlationId: turn.correlationId, err, name },
        'database busy: invoke answered',
      );
      return busyInvoke(name, turn.locale, busy, turn.correlationId);
    }
  }

  /** The invoke table (invokes/): card actions here; message extensions and dialogs add their names. */
  private invokeRoutes(): InvokeRoutes {
    return {
      'adaptiveCard/action': async (context, turn) => {
        const card = await this.answerAction(context, turn);
        return { status: 200, body: { statusCode: 200, type: CARD, value: card } };
      },
      'fileConsent/invoke': fileConsentInvoke({
        ...(this.deps.tenants ? { data: this.deps.tenants.data } : {}),
        allowLoopbackUploads: this.deps.tenants?.allowLoopbackUploads ?? false,
        logger: this.deps.logger,
      }),
      ...extensionRoutes({
        logger: this.deps.logger,
        ...(this.deps.publicHostname ? { publicHostname: this.deps.publicHostname } : {}),
      }),
      // A tab's Adaptive Card dialog with this bot as completion bot; the docs name the submit both ways.
      'task/submit': dialogSubmit,
      'task/complete': dialogSubmit,
    };
  }

  /** The tab's dialogs (tab API /dialogs/*) through the same verb table as the chat. */
  tabDialogs(): TabDialogRunner {
    return tabDialogRunner(this.kit);
  }

  /** What invoke handlers borrow from the bot: one verb table and one way to build a turn's environment. */
  private readonly kit: InvokeKit = {
    verbEnv: (turn, showsOnly) => {
      if (!turn.identity) throw new Error('an invoke without a person has no verb environment');
      return this.verbEnv(turn, turn.identity, showsOnly);
    },
    runVerb: async (env, verb, data) => {
      const handler = Object.hasOwn(this.verbs, verb) ? this.verbs[verb] : undefined;
      return handler ? handler(env, data) : undefined;
    },
    changed: (tenantId, verb) => this.deps.afterChange?.(tenantId, verb),
  };

  /**
   * The turn's scope and repositories. `showsOnly`: the turn cannot change anything and a person asked for it,
   * so it may read this instance's recent copies (teams/repos.ts).
   */
  private async verbEnv(turn: TurnInput, who: Identity, showsOnly: boolean): Promise<VerbEnv> {
    const repos = this.repos.forTurn(showsOnly);
    const now = this.now();
    const defaultTimeZone = this.deps.defaultTimeZone ?? 'UTC';
    const scope = await loadScope(repos, turn, who, {
      now,
      initialGlobalAdmins: this.deps.initialGlobalAdmins ?? [],
      defaultTimeZone,
    });
    const { rules, logger } = this.deps;
    return {
      scope,
      rules,
      now,
      defaultTimeZone,
      cardMemo: this.cardMemo,
      repos,
      logger,
      ...(turn.channel ? { channel: turn.channel } : {}),
      ...(this.deps.publicHostname ? { publicHostname: this.deps.publicHostname } : {}),
    };
  }

  private async keepTenantActive(turn: TurnInput, installation: boolean): Promise<void> {
    const lifecycle = this.deps.tenants?.lifecycle;
    if (!lifecycle || !turn.tenantId || turn.reference?.removed) return;
    await lifecycle.seen(turn.tenantId, turn.botAdded || installation);
  }

  /** Keeps the conversation's reference current; a message whose reference this process just stored costs nothing. */
  private async capture(turn: TurnInput, message: boolean): Promise<void> {
    const { reference } = turn;
    if (!reference || (message && this.recentReferences.isFresh(reference))) return;
    if (!message) this.recentReferences.forget(reference);
    try {
      const result = await this.deps.references.capture(reference);
      if (message && result.action !== 'ignored' && result.action !== 'refused')
        this.recentReferences.remember(reference);
      // The app left a conversation: if it was the tenant's last, the tenant becomes inactive.
      if (reference.removed) await this.deps.tenants?.lifecycle.conversationLeft(reference.tenantId);
    } catch (err) {
      // A reference that cannot be stored only costs a proactive message later; the turn goes on.
      this.deps.logger.warn(
        { correlationId: turn.correlationId, err },
        'conversation reference not captured',
      );
    }
  }

  private async sendCard(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private async welcome(context: TurnContext, turn: TurnInput): Promise<void> {
    if (!turn.tenantId) {
      await context.sendActivity(say(turn.locale, 'notice.noTenant'));
      return;
    }
    // Who installed the app is usually known; in a team the welcome still works without them.
    const who = turn.identity ?? { tenantId: turn.tenantId, userId: '', name: '' };
    const env = await this.verbEnv(turn, who, true);
    const vouchers = await tenantVouchers(env);
    await this.sendCard(context, welcomeCard(env, vouchers, { firstRun: true }));
  }

  /**
   * A message. An Action.Submit (our cards use Action.Execute only) arrives as a message with a value and no
   * text: it is answered like an empty message, with the welcome card, and its data is not used.
   */
  private async answerMessage(context: TurnContext, turn: TurnInput): Promise<void> {
    if (!turn.identity) {
      await context.sendActivity(say(turn.locale, 'notice.noTenant'));
      return;
    }
    const intent = matchIntent(turn.text, this.deps.publicHostname);
    // Free text only shows a card, so recent copies will do; the test reminder it can send reads current ones.
    const env = await this.verbEnv(turn, turn.identity, intent.kind !== 'testReminder');
    await this.capture(turn, true);
    await this.sendCard(context, await cardForText(env, intent, this.reminderVerbs));
  }

  private async answerAction(context: TurnContext, turn: TurnInput): Promise<Card> {
    const { locale, correlationId, identity } = turn;
    if (!identity) return noticeCard(locale, { tone: 'error', text: say(locale, 'notice.noTenant') });
    const value = ActionValue.safeParse(context.activity.value);
    const action = value.success ? value.data.action : undefined;
    try {
      // A view a person asked for may come from recent copies. An automatic `refresh` may not: Teams sends one
      // right after a card was updated for everyone, and an older copy on this instance would put the old card
      // back. It reads the current versions (a 304 on Cosmos; the finished card is still reused).
      const showsOnly =
        value.success &&
        value.data.trigger !== 'automatic' &&
        isReadOnly(value.data.action.verb, action?.data);
      const env = await this.verbEnv(turn, identity, showsOnly);
      const handler = action && Object.hasOwn(this.verbs, action.verb) ? this.verbs[action.verb] : undefined;
      if (!action || !handler) {
        this.deps.logger.warn({ correlationId, verb: action?.verb }, 'unknown or malformed action refused');
        return noticeCard(env.scope.locale, {
          tone: 'error',
          text: say(env.scope.locale, 'notice.unknownVerb'),
        });
      }
      const reply = await handler(env, action.data ?? {});
      if (reply.send?.length) await context.sendActivity({ type: 'message', attachments: reply.send });
      if (reply.changed) {
        await this.updateForEveryone(context, turn, reply.card);
        this.deps.afterChange?.(env.scope.tenantId, action.verb);
      }
      return reply.card;
    } catch (err) {
      const busy = storeUnavailableOf(err);
      if (busy) {
        this.deps.logger.warn({ correlationId, err }, 'database busy: action answered');
        return busyCard(locale, busy, correlationId);
      }
      this.deps.logger.error({ correlationId, err }, 'action failed');
      return noticeCard(locale, {
        ...errorNotice(locale),
        details: [t(locale, 'notice.errorBody'), say(locale, 'error.turn', { id: correlationId })],
      });
    }
  }

  /** In a channel or group chat everybody sees the card: replace it for all (refresh gives each their view). */
  private async updateForEveryone(context: TurnContext, turn: TurnInput, card: Card): Promise<void> {
    if (turn.conversation === 'personal' || !turn.replyToId) return;
    try {
      await context.updateActivity({
        id: turn.replyToId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(card)],
      });
    } catch (err) {
      // The change is stored; a card that could not be replaced refreshes the next time someone opens it.
      this.deps.logger.warn({ correlationId: turn.correlationId, err }, 'could not update the shared card');
    }
  }
}
