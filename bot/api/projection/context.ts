// What every projection reads: the rules, the organisation, `now`, the organisation's "today", and names by id.
import { localDate, rolesOf, type Organization, type Rules } from '../../program';
import type { RoleCode } from '../view-model';

export interface ProjectionContext {
  rules: Rules;
  org?: Organization;
  now: Date;
  /** The organisation's calendar date at `now`. */
  today: string;
  /** User id → display name. */
  people: Map<string, string>;
}
export function projectionContext(
  rules: Rules,
  org: Organization | undefined,
  now: Date,
  defaultTimeZone = 'UTC',
): ProjectionContext {
  const people = new Map<string, string>();
  for (const p of org?.people ?? []) people.set(p.userId, p.name || p.email || p.userId);
  return { rules, org, now, today: localDate(now, org?.timeZone ?? defaultTimeZone), people };
}

// Organisation roles → the role codes the tab shows, highest first.
const ROLE_CODES: [Organization['people'][number]['roles'][number], RoleCode][] = [
  ['globalAdmin', 'GlobalAdmin'],
  ['mpnPartnerAdmin', 'PartnerAdmin'],
  ['consultant', 'Consultant'],
];

/** The caller's highest role; a person unknown to the organisation is a Member. */
export function roleOf(org: Organization | undefined, userId: string): RoleCode {
  const roles = org ? rolesOf(org, userId) : [];
  return ROLE_CODES.find(([role]) => roles.includes(role))?.[1] ?? 'Member';
}
