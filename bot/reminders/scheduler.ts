// One due tenant's reminders (what the due scan hands over): one ledger entry per due reminder and recipient,
// open entries whose cause was resolved dropped, and what is ready handed to the sender. Enqueueing is
// create-only and sending claims by ETag, so two instances on one tenant (a lease taken over) send nothing twice.
import type { DueReminder, Organization } from '../program';
import type { Stored } from '../store';
import { nextSendTime, sendTimeBy, type BusinessHours } from './business-hours';
import { ledgerId, type ActionResult, type DeliveryTarget, type Ledger, type LedgerEntry } from './ledger';
import type { ReferenceStore } from './references';
import type { ReminderSender } from './sender';

export interface ReminderSchedulerDeps {
  ledger: Ledger;
  references: ReferenceStore;
  sender: ReminderSender;
  businessHours: BusinessHours;
  /** The time zone of an organisation (and its people) with none of their own. */
  defaultTimeZone: string;
  now?: () => number;
}

/** Where a recipient is in time and which language they chose (absent: their Teams locale at send time). */
export interface RecipientTimeZoneAndLocale {
  timeZone: string;
  locale?: string;
}

const OPEN_STATES = new Set<string>(['pending', 'snoozed', 'claimed']);

export class ReminderScheduler {
  private readonly now: () => number;

  constructor(private readonly deps: ReminderSchedulerDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** The card action reminder.snooze: deliver again after `forMs`, at the next business-hours moment. */
  async snooze(tenantId: string, entryId: string, forMs: number, by: string): Promise<ActionResult> {
    const { ledger, sender, businessHours } = this.deps;
    const current = await ledger.read(tenantId, entryId);
    if (!current) return { ok: false, reason: 'notFound' };
    const until = nextSendTime(new Date(this.now() + forMs), current.doc.timeZone, businessHours);
    const res = await ledger.snooze(tenantId, entryId, until, by);
    if (res.ok) sender.submit(tenantId, entryId, until.getTime());
    return res;
  }

  /** The card action reminder.done. */
  async markDone(tenantId: string, entryId: string, by: string): Promise<ActionResult> {
    return this.deps.ledger.markDone(tenantId, entryId, by);
  }

  /**
   * One tenant's due reminders (the domain's, at `now`) into the ledger and to the sender; returns the
   * tenant's entries still open afterwards (the due scan reads their times for the tenant's next due time).
   */
  async deliverDue(org: Organization, due: readonly DueReminder[], now: Date): Promise<LedgerEntry[]> {
    const { ledger } = this.deps;
    // One ledger query per tenant: the entries of what is due (most were enqueued by an earlier scan, so no
    // read and refused create per reminder and recipient) and every open entry.
    const listed = await ledger.listForScan(
      org.tenantId,
      due.map((r) => r.key),
    );
    const { open, raced } = await this.enqueue(org, due, listed, now);
    // Another instance enqueued some of these at the same moment: look again, so both share the sending.
    const current = raced ? await ledger.listOpen(org.tenantId) : open;
    const dropped = await this.dropResolved(current, new Set(due.map((r) => r.key)));
    const ready = current
      .filter((e) => !dropped.has(e.doc.id) && ledger.isClaimable(e.doc, now.getTime()))
      .sort((a, b) => (a.doc.notBefore < b.doc.notBefore ? -1 : a.doc.notBefore > b.doc.notBefore ? 1 : 0));
    for (const entry of ready) {
      this.deps.sender.submit(org.tenantId, entry.doc.id, undefined, entry);
    }
    return current.filter((e) => !dropped.has(e.doc.id)).map((e) => e.doc);
  }

  /** Creates the entries not in the ledger yet; returns the open entries, and whether a create was refused. */
  private async enqueue(
    org: Organization,
    due: readonly DueReminder[],
    listed: Stored<LedgerEntry>[],
    now: Date,
  ): Promise<{ open: Stored<LedgerEntry>[]; raced: boolean }> {
    const known = new Set(listed.map((e) => e.doc.id));
    const open = listed.filter((e) => OPEN_STATES.has(e.doc.state));
    const recipients = new Map<string, Promise<RecipientTimeZoneAndLocale>>();
    let raced = false;
    for (const reminder of due) {
      let payload: Record<string, unknown> | undefined;
      for (const target of this.targets(org, reminder)) {
        if (known.has(ledgerId(reminder.key, target))) continue;
        payload ??= JSON.parse(JSON.stringify(reminder)) as Record<string, unknown>;
        const who = target.kind === 'user' ? `u:${target.userId}` : `c:${target.channelId}`;
        if (!recipients.has(who)) recipients.set(who, this.timeZoneAndLocaleOf(org, target));
        const { timeZone, locale } = await (recipients.get(who) as Promise<RecipientTimeZoneAndLocale>);
        // A reminder before its due date must go out by then, business hours or not (see sendTimeBy).
        const sendBy = reminder.sendableOn < reminder.dueDate ? reminder.dueDate : undefined;
        const hours = this.deps.businessHours;
        const res = await this.deps.ledger.enqueue({
          tenantId: org.tenantId,
          reminderKey: reminder.key,
          target,
          payload,
          timeZone,
          locale,
          notBefore: sendTimeBy(now, timeZone, hours, sendBy, reminder.sendableOn),
          ...(sendBy ? { sendBy } : {}),
        });
        if (!res.created) raced = true;
        if (res.entry && OPEN_STATES.has(res.entry.doc.state)) open.push(res.entry);
      }
    }
    return { open, raced };
  }

  /**
   * Drops open entries whose cause the domain no longer lists. Claimed entries are in flight; a test reminder
   * has no cause in the domain and lives until it is delivered.
   */
  private async dropResolved(open: Stored<LedgerEntry>[], dueKeys: Set<string>): Promise<Set<string>> {
    const dropped = new Set<string>();
    for (const entry of open) {
      const d = entry.doc;
      if (dueKeys.has(d.reminderKey) || d.state === 'claimed' || d.payload.test === true) continue;
      if (await this.deps.ledger.drop(entry, 'resolved')) {
        dropped.add(d.id);
      }
    }
    return dropped;
  }

  private targets(org: Organization, reminder: DueReminder): DeliveryTarget[] {
    const out: DeliveryTarget[] = [...new Set(reminder.recipients)].map((userId) => ({
      kind: 'user',
      userId,
    }));
    if (reminder.toProgramChannel && org.programChannel)
      out.push({ kind: 'channel', channelId: org.programChannel.channelId });
    return out;
  }

  /** The person's own settings, then Teams' time zone, then the organisation's, then the default. */
  private async timeZoneAndLocaleOf(
    org: Organization,
    target: DeliveryTarget,
  ): Promise<RecipientTimeZoneAndLocale> {
    const fallback = org.timeZone ?? this.deps.defaultTimeZone;
    if (target.kind === 'channel') return { timeZone: fallback };
    const person = org.people.find((p) => p.userId === target.userId);
    if (person?.settings.timeZone)
      return { timeZone: person.settings.timeZone, locale: person.settings.locale };
    const ref = await this.deps.references.get(org.tenantId, { kind: 'user', userId: target.userId });
    return { timeZone: ref?.doc.timeZone ?? fallback, locale: person?.settings.locale };
  }
}
