// All SQL of tenants, departments, staff, sessions, tokens and known login devices.
import { sql } from 'kysely';
import type { TenancyDb } from './tenancy.tables.ts';
import type { DepartmentsTable, StaffTable } from './tenancy.tables.ts';
import type { Insertable, Updateable } from 'kysely';

/** Every brand's slug and name, for the CLI's choice of brand (a handful per installation). */
export const listTenants = (db: TenancyDb) =>
  db.selectFrom('tenants').select(['tenant_id', 'slug', 'name']).orderBy('created_at').limit(1000).execute();

export const findTenantBySlug = (db: TenancyDb, slug: string) =>
  db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findTenant = (db: TenancyDb, tenantId: string) =>
  db.selectFrom('tenants').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();

export const insertTenant = (db: TenancyDb, t: { tenant_id: string; slug: string; name: string }) =>
  db.insertInto('tenants').values(t).execute();

export const findStaffByUsername = (db: TenancyDb, tenantId: string, username: string) =>
  db.selectFrom('staff').selectAll().where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirst();

export const findStaff = (db: TenancyDb, tenantId: string, id: string) =>
  db.selectFrom('staff').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertStaff = (db: TenancyDb, row: Insertable<StaffTable>) => db.insertInto('staff').values(row).execute();

export const updateStaff = (db: TenancyDb, tenantId: string, id: string, set: Updateable<StaffTable>) =>
  db.updateTable('staff').set({ ...set, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const staffNames = (db: TenancyDb, tenantId: string) =>
  db.selectFrom('staff').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();

export function listStaff(db: TenancyDb, tenantId: string) {
  return db.selectFrom('staff as s')
    .leftJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.id', '=', 's.department_id'))
    .select(['s.id', 's.username', 's.name', 's.role', 's.department_id', 'd.name as department_name', 's.phone_masked', 's.active', 's.created_at'])
    .where('s.tenant_id', '=', tenantId).orderBy('s.created_at').execute();
}

/** Ids of active and inactive staff in a department and all its descendants. */
export async function staffIdsInSubtree(db: TenancyDb, tenantId: string, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff').select('id').where('tenant_id', '=', tenantId)
    .where('department_id', 'in', (qb) => qb.selectFrom('departments as d').select('d.id')
      .where('d.tenant_id', '=', tenantId)
      .where(sql<boolean>`d.path like (select path from departments where tenant_id = ${tenantId} and id = ${departmentId}) || '%'`))
    .execute();
  return rows.map((r) => r.id);
}

export function listDepartments(db: TenancyDb, tenantId: string) {
  return db.selectFrom('departments as d')
    .select(['d.id', 'd.parent_id', 'd.name', 'd.sort_order', 'd.path',
      (eb) => eb.selectFrom('staff').select(eb.fn.countAll<number>().as('n'))
        .whereRef('staff.tenant_id', '=', 'd.tenant_id').whereRef('staff.department_id', '=', 'd.id').as('staff_count')])
    .where('d.tenant_id', '=', tenantId).orderBy('d.path').orderBy('d.sort_order').execute();
}

export const findDepartment = (db: TenancyDb, tenantId: string, id: string) =>
  db.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertDepartment = (db: TenancyDb, row: Insertable<DepartmentsTable>) => db.insertInto('departments').values(row).execute();

export const updateDepartment = (db: TenancyDb, tenantId: string, id: string, set: Updateable<DepartmentsTable>) =>
  db.updateTable('departments').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Moves a subtree: every descendant's path prefix is rewritten in one statement. */
export const rewriteSubtreePaths = (db: TenancyDb, tenantId: string, oldPrefix: string, newPrefix: string) =>
  sql`update departments set path = ${newPrefix} || substr(path, ${oldPrefix.length + 1})
      where tenant_id = ${tenantId} and path like ${oldPrefix + '%'}`.execute(db);

export async function departmentHasChildrenOrStaff(db: TenancyDb, tenantId: string, id: string): Promise<boolean> {
  const child = await db.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).where('parent_id', '=', id).limit(1).executeTakeFirst();
  const member = await db.selectFrom('staff').select('id').where('tenant_id', '=', tenantId).where('department_id', '=', id).limit(1).executeTakeFirst();
  return Boolean(child || member);
}

export const deleteDepartment = (db: TenancyDb, tenantId: string, id: string) =>
  db.deleteFrom('departments').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

// Sessions
export const insertSession = (db: TenancyDb, row: { tenant_id: string; id: string; staff_id: string; expires_at: Date; ip: string | null; user_agent: string | null }) =>
  db.insertInto('sessions').values(row).execute();

/** The staff member behind a live session, in one round trip: this runs on every request. */
export const findSessionStaff = (db: TenancyDb, tenantId: string, id: string, now: Date) =>
  db.selectFrom('sessions as se')
    .innerJoin('staff as s', (j) => j.onRef('s.tenant_id', '=', 'se.tenant_id').onRef('s.id', '=', 'se.staff_id'))
    .select(['s.id', 's.role', 's.department_id', 's.name', 's.active'])
    .where('se.tenant_id', '=', tenantId).where('se.id', '=', id).where('se.expires_at', '>', now).executeTakeFirst();

export const deleteSession = (db: TenancyDb, tenantId: string, id: string) =>
  db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const deleteStaffSessions = (db: TenancyDb, tenantId: string, staffId: string) =>
  db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('staff_id', '=', staffId).execute();

export const deleteExpiredSessions = (db: TenancyDb, now: Date) => db.deleteFrom('sessions').where('expires_at', '<=', now).execute();

// API tokens
export const insertToken = (db: TenancyDb, row: { tenant_id: string; id: string; staff_id: string; name: string; prefix: string; token_hash: string }) =>
  db.insertInto('api_tokens').values(row).execute();

export const findTokenByHash = (db: TenancyDb, tenantId: string, hash: string) =>
  db.selectFrom('api_tokens').selectAll().where('tenant_id', '=', tenantId).where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();

export const listTokens = (db: TenancyDb, tenantId: string, staffId: string) =>
  db.selectFrom('api_tokens').selectAll().where('tenant_id', '=', tenantId).where('staff_id', '=', staffId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();

export const revokeToken = (db: TenancyDb, tenantId: string, staffId: string, id: string, now: Date) =>
  db.updateTable('api_tokens').set({ revoked_at: now }).where('tenant_id', '=', tenantId).where('staff_id', '=', staffId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();

export const touchToken = (db: TenancyDb, tenantId: string, id: string, now: Date) =>
  db.updateTable('api_tokens').set({ last_used_at: now }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

// Known devices (login throttling itself is counted in rate_limits: see login-throttle.ts)
export const isKnownDevice = async (db: TenancyDb, tenantId: string, staffId: string, deviceHash: string) =>
  Boolean(await db.selectFrom('login_devices').select('device_hash')
    .where('tenant_id', '=', tenantId).where('staff_id', '=', staffId).where('device_hash', '=', deviceHash).executeTakeFirst());

export const saveDevice = (db: TenancyDb, row: { tenant_id: string; staff_id: string; device_hash: string; last_seen_at: Date }) =>
  db.insertInto('login_devices').values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'staff_id', 'device_hash']).doUpdateSet({ last_seen_at: row.last_seen_at }))
    .execute();

/** Keeps an account's `keep` most recently seen devices. */
export const trimDevices = (db: TenancyDb, tenantId: string, staffId: string, keep: number) =>
  db.deleteFrom('login_devices').where('tenant_id', '=', tenantId).where('staff_id', '=', staffId)
    .where('device_hash', 'not in', (qb) => qb.selectFrom('login_devices').select('device_hash')
      .where('tenant_id', '=', tenantId).where('staff_id', '=', staffId).orderBy('last_seen_at', 'desc').limit(keep))
    .execute();

export const deleteDevicesUnseenSince = (db: TenancyDb, before: Date) => db.deleteFrom('login_devices').where('last_seen_at', '<', before).execute();

