// Shared primitives of both aggregates: calendar dates and instants, codes, the audit entry and the actor.
// Calendar dates are `YYYY-MM-DD` strings; instants are full ISO strings with an offset (usually `Z`).
import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`, that exists (no 2021-02-29). */
export const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, ISO 8601 with an offset, e.g. 2021-03-04T10:00:00.000Z. */
export const IsoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO date-time with offset' });
export type IsoInstant = z.infer<typeof IsoInstant>;

/** ISO 3166-1 alpha-2 country code in upper case (BR, ES, US). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as BR');
export type CountryCode = z.infer<typeof CountryCode>;

/** ISO 4217 currency code (USD, EUR, BRL). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');

export const CompetencyLevel = z.enum(['Silver', 'Gold']);
export type CompetencyLevel = z.infer<typeof CompetencyLevel>;

/** Every applied command leaves one audit entry: who, when, what, from → to, why. */
export const AuditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const AuditEntry = z.object({
  at: IsoInstant,
  /** User id (Entra object id) or `system:<process>`. */
  by: z.string().min(1),
  byName: z.string().optional(),
  /** The command name, e.g. `voucher.reserve`, `role.assign`. */
  action: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
  details: z.record(z.string(), AuditValue).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Who issues a command: a person of the tenant, or the app itself (reminder scan, expiry). */
export type Actor = { kind: 'user'; userId: string; name?: string } | { kind: 'system'; process: string };
