// tenancy: brands (tenants), departments, staff, roles and data scope, sessions, API tokens.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261101_tenancy.ts';
import * as m2 from './migrations/20261123_wecom_org.ts';

export { tenancyRoutes, type StaffCustomerCounts } from './tenancy.routes.ts';
export { actorFromCookie, actorFromToken, login, parseAccount } from './auth.service.ts';
export { createTenant, createStaff, createDepartment, dataScope, staffNames, findTenantBySlug, pruneSessions } from './org.service.ts';
export { requireRole, isAdmin, type Actor, type DataScope } from './actor.ts';
export { hashPassword } from './password.ts';
export { staffByWecomUserid, linkWecomOrg, syncWecomDepartments, syncWecomMembers, type WecomDepartment, type WecomMember } from './wecom-org.service.ts';
export type { TenancyTables, RoleName } from './tenancy.tables.ts';

export const tenancyMigrations: Record<string, Migration> = { '20261101_010_tenancy': m1, '20261123_011_wecom_org': m2 };
