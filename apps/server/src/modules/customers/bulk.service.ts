// Bulk loading and whole-tenant reads, for seeders and benchmarks (not the request path): new
// customers come in as columns, already sealed and tokenised, and land in one statement a table.
import type { Deps } from '../../deps.ts';
import * as load from './customers-load.repo.ts';
import * as scan from './customers-scan.repo.ts';
import type { CustomerColumns } from './customers-load.repo.ts';
import { customersDb } from './customers.tables.ts';

/**
 * Inserts new customers with their identities and owners. Inside a caller's transaction
 * (`{ ...deps, db: trx }`) it joins it, so other modules' rows of the batch commit with it;
 * otherwise it opens its own.
 */
export async function loadCustomerColumns(deps: Deps, tenantId: string, cols: CustomerColumns): Promise<void> {
  if (cols.customers.id.length === 0) return;
  if (deps.db.isTransaction) return load.insertCustomerColumns(deps.db, tenantId, cols);
  await customersDb(deps.db).transaction().execute((trx) => load.insertCustomerColumns(trx, tenantId, cols));
}

/** After a bulk load: flush the search index's pending list and refresh the planner's statistics. */
export const vacuumCustomerTables = (deps: Deps) => load.vacuumCustomerTables(deps.db);

/** Every customer row of the tenant, merged ones included. */
export const countCustomers = (deps: Deps, tenantId: string) => load.countCustomers(deps.db, tenantId);

export const customersWithProfileCount = (deps: Deps, tenantId: string, key: string) => scan.customersWithProfileCount(deps.db, tenantId, key);
export const newestWithIdentity = (deps: Deps, tenantId: string, kind: string, limit: number) => scan.newestWithIdentity(deps.db, tenantId, kind, limit);
export const ownedCustomersWithIdentity = (deps: Deps, tenantId: string, kind: string) => scan.ownedCustomersWithIdentity(deps.db, tenantId, kind);
