// Tenants, departments (a tree kept as materialised paths) and staff accounts.
import type { Deps } from '../../deps.ts';
import { AppError, newId, audit, notFound, conflict, invalid, isUniqueViolation, maskPhone, normalizePhone } from '../../core/index.ts';
import type { DepartmentInput, StaffCreateInput, StaffUpdateInput } from '@siyu/contracts';
import * as repo from './tenancy.repo.ts';
import { hashPassword } from './password.ts';
import { requireRole, outranks, type Actor, type DataScope } from './actor.ts';
import { tenancyDb } from './tenancy.tables.ts';
import { lockedStaffIds } from './login-unlock.ts';
import { pruneDevices } from './known-devices.ts';

export async function createTenant(deps: Deps, input: { slug: string; name: string; tenantId?: string }) {
  if (!/^[a-z0-9][a-z0-9-]{1,30}$/.test(input.slug)) throw invalid('企业标识只能包含小写字母、数字和短横线');
  const tenantId = input.tenantId ?? newId();
  try {
    await repo.insertTenant(deps.db, { tenant_id: tenantId, slug: input.slug, name: input.name });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`企业标识 ${input.slug} 已被使用`);
    throw err;
  }
  return { tenantId, slug: input.slug, name: input.name };
}

export const findTenantBySlug = (deps: Deps, slug: string) => repo.findTenantBySlug(deps.db, slug);
export const listTenants = (deps: Deps) => repo.listTenants(deps.db);

export async function dataScope(deps: Deps, actor: Actor): Promise<DataScope> {
  if (outranks(actor, 'admin')) return { kind: 'all' };
  if (actor.role === 'operator_lead' && actor.departmentId) {
    const ids = await repo.staffIdsInSubtree(deps.db, actor.tenantId, actor.departmentId);
    return { kind: 'staff', staffIds: ids.includes(actor.staffId) ? ids : [...ids, actor.staffId] };
  }
  return { kind: 'staff', staffIds: [actor.staffId] };
}

// ---- departments

export async function listDepartments(deps: Deps, actor: Actor) {
  const rows = await repo.listDepartments(deps.db, actor.tenantId);
  return rows.map((d) => ({ id: d.id, parentId: d.parent_id, name: d.name, sortOrder: d.sort_order, staffCount: Number(d.staff_count ?? 0) }));
}

export async function createDepartment(deps: Deps, actor: Actor, input: DepartmentInput) {
  requireRole(actor, 'admin');
  const id = newId();
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await repo.findDepartment(deps.db, actor.tenantId, input.parentId);
    if (!parent) throw notFound('上级部门');
    path = `${parent.path}${id}/`;
  }
  await repo.insertDepartment(deps.db, { tenant_id: actor.tenantId, id, parent_id: input.parentId ?? null, name: input.name, sort_order: input.sortOrder ?? 0, path });
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'department.create', targetType: 'department', targetId: id, detail: { name: input.name } });
  return { id, parentId: input.parentId ?? null, name: input.name, sortOrder: input.sortOrder ?? 0, staffCount: 0 };
}

export async function updateDepartment(deps: Deps, actor: Actor, id: string, input: Partial<DepartmentInput>) {
  requireRole(actor, 'admin');
  const dept = await repo.findDepartment(deps.db, actor.tenantId, id);
  if (!dept) throw notFound('部门');
  await tenancyDb(deps.db).transaction().execute(async (trx) => {
    if (input.parentId !== undefined && input.parentId !== dept.parent_id) {
      let newPath = `/${id}/`;
      if (input.parentId) {
        const parent = await repo.findDepartment(trx, actor.tenantId, input.parentId);
        if (!parent) throw notFound('上级部门');
        if (parent.path.startsWith(dept.path)) throw invalid('不能把部门移动到它自己的下级');
        newPath = `${parent.path}${id}/`;
      }
      await repo.rewriteSubtreePaths(trx, actor.tenantId, dept.path, newPath);
    }
    await repo.updateDepartment(trx, actor.tenantId, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
      ...(input.parentId !== undefined && { parent_id: input.parentId }),
    });
  });
  return (await listDepartments(deps, actor)).find((d) => d.id === id)!;
}

export async function deleteDepartment(deps: Deps, actor: Actor, id: string) {
  requireRole(actor, 'admin');
  if (!(await repo.findDepartment(deps.db, actor.tenantId, id))) throw notFound('部门');
  if (await repo.departmentHasChildrenOrStaff(deps.db, actor.tenantId, id)) throw conflict('部门下还有子部门或员工，不能删除');
  await repo.deleteDepartment(deps.db, actor.tenantId, id);
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'department.delete', targetType: 'department', targetId: id });
}

// ---- staff

export async function listStaff(deps: Deps, actor: Actor, customerCounts: Map<string, number>) {
  const rows = await repo.listStaff(deps.db, actor.tenantId);
  const locked = await lockedStaffIds(deps, actor.tenantId, rows);
  return rows.map((s) => ({
    id: s.id, username: s.username, name: s.name, role: s.role, departmentId: s.department_id,
    departmentName: s.department_name ?? null, phoneMasked: s.phone_masked, active: s.active,
    customerCount: customerCounts.get(s.id) ?? 0, createdAt: s.created_at.toISOString(), loginLocked: locked.has(s.id),
  }));
}

/** Used by the console (admin) and by `siyu user create` (actor null = the operator at the shell). */
export async function createStaff(deps: Deps, actor: Actor | null, tenantId: string, input: StaffCreateInput) {
  if (actor) {
    requireRole(actor, 'admin');
    if (!outranks(actor, input.role)) throw new AppError('FORBIDDEN', '不能创建比自己权限更高的账号');
  }
  if (input.departmentId && !(await repo.findDepartment(deps.db, tenantId, input.departmentId))) throw notFound('部门');
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) throw invalid('手机号应为 11 位数字');
  const id = newId();
  try {
    await repo.insertStaff(deps.db, {
      tenant_id: tenantId, id, username: input.username, name: input.name, role: input.role,
      department_id: input.departmentId ?? null, password_hash: await hashPassword(input.password),
      phone_enc: phone ? deps.pii.encrypt(phone) : null, phone_masked: phone ? maskPhone(phone) : null,
      wecom_userid: null, active: true,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`账号 ${input.username} 已存在`);
    throw err;
  }
  await audit(deps.db, { tenantId, actorId: actor?.staffId ?? null, action: 'staff.create', targetType: 'staff', targetId: id, detail: { username: input.username, role: input.role } });
  return id;
}

export async function updateStaff(deps: Deps, actor: Actor, id: string, input: StaffUpdateInput) {
  requireRole(actor, 'admin');
  const staff = await repo.findStaff(deps.db, actor.tenantId, id);
  if (!staff) throw notFound('员工');
  if (!outranks(actor, staff.role) || (input.role && !outranks(actor, input.role))) throw new AppError('FORBIDDEN', '不能修改比自己权限更高的账号');
  if (id === actor.staffId && (input.active === false || (input.role && input.role !== staff.role))) throw invalid('不能停用自己或修改自己的角色');
  if (input.departmentId && !(await repo.findDepartment(deps.db, actor.tenantId, input.departmentId))) throw notFound('部门');
  await repo.updateStaff(deps.db, actor.tenantId, id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.role !== undefined && { role: input.role }),
    ...(input.departmentId !== undefined && { department_id: input.departmentId }),
    ...(input.active !== undefined && { active: input.active }),
    ...(input.password !== undefined && { password_hash: await hashPassword(input.password) }),
  });
  // A disabled account or a new password ends every open session of that account.
  if (input.active === false || input.password !== undefined) await repo.deleteStaffSessions(deps.db, actor.tenantId, id);
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'staff.update', targetType: 'staff', targetId: id, detail: { fields: Object.keys(input).filter((k) => k !== 'password'), passwordReset: input.password !== undefined } });
}

export async function staffNames(deps: Deps, tenantId: string): Promise<Map<string, string>> {
  return new Map((await repo.staffNames(deps.db, tenantId)).map((r) => [r.id, r.name]));
}

/** Hourly: expired sessions and devices unused for half a year (the login counts are pruned with rate_limits). */
export async function pruneSessions(deps: Deps) {
  await repo.deleteExpiredSessions(deps.db, deps.clock.now());
  await pruneDevices(deps);
}
