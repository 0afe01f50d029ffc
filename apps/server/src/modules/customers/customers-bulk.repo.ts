// Bulk SQL of customers shared by WeCom sync and order imports: resolve many by identity, insert many, owners, names.
import { sql, type Insertable } from 'kysely';
import type { CustomersTable } from './customers.tables.ts';
import type { CustomersDb } from './customers.tables.ts';
import { ownerToken } from './search-grams.ts';
import { countOwners } from './staff-counts.repo.ts';

export async function customersByIdentity(db: CustomersDb, tenantId: string, kind: string, scope: string, values: string[]): Promise<Map<string, string>> {
  if (values.length === 0) return new Map();
  // One array parameter, not thousands of `in` placeholders: an import chunk looks up 2,000 at once.
  const r = await sql<{ value: string; customer_id: string }>`select value, customer_id from customer_identities
    where tenant_id = ${tenantId} and kind = ${kind} and scope = ${scope} and value = any(${values}::text[])`.execute(db);
  return new Map(r.rows.map((x) => [x.value, x.customer_id]));
}

/** Inserts owner pairs that are new; returns them, with their scope tokens added to the customers. */
export async function addOwners(db: CustomersDb, tenantId: string, pairs: Array<{ customerId: string; staffId: string; since: Date }>) {
  if (pairs.length === 0) return [];
  const r = await sql<{ customer_id: string; staff_id: string }>`
    insert into customer_owners (tenant_id, customer_id, staff_id, since)
    select ${tenantId}, u.c, u.s, u.t from unnest(${pairs.map((p) => p.customerId)}::text[], ${pairs.map((p) => p.staffId)}::text[],
      ${pairs.map((p) => p.since.toISOString())}::timestamptz[]) as u(c, s, t)
    on conflict (tenant_id, customer_id, staff_id) do nothing
    returning customer_id, staff_id`.execute(db);
  await countOwners(db, tenantId, r.rows.map((x) => x.staff_id), 1);
  for (const row of r.rows) {
    const token = ownerToken(row.staff_id);
    await sql`update customers set search_grams = array_append(search_grams, ${token})
      where tenant_id = ${tenantId} and id = ${row.customer_id} and not search_grams @> array[${token}]`.execute(db);
  }
  return r.rows;
}

export async function removeOwner(db: CustomersDb, tenantId: string, customerId: string, staffId: string): Promise<boolean> {
  const r = await db.deleteFrom('customer_owners').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where('staff_id', '=', staffId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return false;
  await countOwners(db, tenantId, [staffId], -1);
  await sql`update customers set search_grams = array_remove(search_grams, ${ownerToken(staffId)})
    where tenant_id = ${tenantId} and id = ${customerId}`.execute(db);
  return true;
}

/** Fills what customers lack (avatar, nickname) from WeCom without overwriting an operator's edit. */
export async function fillFromWecom(db: CustomersDb, tenantId: string, rows: Array<{ id: string; avatar: string | null; nickname: string }>) {
  if (rows.length === 0) return;
  await sql`update customers c set avatar_url = coalesce(c.avatar_url, u.a), nickname = coalesce(c.nickname, nullif(u.n, '')), updated_at = now()
    from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.avatar)}::text[], ${rows.map((r) => r.nickname)}::text[]) as u(id, a, n)
    where c.tenant_id = ${tenantId} and c.id = u.id and ((c.avatar_url is null and u.a is not null) or (c.nickname is null and u.n <> ''))`.execute(db);
}

/** Many new customers in one statement (arrays, not a VALUES list: thousands per import chunk). */
export async function insertCustomers(db: CustomersDb, rows: Insertable<CustomersTable>[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof Insertable<CustomersTable>>(k: K) => rows.map((r) => (r[k] ?? null) as unknown);
  const at = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);
  await sql`insert into customers (tenant_id, id, name, nickname, avatar_url, gender, source, province, city, phone_enc, phone_hash, phone_masked, search_grams, created_at, updated_at)
    select u.t, u.id, u.name, u.nick, u.avatar, u.gender, u.source, u.province, u.city, u.pe, u.ph, u.pm, array(select jsonb_array_elements_text(u.grams::jsonb)),
      coalesce(u.created, now()), coalesce(u.updated, now())
    from unnest(${col('tenant_id')}::text[], ${col('id')}::text[], ${col('name')}::text[], ${col('nickname')}::text[], ${col('avatar_url')}::text[],
      ${col('gender')}::text[], ${col('source')}::text[], ${col('province')}::text[], ${col('city')}::text[], ${col('phone_enc')}::text[],
      ${col('phone_hash')}::text[], ${col('phone_masked')}::text[], ${rows.map((r) => JSON.stringify(r.search_grams ?? []))}::text[],
      ${rows.map((r) => at(r.created_at))}::timestamptz[], ${rows.map((r) => at(r.updated_at))}::timestamptz[])
      as u(t, id, name, nick, avatar, gender, source, province, city, pe, ph, pm, grams, created, updated)`.execute(db);
}

export async function namesOf(db: CustomersDb, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
