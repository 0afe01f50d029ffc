// SQL of customer merges: the customers-module half (identities, owners, the merged row itself).
import { sql } from 'kysely';
import type { CustomersDb } from './customers.tables.ts';
import { ownerToken } from './search-grams.ts';
import { countOwners } from './staff-counts.repo.ts';

export async function moveIdentities(db: CustomersDb, tenantId: string, from: string, to: string) {
  const r = await sql<{ kind: string; scope: string; value: string }>`
    update customer_identities set customer_id = ${to} where tenant_id = ${tenantId} and customer_id = ${from} returning kind, scope, value`.execute(db);
  return r.rows;
}

export async function setIdentitiesCustomer(db: CustomersDb, tenantId: string, keys: Array<{ kind: string; scope: string; value: string }>, to: string) {
  if (keys.length === 0) return;
  await sql`update customer_identities i set customer_id = ${to}
    from unnest(${keys.map((k) => k.kind)}::text[], ${keys.map((k) => k.scope)}::text[], ${keys.map((k) => k.value)}::text[]) as u(kind, scope, value)
    where i.tenant_id = ${tenantId} and i.kind = u.kind and i.scope = u.scope and i.value = u.value`.execute(db);
}

/** Owners of `from` become owners of `to` too; returns the staff newly added to `to`. */
export async function copyOwners(db: CustomersDb, tenantId: string, from: string, to: string): Promise<string[]> {
  const r = await sql<{ staff_id: string }>`
    insert into customer_owners (tenant_id, customer_id, staff_id, since)
    select tenant_id, ${to}, staff_id, since from customer_owners where tenant_id = ${tenantId} and customer_id = ${from}
    on conflict do nothing returning staff_id`.execute(db);
  await countOwners(db, tenantId, r.rows.map((x) => x.staff_id), 1);
  for (const { staff_id } of r.rows) {
    await sql`update customers set search_grams = array_append(search_grams, ${ownerToken(staff_id)})
      where tenant_id = ${tenantId} and id = ${to} and not search_grams @> array[${ownerToken(staff_id)}]`.execute(db);
  }
  return r.rows.map((x) => x.staff_id);
}

export async function removeOwners(db: CustomersDb, tenantId: string, customerId: string, staffIds: string[]) {
  if (staffIds.length === 0) return;
  const removed = await db.deleteFrom('customer_owners').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where('staff_id', 'in', staffIds).returning('staff_id').execute();
  await countOwners(db, tenantId, removed.map((x) => x.staff_id), -1);
  await sql`update customers set search_grams = array(select g from unnest(search_grams) g where not g = any(${staffIds.map(ownerToken)}::text[]))
    where tenant_id = ${tenantId} and id = ${customerId}`.execute(db);
}

export const setMergedInto = (db: CustomersDb, tenantId: string, id: string, into: string | null) =>
  db.updateTable('customers').set({ merged_into: into, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const insertMerge = (db: CustomersDb, row: { tenant_id: string; id: string; keep_id: string; merged_id: string; reason: string; moved: string; by_staff_id: string | null }) =>
  db.insertInto('customer_merges').values(row).execute();

export const findMerge = (db: CustomersDb, tenantId: string, id: string) =>
  db.selectFrom('customer_merges').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const mergesOf = (db: CustomersDb, tenantId: string, customerId: string) =>
  db.selectFrom('customer_merges').selectAll().where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('keep_id', '=', customerId), eb('merged_id', '=', customerId)])).orderBy('created_at', 'desc').execute();

export const markUndone = (db: CustomersDb, tenantId: string, id: string, at: Date) =>
  db.updateTable('customer_merges').set({ undone_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const addIdentity = (db: CustomersDb, tenantId: string, kind: string, scope: string, value: string, customerId: string) =>
  db.insertInto('customer_identities').values({ tenant_id: tenantId, kind, scope, value, customer_id: customerId })
    .onConflict((oc) => oc.columns(['tenant_id', 'kind', 'scope', 'value']).doNothing()).execute();
