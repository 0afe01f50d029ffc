// Who is asking: resolved from a session cookie or an API token on every request.
import { forbidden } from '../../core/index.ts';
import type { RoleName } from './tenancy.tables.ts';

export type Actor = {
  tenantId: string;
  staffId: string;
  role: RoleName;
  departmentId: string | null;
  name: string;
};

const rank: Record<RoleName, number> = { staff: 0, operator_lead: 1, admin: 2, owner: 3 };

/** Throws FORBIDDEN unless the actor's role is at least `min`. */
export function requireRole(actor: Actor, min: RoleName): void {
  if (rank[actor.role] < rank[min]) throw forbidden();
}

export const isAdmin = (actor: Actor) => rank[actor.role] >= rank.admin;
export const outranks = (actor: Actor, role: RoleName) => rank[actor.role] >= rank[role];

/**
 * Data scope: which staff members' customers the actor may see. `all` for admins and owners;
 * a lead sees everyone in their department subtree; staff see their own.
 */
export type DataScope = { kind: 'all' } | { kind: 'staff'; staffIds: string[] };
