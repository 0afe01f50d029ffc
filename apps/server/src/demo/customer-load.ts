// Loads a generated batch through the owning modules' bulk functions — customers (with identities
// and owners), tag assignments, then the outbox events — in one transaction per batch, so a batch
// is all there or not at all. Each function writes its table with one INSERT … SELECT FROM unnest.
import type { Deps } from '../deps.ts';
import { emit } from '../core/index.ts';
import { bulkAssignTags, loadCustomerColumns } from './ports.ts';
import { DEMO_TAG_REASON, type CustomerBatch } from './customer-gen.ts';

export async function loadBatch(deps: Deps, tenantId: string, b: CustomerBatch): Promise<void> {
  if (b.size === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    await loadCustomerColumns(tx, tenantId, b.customers);
    await bulkAssignTags(tx, tenantId, b.tags, DEMO_TAG_REASON);
    await emit(trx, tenantId, b.events);
  });
}
