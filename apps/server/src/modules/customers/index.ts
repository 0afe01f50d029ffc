// customers: profiles, identities, owners (staff relation), the timeline.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261101_customers.ts';
import * as m2 from './migrations/20261123_merges.ts';
import * as m3 from './migrations/20261204_timeline_retention.ts';
import * as m4 from './migrations/20261204_lean_owner_index.ts';
import * as m5 from './migrations/20261204_staff_customer_counts.ts';

export { customersRoutes } from './customers.routes.ts';
export type { ChannelPort } from './channel-port.ts';
export { timelineConsumer } from './timeline.consumer.ts';
export { tagTokensConsumer } from './tag-tokens.consumer.ts';
export { pruneTimeline } from './retention.service.ts';
export { listCustomers, customerDetail, createCustomer, updateCustomer, visibleCustomer, customerCountsByStaff, countedCustomersByStaff, COUNT_CAP } from './customers.service.ts';
export { customerGrams } from './search-grams.ts';
export { mergeCustomerRecords, undoCustomerRecords, recordMerge, findMerge, mergesOf, markMergeUndone, addCustomerIdentity, addCustomerIdentities, type CustomersMoved } from './merges.service.ts';
export { resolveBuyers, customerNames, type BuyerInput, type ResolvedBuyer } from './buyers.service.ts';
export { resolveWecomCustomers, endWecomOwnership, type WecomCustomerInput, type ResolvedCustomer } from './wecom-customers.service.ts';
export { loadCustomerColumns, vacuumCustomerTables, countCustomers, customersWithProfileCount, newestWithIdentity, ownedCustomersWithIdentity } from './bulk.service.ts';
export { emptyCustomerColumns, type CustomerColumns } from './customers-load.repo.ts';
export type { ProfiledCustomer, OwnedCustomer } from './customers-scan.repo.ts';
export { callableCustomers, type Callable } from './callable.service.ts';
export type { CustomersTables } from './customers.tables.ts';

export const customersMigrations: Record<string, Migration> = { '20261101_020_customers': m1, '20261123_021_merges': m2, '20261204_022_timeline_retention': m3, '20261204_023_lean_owner_index': m4, '20261204_120_customers_staff_counts': m5 };
