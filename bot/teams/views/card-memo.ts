// Finished cards the bot reuses: Teams sends a `refresh` each time someone looks at a card, and most of them
// ask for a card that nothing has changed since. Each builder names its card by what it reads (cardKey).
import { createHash } from 'node:crypto';
import type { Organization, PersonSettings, Rules } from '../../program';
import { deepFreeze, type Stored } from '../../store';
import type { Card, ViewEnv } from './view-env';

/** One version of one document: ids and ETag. Undefined for a document with no ETag (never stored). */
export function documentVersion(stored: Stored<{ tenantId: string; id: string }>): string | undefined {
  return stored.etag === '' ? undefined : `${stored.doc.tenantId}/${stored.doc.id}@${stored.etag}`;
}

/**
 * The organisation as a card shows it: its version, and what people's own documents add to it that its ETag
 * does not cover (Teams ids for refresh, the reader's settings revision).
 */
export function organizationVersion(scope: {
  org: Stored<Organization>;
  settings?: Stored<PersonSettings>;
}): string | undefined {
  const version = documentVersion(scope.org);
  if (version === undefined) return undefined;
  const reach = scope.org.doc.people.map((p) => p.teamsUserId ?? '').join(',');
  return `${version}#${reach}#${scope.settings?.doc.revision ?? 0}`;
}

/**
 * A card's key from the values its builder reads; undefined (never reused) when one of them is unknown. Kept as
 * a SHA-256 digest: a welcome card's parts name every voucher of the tenant, too long to hold 600 times.
 */
export function cardKey(card: string, parts: readonly (string | boolean | undefined)[]): string | undefined {
  if (parts.includes(undefined)) return undefined;
  return createHash('sha256')
    .update([card, ...parts].join('\u0000'))
    .digest('base64url');
}

export class CardMemo {
  private readonly cards = new Map<string, Card>();
  private rules: Rules | undefined;

  /** `capacity`: cards kept; the least recently used go first. */
  constructor(private readonly capacity = 600) {}

  /** The card kept under `key`, else `build()` frozen and kept. Cards made under other rules are dropped. */
  reuse(rules: Rules, key: string | undefined, build: () => Card): Card {
    if (key === undefined) return build();
    if (rules !== this.rules) {
      this.cards.clear();
      this.rules = rules;
    }
    const kept = this.cards.get(key);
    if (kept) {
      this.cards.delete(key);
      this.cards.set(key, kept);
      return kept;
    }
    const card = deepFreeze(build());
    this.cards.set(key, card);
    if (this.cards.size > this.capacity) this.cards.delete(this.cards.keys().next().value as string);
    return card;
  }

  get size(): number {
    return this.cards.size;
  }
}

/** Through the env's memo when it has one; `key` is only computed then. */
export function reusedCard(env: ViewEnv, key: () => string | undefined, build: () => Card): Card {
  return env.cardMemo ? env.cardMemo.reuse(env.rules, key(), build) : build();
}
