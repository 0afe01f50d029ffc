// Merging two customer records into one, and undoing it. One transaction across the modules'
// tables: customers (identities, owners, the merged row hidden), tagging (tags copied), commerce
// (orders), channel (WeCom contact, relations, group memberships). Each step returns exactly what
// it moved; the merge record keeps that, and undo moves exactly that back.
import type { MergeRecord } from '@siyu/contracts';
import type { Deps } from '../deps.ts';
import { AppError, audit, newId, notFound } from '../core/index.ts';
import { isAdmin, type Actor } from '../modules/tenancy/index.ts';
import { mergeCustomerRecords, undoCustomerRecords, recordMerge, findMerge, markMergeUndone, visibleCustomer, type CustomersMoved } from '../modules/customers/index.ts';
import { copyCustomerTags, removeCustomerTags } from '../modules/tagging/index.ts';
import { moveOrders, restoreOrders } from '../modules/commerce/index.ts';
import { channelStore } from '../modules/channel/index.ts';

type Moved = { customers: CustomersMoved; tags: string[]; orders: string[]; wecom: channelStore.WecomMoved };

/** Runs inside the caller's transaction when deps.db is one (binding does), else opens its own. */
export async function mergeCustomers(deps: Deps, tenantId: string, keepId: string, mergedId: string, reason: string, by: string | null): Promise<string> {
  const id = newId();
  const moved: Moved = {
    customers: await mergeCustomerRecords(deps, tenantId, keepId, mergedId),
    tags: await copyCustomerTags(deps, tenantId, mergedId, keepId),
    orders: await moveOrders(deps, tenantId, mergedId, keepId),
    wecom: await channelStore.reassignCustomer(deps, tenantId, mergedId, keepId),
  };
  await recordMerge(deps, { tenantId, id, keepId, mergedId, reason, moved, by });
  return id;
}

export async function mergeCustomersAsActor(deps: Deps, actor: Actor, keepId: string, mergedId: string, reason: string): Promise<MergeRecord> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', '只有管理员可以合并客户');
  await visibleCustomer(deps, actor, keepId);
  await visibleCustomer(deps, actor, mergedId);
  const id = await deps.db.transaction().execute((trx) => mergeCustomers({ ...deps, db: trx }, actor.tenantId, keepId, mergedId, reason, actor.staffId));
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'customer.merge', targetType: 'customer', targetId: keepId, detail: { mergedId, reason } });
  return mergeRecord(deps, actor.tenantId, id);
}

export async function undoMerge(deps: Deps, actor: Actor, mergeId: string): Promise<MergeRecord> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', '只有管理员可以撤销合并');
  const m = await findMerge(deps, actor.tenantId, mergeId);
  if (!m) throw notFound('合并记录');
  if (m.undone_at) throw new AppError('CONFLICT', '这次合并已经撤销过了');
  const moved = m.moved as unknown as Moved;
  await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    await channelStore.restoreCustomer(d, actor.tenantId, m.merged_id, moved.wecom);
    await restoreOrders(d, actor.tenantId, moved.orders, m.merged_id);
    await removeCustomerTags(d, actor.tenantId, m.keep_id, moved.tags);
    await undoCustomerRecords(d, actor.tenantId, m.keep_id, m.merged_id, moved.customers);
    await markMergeUndone(d, actor.tenantId, mergeId, m.keep_id, m.merged_id, actor.staffId);
  });
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'customer.merge.undo', targetType: 'customer', targetId: m.keep_id, detail: { mergeId } });
  return mergeRecord(deps, actor.tenantId, mergeId);
}

export async function mergeRecord(deps: Deps, tenantId: string, id: string): Promise<MergeRecord> {
  const m = await findMerge(deps, tenantId, id);
  if (!m) throw notFound('合并记录');
  return { id: m.id, keepId: m.keep_id, mergedId: m.merged_id, reason: m.reason, by: m.by_staff_id, createdAt: new Date(m.created_at).toISOString(), undoneAt: m.undone_at?.toISOString() ?? null };
}
