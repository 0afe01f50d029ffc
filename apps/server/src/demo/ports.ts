// What the demo seeder uses from the modules, through their doors.
export { createTenant, createStaff, findTenantBySlug, type Actor, type RoleName } from '../modules/tenancy/index.ts';
export { createGroup, createTag } from '../modules/tagging/index.ts';
export { customerGrams } from '../modules/customers/index.ts';
// createDepartment is not exported from tenancy's index yet; this is the one deep import until it is.
export { createDepartment } from '../modules/tenancy/org.service.ts';
