// Who may do what (PRODUCT.md §1). A Global admin may do everything; everybody is at least a Member.
import type { Actor, Organization, Person, Refusal, Role } from './model';
import { refusal } from './result';

export function findPerson(org: Organization, userId: string): Person | undefined {
  return org.people.find((p) => p.userId === userId);
}

export function rolesOf(org: Organization, userId: string): Role[] {
  const roles = findPerson(org, userId)?.roles ?? [];
  return roles.includes('member') ? roles : [...roles, 'member'];
}

export function hasRole(org: Organization, userId: string, role: Role): boolean {
  return rolesOf(org, userId).includes(role);
}

/** People holding any of `roles` (Members are everybody, so they are not listed). */
export function holdersOf(org: Organization, roles: readonly Role[]): Person[] {
  return org.people.filter((p) => p.roles.some((r) => r !== 'member' && roles.includes(r)));
}

export function holderIds(org: Organization, roles: readonly Role[]): string[] {
  return holdersOf(org, roles).map((p) => p.userId);
}

export interface RoleRequirement {
  /** Command name for the explanation, e.g. `voucher.reserve`. */
  command: string;
  /** Roles allowed besides Global admin (who is always allowed). */
  roles: readonly Role[];
  /** Specific people also allowed (e.g. the consultants assigned to an engagement). */
  users?: readonly string[];
  /** Whether the app itself (a system actor, e.g. the expiry of vouchers) may issue it. */
  system?: boolean;
}

/** Who may run a command besides the Global admin (the runner adds the command name). */
export type RoleRule = Omit<RoleRequirement, 'command'>;

/** Partner admins (and the Global admin, who may do everything). */
export const PARTNER_ADMIN: RoleRule = { roles: ['mpnPartnerAdmin'] };

/** The Global admin only. */
export const GLOBAL_ADMIN_ONLY: RoleRule = { roles: [] };

/** Undefined when allowed; otherwise `role.required` naming the roles and who holds them. */
export function checkRole(org: Organization, actor: Actor, req: RoleRequirement): Refusal | undefined {
  if (actor.kind === 'system') {
    if (req.system) return undefined;
  } else {
    const mine = rolesOf(org, actor.userId);
    if (mine.includes('globalAdmin')) return undefined;
    if (req.roles.some((r) => mine.includes(r))) return undefined;
    if (req.users?.includes(actor.userId)) return undefined;
  }
  const required: Role[] = ['globalAdmin', ...req.roles.filter((r) => r !== 'globalAdmin')];
  const ids = new Set(holderIds(org, required));
  for (const u of req.users ?? []) ids.add(u);
  const all = [...ids];
  return refusal('role.required', {
    command: req.command,
    requiredRoles: required,
    ...(req.users ? { assignedUsers: [...req.users] } : {}),
    holders: all,
    holderNames: all.map((id) => findPerson(org, id)?.name ?? ''),
  });
}
