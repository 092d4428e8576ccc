// Shared set-up for reminder tests: embedded Cosmos, the connector simulator, a real CloudAdapter in
// anonymous mode, and the reminder stores wired together.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { silentLogger } from '../../bot/logger';
import { Ledger } from '../../bot/reminders/ledger';
import { ReferenceStore, type ReferenceDraft } from '../../bot/reminders/references';
import { ReminderSender } from '../../bot/reminders/sender';
import type { SenderOptions } from '../../bot/reminders/sender-options';
import { readActivity } from '../../bot/teams/turn-input';
import { startConnectorSim, type ConnectorSim, type ConnectorSimOptions } from '../support/connector-sim';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

export const TENANT = 'tenant-a';
export const HOURS = { start: 9, end: 17 };

export function simAllowlist(sim: ConnectorSim): string[] {
  return [new URL(sim.url).origin];
}

export function makeAdapter(): CloudAdapter {
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
}

/** A simple renderer: the reminder key and the language, as text. */
export function textRender(reminder: Record<string, unknown>, locale: string): Partial<Activity> {
  return { type: 'message', text: `[${locale}] ${String(reminder.key)}`, locale };
}

export interface Rig {
  cosmos: TestCosmos;
  sim: ConnectorSim;
  adapter: CloudAdapter;
  references: ReferenceStore;
  ledger: Ledger;
  /** Captures the conversation reference of an incoming activity, read as the Teams edge reads it. */
  capture(activity: Partial<Activity>): ReturnType<ReferenceStore['capture']>;
  sender(overrides?: Partial<SenderOptions>): ReminderSender;
  stop(): Promise<void>;
}

export async function startRig(simOptions: ConnectorSimOptions = {}): Promise<Rig> {
  const cosmos = await startTestCosmos();
  const sim = await startConnectorSim(simOptions);
  const adapter = makeAdapter();
  const logger = silentLogger();
  const references = new ReferenceStore(cosmos.store, { serviceUrlAllowlist: simAllowlist(sim), logger });
  const ledger = new Ledger(cosmos.store, { logger });
  const senders: ReminderSender[] = [];
  return {
    cosmos,
    sim,
    adapter,
    references,
    ledger,
    capture: (activity) => references.capture(referenceOf(activity)),
    sender(overrides = {}) {
      const s = new ReminderSender({
        adapter,
        botAppId: '',
        ledger,
        references,
        render: textRender,
        businessHours: { start: 0, end: 24, weekends: true },
        logger,
        ...overrides,
      });
      senders.push(s);
      return s;
    },
    async stop() {
      for (const s of senders) s.abandon(); // tests end here: no need to wait for anything in flight
      await sim.close();
      await cosmos.stop();
    },
  };
}

/** The conversation reference an activity implies, as the Teams edge reads it (bot/teams/turn-input.ts). */
export function referenceOf(activity: Partial<Activity>): ReferenceDraft {
  const { reference } = readActivity(activity, 'test');
  if (!reference) throw new Error('the activity names no tenant or conversation');
  return reference;
}

/** An incoming personal-chat message from a user, as Teams sends it. */
export function personalMessage(
  sim: ConnectorSim,
  userId: string,
  extra: Partial<Activity> = {},
): Partial<Activity> {
  return {
    type: 'message',
    text: 'hi',
    serviceUrl: sim.url,
    channelId: 'msteams',
    from: { id: `29:${userId}`, name: `User ${userId}`, aadObjectId: userId },
    recipient: { id: '28:bot', name: 'Companion' },
    conversation: {
      id: `a:personal-${userId}`,
      conversationType: 'personal',
      tenantId: TENANT,
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
    locale: 'pt-BR',
    entities: [{ type: 'clientInfo', locale: 'pt-BR', timezone: 'America/Sao_Paulo', platform: 'Web' }],
    ...extra,
  };
}

/** Waits (in real time) until `cond` holds, polling the event loop. Never advances a fake clock. */
export async function until(cond: () => boolean | Promise<boolean>, realMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!(await cond())) {
    if (performance.now() - started > realMs) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
