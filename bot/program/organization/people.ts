// People and roles: the organisation document itself, the people the app meets, and who holds which role.
import { z } from 'zod';
import { auditEntry, type OrgContext } from '../context';
import { ORGANIZATION_ID, Role, type Actor, type Organization, type Person, type Result } from '../model';
import { refusal } from '../result';
import { findPerson, GLOBAL_ADMIN_ONLY, holderIds } from '../roles';
import { blankPerson, withPerson } from './person-records';
import { runOrganizationCommand } from './run';

/** A fresh organisation document. Operator-pinned Global admins (config.initialGlobalAdmins) are seeded. */
export function newOrganization(
  tenantId: string,
  now: Date,
  initialGlobalAdmins: readonly string[] = [],
): Organization {
  const org: Organization = {
    id: ORGANIZATION_ID,
    tenantId,
    schemaVersion: 1,
    createdAt: now.toISOString(),
    people: [],
    competencies: [],
    enrollments: [],
    savbRegistrations: [],
    audit: [],
  };
  return applyPinnedAdmins(org, initialGlobalAdmins, now).org;
}

/** Makes sure the operator-pinned users hold Global admin (idempotent: config may change after creation). */
export function applyPinnedAdmins(
  org: Organization,
  userIds: readonly string[],
  now: Date,
): { org: Organization; changed: boolean } {
  let next = org;
  for (const userId of userIds) {
    const person = findPerson(next, userId) ?? blankPerson(userId, now);
    if (person.roles.includes('globalAdmin')) continue;
    next = withPerson(next, { ...person, roles: [...person.roles, 'globalAdmin'] });
    next = {
      ...next,
      audit: [
        ...next.audit,
        auditEntry({ kind: 'system', process: 'config' }, now, 'role.pin', {
          to: 'globalAdmin',
          details: { userId },
        }),
      ],
    };
  }
  return { org: next, changed: next !== org };
}

/** Records a person the first time they talk to the app, and refreshes name/email. No audit entry. */
export function ensurePerson(
  org: Organization,
  who: { userId: string; name?: string; email?: string; teamsUserId?: string },
  now: Date,
): { org: Organization; changed: boolean } {
  const existing = findPerson(org, who.userId);
  const person: Person = existing ? { ...existing } : blankPerson(who.userId, now);
  if (who.name && who.name !== person.name) person.name = who.name;
  if (who.email && who.email !== person.email) person.email = who.email;
  if (who.teamsUserId && who.teamsUserId !== person.teamsUserId) person.teamsUserId = who.teamsUserId;
  const changed =
    !existing ||
    existing.name !== person.name ||
    existing.email !== person.email ||
    existing.teamsUserId !== person.teamsUserId;
  return changed ? { org: withPerson(org, person), changed } : { org, changed };
}

export const ClaimGlobalAdminInput = z.object({ name: z.string().max(200).optional() }).default({});
/** Bootstrap: in a tenant with no Global admin, the first person who asks becomes one (audited). */
export function claimGlobalAdmin(
  org: Organization,
  input: z.input<typeof ClaimGlobalAdminInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  const spec = {
    command: 'role.claimGlobalAdmin',
    schema: ClaimGlobalAdminInput,
    role: { roles: ['member'] as Role[] },
  };
  return runOrganizationCommand(spec, org, input, actor, ctx, (i) => {
    const holders = holderIds(org, ['globalAdmin']);
    if (holders.length > 0 || actor.kind !== 'user') {
      return [
        refusal('bootstrap.globalAdminExists', {
          holders,
          holderNames: holders.map((id) => findPerson(org, id)?.name ?? ''),
        }),
      ];
    }
    const person =
      findPerson(org, actor.userId) ?? blankPerson(actor.userId, ctx.now, i.name ?? actor.name ?? '');
    return {
      doc: withPerson(org, { ...person, roles: [...person.roles, 'globalAdmin'] }),
      to: 'globalAdmin',
      details: { userId: actor.userId },
    };
  });
}

export const AssignRoleInput = z.object({
  userId: z.string().min(1),
  role: Role.exclude(['member']),
  name: z.string().max(200).optional(),
});
export function assignRole(
  org: Organization,
  input: z.input<typeof AssignRoleInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'role.assign', schema: AssignRoleInput, role: GLOBAL_ADMIN_ONLY },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const person = findPerson(org, i.userId) ?? blankPerson(i.userId, ctx.now, i.name ?? '');
      if (person.roles.includes(i.role)) return { unchanged: org };
      return {
        doc: withPerson(org, { ...person, roles: [...person.roles, i.role] }),
        to: i.role,
        details: { userId: i.userId },
      };
    },
  );
}

export const RemoveRoleInput = z.object({ userId: z.string().min(1), role: Role.exclude(['member']) });
export function removeRole(
  org: Organization,
  input: z.input<typeof RemoveRoleInput>,
  actor: Actor,
  ctx: OrgContext,
): Result<Organization> {
  return runOrganizationCommand(
    { command: 'role.remove', schema: RemoveRoleInput, role: GLOBAL_ADMIN_ONLY },
    org,
    input,
    actor,
    ctx,
    (i) => {
      const person = findPerson(org, i.userId);
      if (!person) return [refusal('person.unknown', { userId: i.userId })];
      if (!person.roles.includes(i.role)) return { unchanged: org };
      if (i.role === 'globalAdmin' && holderIds(org, ['globalAdmin']).length === 1) {
        return [refusal('role.lastGlobalAdmin', { userId: i.userId })];
      }
      return {
        doc: withPerson(org, { ...person, roles: person.roles.filter((r) => r !== i.role) }),
        from: i.role,
        details: { userId: i.userId },
      };
    },
  );
}
