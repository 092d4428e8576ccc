// One app instance for bench/scale.ts, in its own process (so it can be killed with SIGKILL mid-cycle): the store
// (through the bench's counting proxy), the reminder service with its due scan and sender (to the connector
// simulator). Driven over IPC; its clock is set by the bench and moves on in real time from there.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import { createLogger, silentLogger } from '../bot/logger';
import { Ledger } from '../bot/reminders/ledger';
import { ReferenceStore } from '../bot/reminders/references';
import { ReminderService } from '../bot/reminders/service';
import { loadRules } from '../bot/rules';
import { openStore } from '../bot/store';

interface Command {
  cmd: 'scan' | 'idle' | 'stop';
  /** The app's clock: set to this instant now, then moving in real time. */
  now?: number;
  seq: number;
}

async function main(): Promise<void> {
  const [endpoint, database, simUrl, owner, instances] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
  ];
  let offset = 0;
  const now = (): Date => new Date(Date.now() + offset);
  const setClock = (at: number): void => {
    offset = at - Date.now();
  };
  // SCALE_LOG=warn (or debug) shows the instance's own log on stderr; silent by default.
  const logger = process.env.SCALE_LOG
    ? createLogger(process.env.SCALE_LOG, pino.destination(2))
    : silentLogger();
  const store = await openStore({ endpoint, auth: 'key', key: 'bench', database, local: true });
  const references = new ReferenceStore(store, { serviceUrlAllowlist: [new URL(simUrl).origin], logger });
  const reminders = new ReminderService({
    store,
    ledger: new Ledger(store, { now: () => now().getTime(), logger }),
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    botAppId: '',
    references,
    rules: loadRules({ profile: 'program-2020' }),
    render: (r, locale) => ({ type: 'message', text: `[${locale}] ${String(r.key)}` }),
    scanSeconds: 3600,
    defaultTimeZone: 'UTC',
    businessHours: { start: 9, end: 17 },
    tenantShare: 1 / Number(instances),
    owner,
    now,
    logger,
  });
  process.on('message', (raw) => {
    const m = raw as Command;
    void (async () => {
      if (m.now !== undefined) setClock(m.now);
      if (m.cmd === 'scan') {
        const summary = await reminders.scanOnce();
        process.send?.({ seq: m.seq, summary, sender: reminders.sender.stats });
      } else if (m.cmd === 'idle') {
        await reminders.sender.settled(0);
        process.send?.({ seq: m.seq, sender: reminders.sender.stats });
      } else {
        await reminders.stop();
        store.close();
        process.send?.({ seq: m.seq });
        process.exit(0);
      }
    })().catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
  process.send?.({ ready: true });
}

void main();
