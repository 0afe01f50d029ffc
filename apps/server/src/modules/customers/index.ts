// customers: profiles, identities, owners (staff relation), the timeline.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261101_customers.ts';
import * as m2 from './migrations/20261123_merges.ts';

export { customersRoutes } from './customers.routes.ts';
export { timelineConsumer } from './timeline.consumer.ts';
export { tagTokensConsumer } from './tag-tokens.consumer.ts';
export { listCustomers, customerDetail, createCustomer, updateCustomer, visibleCustomer, customerCountsByStaff, COUNT_CAP } from './customers.service.ts';
export { customerGrams } from './search-grams.ts';
export { mergeCustomerRecords, undoCustomerRecords, recordMerge, findMerge, mergesOf, markMergeUndone, addCustomerIdentity, addCustomerIdentities, type CustomersMoved } from './merges.service.ts';
export { resolveBuyers, customerNames, type BuyerInput, type ResolvedBuyer } from './buyers.service.ts';
export { resolveWecomCustomers, endWecomOwnership, type WecomCustomerInput, type ResolvedCustomer } from './wecom-customers.service.ts';
export type { CustomersTables } from './customers.tables.ts';

export const customersMigrations: Record<string, Migration> = { '20261101_020_customers': m1, '20261123_021_merges': m2 };
