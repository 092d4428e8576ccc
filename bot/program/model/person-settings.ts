// A person's own settings (language, time zone, Teams user id): one document per person, apart from the
// organisation, so a person's settings and everyone else's work never make each other's cards stale.
import { z } from 'zod';
import { AuditEntry, IsoInstant } from './common';

/** The newest settings changes a person's document keeps (a person changes language a handful of times). */
export const PERSON_SETTINGS_AUDIT_KEEP = 50;

export const PersonSettings = z.object({
  /** `person-<Entra object id>`. */
  id: z.string().min(1),
  tenantId: z.string().min(1),
  schemaVersion: z.literal(1).default(1),
  userId: z.string().min(1),
  /** Locale override (en, pt-BR, es-ES); absent = the Teams locale. */
  locale: z.string().min(2).max(35).optional(),
  /** IANA time zone; absent = the Teams one, then the organisation's, then the configured default. */
  timeZone: z.string().min(1).optional(),
  /** Teams user id (`29:…`), learnt when the bot meets the person (Adaptive Card refresh.userIds). */
  teamsUserId: z.string().min(1).max(256).optional(),
  /** Counts changes of language and time zone only: cards carry it, so learning the Teams id stales nothing. */
  revision: z.number().int().nonnegative().default(0),
  /** The currency of this person's last payment request and where it was delivered: the organisation's next
   *  request for that country starts with the newest such choice. */
  lastCurrency: z
    .object({
      code: z.string().regex(/^[A-Z]{3}$/),
      chosenAt: IsoInstant,
      deliveryCountry: z.string().length(2).optional(),
    })
    .optional(),
  audit: z.array(AuditEntry).default([]),
});
export type PersonSettings = z.infer<typeof PersonSettings>;

export function personSettingsId(userId: string): string {
  return `person-${userId}`;
}

export function blankPersonSettings(tenantId: string, userId: string): PersonSettings {
  return { id: personSettingsId(userId), tenantId, schemaVersion: 1, userId, revision: 0, audit: [] };
}
