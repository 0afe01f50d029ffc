// The customers module's part of a merge and its undo (flows/merge-customers.flow.ts drives the
// whole, across modules). Callers pass deps whose db is their transaction.
import type { Deps } from '../../deps.ts';
import { emit, notFound, invalid } from '../../core/index.ts';
import * as repo from './customers.repo.ts';
import * as m from './merges.repo.ts';

export type CustomersMoved = { identities: Array<{ kind: string; scope: string; value: string }>; ownersAdded: string[] };

export async function mergeCustomerRecords(deps: Deps, tenantId: string, keepId: string, mergedId: string): Promise<CustomersMoved> {
  if (keepId === mergedId) throw invalid('不能把客户合并到自己');
  const [keep, merged] = await Promise.all([repo.findCustomer(deps.db, tenantId, keepId), repo.findCustomer(deps.db, tenantId, mergedId)]);
  if (!keep || keep.merged_into) throw notFound('保留的客户');
  if (!merged || merged.merged_into) throw notFound('被合并的客户');
  const identities = await m.moveIdentities(deps.db, tenantId, mergedId, keepId);
  const ownersAdded = await m.copyOwners(deps.db, tenantId, mergedId, keepId);
  await m.setMergedInto(deps.db, tenantId, mergedId, keepId);
  return { identities, ownersAdded };
}

export async function undoCustomerRecords(deps: Deps, tenantId: string, keepId: string, mergedId: string, moved: CustomersMoved) {
  await m.setIdentitiesCustomer(deps.db, tenantId, moved.identities, mergedId);
  await m.removeOwners(deps.db, tenantId, keepId, moved.ownersAdded);
  await m.setMergedInto(deps.db, tenantId, mergedId, null);
}

export async function recordMerge(deps: Deps, row: { tenantId: string; id: string; keepId: string; mergedId: string; reason: string; moved: Record<string, unknown>; by: string | null }) {
  await m.insertMerge(deps.db, { tenant_id: row.tenantId, id: row.id, keep_id: row.keepId, merged_id: row.mergedId, reason: row.reason, moved: JSON.stringify(row.moved), by_staff_id: row.by });
  await emit(deps.db, row.tenantId, [
    { type: 'customer.merged', aggregateType: 'customer', aggregateId: row.keepId, actorId: row.by, payload: { mergedId: row.mergedId, reason: row.reason, mergeId: row.id } },
  ]);
}

export const findMerge = (deps: Deps, tenantId: string, id: string) => m.findMerge(deps.db, tenantId, id);
export const mergesOf = (deps: Deps, tenantId: string, customerId: string) => m.mergesOf(deps.db, tenantId, customerId);
export async function markMergeUndone(deps: Deps, tenantId: string, id: string, keepId: string, mergedId: string, by: string | null) {
  await m.markUndone(deps.db, tenantId, id, deps.clock.now());
  await emit(deps.db, tenantId, [{ type: 'customer.merge_undone', aggregateType: 'customer', aggregateId: keepId, actorId: by, payload: { mergedId, mergeId: id } }]);
}

/** Ties one more identity (e.g. the buyer id of a bound order) to a customer; false when it belongs to someone else. */
export async function addCustomerIdentity(deps: Deps, tenantId: string, customerId: string, kind: string, value: string): Promise<void> {
  await m.addIdentity(deps.db, tenantId, kind, '', value, customerId);
}

/** Bulk: ties identities to customers (the demo gives its buyers their platform ids). */
export async function addCustomerIdentities(deps: Deps, tenantId: string, kind: string, rows: Array<{ customerId: string; value: string }>) {
  await repo.insertIdentities(deps.db, rows.map((r) => ({ tenant_id: tenantId, kind, scope: '', value: r.value, customer_id: r.customerId })));
}
