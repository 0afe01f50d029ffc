// The whole organisation of a tenant at once, for callers outside a request (the demo mirrors it
// into its simulated WeCom corp): no actor, no data scope.
import type { Deps } from '../../deps.ts';
import { notFound } from '../../core/index.ts';
import * as repo from './tenancy.repo.ts';
import type { Actor } from './actor.ts';
import type { RoleName } from './tenancy.tables.ts';

export type OrgChart = {
  /** Parents before children (ordered by path). */
  departments: Array<{ id: string; parentId: string | null; name: string; sortOrder: number }>;
  /** Oldest account first, inactive ones included. */
  staff: Array<{ id: string; username: string; name: string; role: RoleName; departmentId: string | null; active: boolean }>;
};

export async function orgChart(deps: Deps, tenantId: string): Promise<OrgChart> {
  const [departments, staff] = await Promise.all([repo.listDepartments(deps.db, tenantId), repo.listStaff(deps.db, tenantId)]);
  return {
    departments: departments.map((d) => ({ id: d.id, parentId: d.parent_id, name: d.name, sortOrder: d.sort_order })),
    staff: staff.map((s) => ({ id: s.id, username: s.username, name: s.name, role: s.role, departmentId: s.department_id, active: s.active })),
  };
}

/** The tenant's first owner as an actor, for work the brand's owner does from the shell or a seeder. */
export async function ownerActor(deps: Deps, tenantId: string): Promise<Actor> {
  const owner = (await repo.listStaff(deps.db, tenantId)).find((s) => s.role === 'owner');
  if (!owner) throw notFound('企业所有者');
  return { tenantId, staffId: owner.id, role: 'owner', departmentId: null, name: owner.name };
}
