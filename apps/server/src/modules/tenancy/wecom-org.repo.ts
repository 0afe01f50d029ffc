// SQL for mirroring WeCom's departments and members.
import type { TenancyDb } from './tenancy.tables.ts';

export const departmentsByWecomId = (db: TenancyDb, tenantId: string) =>
  db.selectFrom('departments').select(['id', 'wecom_dept_id', 'name', 'parent_id', 'path']).where('tenant_id', '=', tenantId)
    .where('wecom_dept_id', 'is not', null).execute();

export const staffWithWecom = (db: TenancyDb, tenantId: string) =>
  db.selectFrom('staff').select(['id', 'name', 'username', 'wecom_userid', 'department_id', 'active']).where('tenant_id', '=', tenantId)
    .where('wecom_userid', 'is not', null).execute();

export const usernamesLike = async (db: TenancyDb, tenantId: string, base: string) =>
  new Set((await db.selectFrom('staff').select('username').where('tenant_id', '=', tenantId).where('username', 'like', `${base}%`).execute()).map((r) => r.username));

export const setDepartmentName = (db: TenancyDb, tenantId: string, id: string, name: string) =>
  db.updateTable('departments').set({ name }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const setStaffFromWecom = (db: TenancyDb, tenantId: string, id: string, set: { name: string; department_id: string | null; active: boolean }) =>
  db.updateTable('staff').set({ ...set, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const setDepartmentWecomId = (db: TenancyDb, tenantId: string, id: string, wecomDeptId: number) =>
  db.updateTable('departments').set({ wecom_dept_id: wecomDeptId }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const setStaffWecomUserid = (db: TenancyDb, tenantId: string, id: string, userid: string) =>
  db.updateTable('staff').set({ wecom_userid: userid }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
