// tenancy: brands (tenants), departments, staff, roles and data scope, sessions, API tokens.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261101_tenancy.ts';
import * as m2 from './migrations/20261123_wecom_org.ts';
import * as m3 from './migrations/20261204_login_throttle.ts';

export { tenancyRoutes, type StaffCustomerCounts } from './tenancy.routes.ts';
export { actorFromCookie, actorFromToken, login, parseAccount } from './auth.service.ts';
export { createTenant, createStaff, createDepartment, dataScope, staffNames, findTenantBySlug, listTenants, pruneSessions } from './org.service.ts';
export { orgChart, ownerActor, type OrgChart } from './org-chart.service.ts';
export { installActorHook, actorOf, SESSION_COOKIE } from './request-actor.ts';
export { unlockAccount } from './login-unlock.ts';
export { requireRole, isAdmin, type Actor, type DataScope } from './actor.ts';
export { hashPassword } from './password.ts';
export { staffByWecomUserid, linkWecomOrg, syncWecomDepartments, syncWecomMembers, type WecomDepartment, type WecomMember } from './wecom-org.service.ts';
export type { TenancyTables, RoleName } from './tenancy.tables.ts';

export const tenancyMigrations: Record<string, Migration> = { '20261101_010_tenancy': m1, '20261123_011_wecom_org': m2, '20261204_012_login_throttle': m3 };
