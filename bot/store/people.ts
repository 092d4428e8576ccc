// Each person's own settings document (`people` container, id `person-<user id>`): language, time zone and
// Teams user id, written apart from the organisation so they never share its ETag. The roster (every
// person's settings in a tenant) is read by one query, a minute old at most, where the organisation needs them.
import type { Container } from '@azure/cosmos';
import { blankPersonSettings, PersonSettings, personSettingsId, type Person } from '../program';
import type { DocumentCache } from './cache';
import type { Stored } from './documents';
import { AlreadyExists, ConcurrencyConflict } from './errors';
import { ReadPolicy } from './read-policy';
import { Repository, type RepositoryOptions } from './repository';

/** How old the roster may be: a colleague's new language reaches reminders and refresh lists within a minute. */
export const ROSTER_MAX_AGE_MS = 60_000;

const LEARN_ATTEMPTS = 4;

export class PersonSettingsRepository {
  private readonly repo: Repository<PersonSettings>;

  constructor(
    container: Container,
    cache: DocumentCache,
    options: RepositoryOptions = {},
    private readonly policy: ReadPolicy = ReadPolicy.current,
  ) {
    this.repo = new Repository<PersonSettings>(container, cache, PersonSettings, 'person', options);
  }

  /** One person's settings, as current as this repository's read policy asks. */
  get(tenantId: string, userId: string): Promise<Stored<PersonSettings> | undefined> {
    return this.repo.read(tenantId, personSettingsId(userId), this.policy);
  }

  /** Every person's settings in the tenant, by user id (a minute old at most; this instance's writes at once). */
  async roster(tenantId: string): Promise<Map<string, PersonSettings>> {
    const all = await this.repo.query(tenantId, { maxAgeMs: ROSTER_MAX_AGE_MS });
    return new Map(all.map((s) => [s.doc.userId, s.doc]));
  }

  /** Writes `doc` only if it still has `etag` (undefined: only if there is none yet). */
  async save(doc: PersonSettings, etag: string | undefined): Promise<Stored<PersonSettings>> {
    try {
      return etag === undefined ? await this.repo.create(doc) : await this.repo.replace(doc, etag);
    } catch (err) {
      if (err instanceof AlreadyExists) throw new ConcurrencyConflict('person', doc.id);
      throw err;
    }
  }

  /**
   * Records the person's Teams user id when it is new; the revision cards carry is left alone. `known`: the
   * person as the organisation shows them, whose embedded settings seed a first document.
   */
  async learnTeamsUserId(tenantId: string, known: Person, teamsUserId: string): Promise<void> {
    const id = personSettingsId(known.userId);
    for (let attempt = 1; ; attempt++) {
      const stored =
        attempt === 1 ? await this.get(tenantId, known.userId) : await this.repo.read(tenantId, id);
      if (stored?.doc.teamsUserId === teamsUserId) return;
      const doc = { ...(stored?.doc ?? seededFrom(tenantId, known)), teamsUserId };
      try {
        await this.save(doc, stored?.etag);
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyConflict) || attempt >= LEARN_ATTEMPTS) throw err;
      }
    }
  }

  /** Remembers the currency of a payment request this person just recorded (not a settings change: no revision). */
  async rememberCurrency(
    tenantId: string,
    known: Person,
    chosen: { code: string; deliveryCountry?: string | undefined },
    at: Date,
  ): Promise<void> {
    const id = personSettingsId(known.userId);
    const lastCurrency = {
      code: chosen.code,
      chosenAt: at.toISOString(),
      ...(chosen.deliveryCountry ? { deliveryCountry: chosen.deliveryCountry } : {}),
    };
    for (let attempt = 1; ; attempt++) {
      const stored = await this.repo.read(tenantId, id);
      const doc = { ...(stored?.doc ?? seededFrom(tenantId, known)), lastCurrency };
      try {
        await this.save(doc, stored?.etag);
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyConflict) || attempt >= LEARN_ATTEMPTS) throw err;
      }
    }
  }

  /** The organisation's remembered currencies by delivery country ('' when none): the newest any of its
   *  people chose (from the roster). */
  async rememberedCurrencies(tenantId: string): Promise<Record<string, string>> {
    const newest = new Map<string, { code: string; chosenAt: string }>();
    for (const { lastCurrency: c } of (await this.roster(tenantId)).values()) {
      if (!c) continue;
      const key = c.deliveryCountry ?? '';
      const seen = newest.get(key);
      if (!seen || c.chosenAt > seen.chosenAt) newest.set(key, c);
    }
    return Object.fromEntries([...newest].map(([country, c]) => [country, c.code]));
  }

  /**
   * Lazy migration: settings still embedded in the organisation document (written before people had their
   * own) become the person's document, unless one exists already (create-only: a newer document wins).
   */
  async adoptEmbedded(tenantId: string, people: readonly Person[]): Promise<void> {
    const embedded = people.filter(
      (p) =>
        p.teamsUserId !== undefined || p.settings.locale !== undefined || p.settings.timeZone !== undefined,
    );
    if (embedded.length === 0) return;
    const roster = await this.roster(tenantId);
    for (const p of embedded) {
      if (roster.has(p.userId)) continue;
      try {
        await this.repo.create(seededFrom(tenantId, p));
      } catch (err) {
        if (!(err instanceof AlreadyExists)) throw err;
      }
    }
  }
}

/** A first settings document for a person, from what the organisation document held for them. */
export function seededFrom(tenantId: string, p: Person): PersonSettings {
  const doc = blankPersonSettings(tenantId, p.userId);
  if (p.settings.locale !== undefined) doc.locale = p.settings.locale;
  if (p.settings.timeZone !== undefined) doc.timeZone = p.settings.timeZone;
  if (p.teamsUserId !== undefined) doc.teamsUserId = p.teamsUserId;
  return doc;
}

/** The organisation's people with each one's own settings (their document; else what the organisation held). */
export function withSettings(
  people: readonly Person[],
  roster: ReadonlyMap<string, PersonSettings>,
): Person[] {
  return people.map((p) => {
    const own = roster.get(p.userId);
    if (!own) return p;
    const settings: Person['settings'] = {};
    if (own.locale !== undefined) settings.locale = own.locale;
    if (own.timeZone !== undefined) settings.timeZone = own.timeZone;
    const teamsUserId = own.teamsUserId ?? p.teamsUserId;
    const { teamsUserId: _old, ...rest } = p;
    return { ...rest, settings, ...(teamsUserId !== undefined ? { teamsUserId } : {}) };
  });
}

/** The people as the organisation document stores them now: without anyone's own settings. */
export function withoutSettings(people: readonly Person[]): Person[] {
  return people.map((p) => {
    const { teamsUserId: _teams, ...rest } = p;
    return { ...rest, settings: {} };
  });
}
