// All SQL of customers, identities and owners (the timeline's is in timeline.repo.ts).
import { sql, type Insertable, type Updateable } from 'kysely';
import type { CustomersDb } from './customers.tables.ts';
import type { RowCondition } from '../../db/connect.ts';
import type { CustomersTable, CustomerIdentitiesTable } from './customers.tables.ts';
import { ownerToken, scopeTokens, tagToken } from './search-grams.ts';
import { countOwners } from './staff-counts.repo.ts';

/** A condition on the customer row aliased `c`, from another module (tag filters). */
export type CustomerCondition = RowCondition<'c'>;

export type CustomerFilter = {
  tenantId: string;
  staffIds?: string[]; // data scope: only customers owned by one of these staff
  ownerStaffId?: string;
  grams?: string[];
  tagIds?: string[]; // must carry all: a token lookup in the GIN index, rechecked by `extra`
  textLike?: string;
  phoneHash?: string;
  beforeId?: string; // keyset cursor
  /** Extra conditions from other modules (tag filters), each a correlated expression on `c`. */
  extra?: CustomerCondition[];
};

// Scope and owner filters are tokens in search_grams (see search-grams.ts): the planner can
// intersect them with the search grams in one GIN index, or walk the primary key newest-first
// and check them per row, whichever its statistics say is cheaper.
function filtered(db: CustomersDb, f: CustomerFilter) {
  // A customer merged into another is kept (a merge can be undone) but no longer listed.
  let q = db.selectFrom('customers as c').where('c.tenant_id', '=', f.tenantId).where('c.merged_into', 'is', null);
  // Tag tokens help where they narrow another token (a search, a scope); alone, a common tag is
  // found faster by walking newest-first with the exact check (measured at 1M in the list bench).
  const narrowing = Boolean(f.grams?.length || f.staffIds || f.ownerStaffId);
  const all = [...(f.grams ?? []), ...(f.ownerStaffId ? [ownerToken(f.ownerStaffId)] : []), ...(narrowing ? (f.tagIds ?? []).map(tagToken) : [])];
  if (f.staffIds) q = q.where(sql<boolean>`c.search_grams && ${sql.val(scopeTokens(f.staffIds))}::text[]`);
  if (all.length) q = q.where(sql<boolean>`c.search_grams @> ${sql.val(all)}::text[]`);
  if (f.phoneHash) q = q.where('c.phone_hash', '=', f.phoneHash);
  if (f.textLike) {
    const like = `%${f.textLike.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.nickname', 'ilike', like)]));
  }
  for (const x of f.extra ?? []) q = q.where(x);
  return q;
}

export async function listCustomers(db: CustomersDb, f: CustomerFilter, limit: number) {
  let q = filtered(db, f);
  if (f.beforeId) q = q.where('c.id', '<', f.beforeId);
  return q.select(['c.id', 'c.name', 'c.nickname', 'c.avatar_url', 'c.gender', 'c.phone_masked', 'c.province', 'c.city', 'c.source', 'c.created_at'])
    .orderBy('c.id', 'desc').limit(limit).execute();
}

/** Counts matches up to `cap` + 1: exact for the common case, cheap at a million rows. */
/**
 * Counts matches up to `cap` + 1 within a time budget; null when the budget runs out, so one
 * unlucky filter combination cannot make every first page slow for everyone.
 */
export async function countCustomers(db: CustomersDb, f: CustomerFilter, cap: number, budgetMs: number): Promise<number | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select set_config('statement_timeout', ${String(budgetMs)}, true)`.execute(trx);
      const inner = filtered(trx, f).select(sql`1`.as('x')).limit(cap + 1);
      const row = await trx.selectFrom(inner.as('t')).select(trx.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '57014') return null; // query_canceled by statement_timeout
    throw err;
  }
}

export const findCustomer = (db: CustomersDb, tenantId: string, id: string) =>
  db.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertCustomer = (db: CustomersDb, row: Insertable<CustomersTable>) => db.insertInto('customers').values(row).execute();

export const updateCustomer = (db: CustomersDb, tenantId: string, id: string, set: Updateable<CustomersTable>) =>
  db.updateTable('customers').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/**
 * Replaces the text grams (name, nickname, phone) and keeps the owner and tag tokens as they are
 * in the row at write time: a consumer may have added a tag token since the row was read.
 */
export const replaceTextGrams = (db: CustomersDb, tenantId: string, id: string, grams: string[]) =>
  sql`update customers set search_grams =
      array(select g from unnest(search_grams) g where g like 'o:%' or g like 't:%') || ${sql.val(grams)}::text[]
    where tenant_id = ${tenantId} and id = ${id}`.execute(db);

export async function isOwnedByAny(db: CustomersDb, tenantId: string, customerId: string, staffIds: string[]): Promise<boolean> {
  if (staffIds.length === 0) return false;
  const row = await db.selectFrom('customer_owners').select('staff_id').where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId).where('staff_id', 'in', staffIds).limit(1).executeTakeFirst();
  return Boolean(row);
}

export const ownersOf = (db: CustomersDb, tenantId: string, customerIds: string[]) =>
  customerIds.length === 0 ? Promise.resolve([]) :
    db.selectFrom('customer_owners as o').select(['o.customer_id', 'o.staff_id'])
      .where('o.tenant_id', '=', tenantId).where('o.customer_id', 'in', customerIds).orderBy('o.since').execute();

/** Adds an owner and its scope token, in the caller's transaction. */
export async function addOwner(db: CustomersDb, tenantId: string, customerId: string, staffId: string) {
  const added = await db.insertInto('customer_owners').values({ tenant_id: tenantId, customer_id: customerId, staff_id: staffId })
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'staff_id']).doNothing()).returning('staff_id').execute();
  await countOwners(db, tenantId, added.map((r) => r.staff_id), 1);
  await sql`update customers set search_grams = array_append(search_grams, ${ownerToken(staffId)})
    where tenant_id = ${tenantId} and id = ${customerId} and not search_grams @> array[${ownerToken(staffId)}]`.execute(db);
}

/** Adds or removes tag tokens on customers (one statement per tag and direction). */
export async function applyTagTokens(db: CustomersDb, tenantId: string, tagId: string, add: string[], remove: string[]) {
  const token = tagToken(tagId);
  if (add.length) await sql`update customers set search_grams = array_append(search_grams, ${token})
    where tenant_id = ${tenantId} and id = any(${sql.val(add)}::text[]) and not search_grams @> array[${token}]`.execute(db);
  if (remove.length) await sql`update customers set search_grams = array_remove(search_grams, ${token})
    where tenant_id = ${tenantId} and id = any(${sql.val(remove)}::text[]) and search_grams @> array[${token}]`.execute(db);
}

/** A deleted tag leaves no token behind anywhere in the tenant. */
export const dropTagToken = (db: CustomersDb, tenantId: string, tagId: string) =>
  sql`update customers set search_grams = array_remove(search_grams, ${tagToken(tagId)})
    where tenant_id = ${tenantId} and search_grams @> array[${tagToken(tagId)}]`.execute(db);

export const identitiesOf = (db: CustomersDb, tenantId: string, customerId: string) =>
  db.selectFrom('customer_identities').selectAll().where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).orderBy('created_at').execute();

export async function insertIdentities(db: CustomersDb, rows: Insertable<CustomerIdentitiesTable>[]) {
  if (rows.length === 0) return;
  await sql`insert into customer_identities (tenant_id, kind, scope, value, customer_id)
    select * from unnest(${rows.map((r) => r.tenant_id)}::text[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.scope ?? '')}::text[],
      ${rows.map((r) => r.value)}::text[], ${rows.map((r) => r.customer_id)}::text[])
    on conflict (tenant_id, kind, scope, value) do nothing`.execute(db);
}

export async function stats(db: CustomersDb, tenantId: string, staffIds: string[] | null, me: string, since: Date) {
  const scope = staffIds ? sql`and c.search_grams && ${sql.val(scopeTokens(staffIds))}::text[]` : sql``;
  const totals = await sql<{ total: number; with_phone: number }>`
    select count(*) as total, count(c.phone_hash) as with_phone from customers c where c.tenant_id = ${tenantId} and c.merged_into is null ${scope}`.execute(db);
  // Kept with the owner rows (staff-counts.repo.ts) rather than counted.
  const mine = await db.selectFrom('staff_customer_counts').select('customers as n').where('tenant_id', '=', tenantId).where('staff_id', '=', me).executeTakeFirst() ?? { n: 0 };
  const byDay = await sql<{ date: string; count: number }>`
    select to_char(date_trunc('day', c.created_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as date, count(*) as count
    from customers c where c.tenant_id = ${tenantId} and c.created_at >= ${since} ${scope} group by 1 order by 1`.execute(db);
  const bySource = await sql<{ source: string; count: number }>`
    select coalesce(c.source, '未知') as source, count(*) as count from customers c where c.tenant_id = ${tenantId} ${scope}
    group by 1 order by 2 desc limit 12`.execute(db);
  return { total: Number(totals.rows[0].total), withPhone: Number(totals.rows[0].with_phone), ownedByMe: Number(mine.n), byDay: byDay.rows, bySource: bySource.rows };
}
