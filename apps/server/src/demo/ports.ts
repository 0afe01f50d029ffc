// What the demo seeder uses from the modules, through their doors.
export { createTenant, createStaff, createDepartment, findTenantBySlug, type Actor, type RoleName } from '../modules/tenancy/index.ts';
export { createGroup, createTag } from '../modules/tagging/index.ts';
export { customerGrams } from '../modules/customers/index.ts';
