// What the demo seeder uses from the modules, through their doors.
export { createTenant, createStaff, createDepartment, findTenantBySlug, linkWecomOrg, orgChart, ownerActor, type Actor, type RoleName } from '../modules/tenancy/index.ts';
export { saveConnection, testConnection, requestSync, syncRunsExist, hasWecomConnection } from '../modules/channel/index.ts';
export { createGroup, createTag, bulkAssignTags, vacuumTagAssignments, emptyTagColumns, type TagColumns } from '../modules/tagging/index.ts';
export {
  customerGrams, addCustomerIdentities, loadCustomerColumns, vacuumCustomerTables, countCustomers, emptyCustomerColumns,
  customersWithProfileCount, newestWithIdentity, ownedCustomersWithIdentity, type CustomerColumns, type ProfiledCustomer,
} from '../modules/customers/index.ts';
export { annotateProducts, configureShopSync, shopForImport, writeOrders, addStats, emptyStats, type OrderRecord, type Platform, type WriteStats } from '../modules/commerce/index.ts';
