// Bulk-loads new customers given as columns (one array per column): one INSERT … SELECT FROM
// unnest(arrays) per table. One bind parameter per column (not per value) keeps the statements
// small to plan and free of the 65,535-parameter limit; this is the fast path without COPY.
// The demo seeder and the list benchmark load up to a million customers this way.
import { sql } from 'kysely';
import type { CustomersDb, GenderName } from './customers.tables.ts';
import { countOwners } from './staff-counts.repo.ts';

/** New customers of one tenant, their identities and owners, column by column. */
export type CustomerColumns = {
  customers: {
    id: string[]; name: string[]; nickname: (string | null)[]; gender: GenderName[];
    /** Already sealed, hashed and masked by the caller (core/pii.ts). */
    phoneEnc: (string | null)[]; phoneHash: (string | null)[]; phoneMasked: (string | null)[];
    birthday: (string | null)[]; province: (string | null)[]; city: (string | null)[]; source: string[];
    remark: (string | null)[]; profile: Record<string, unknown>[];
    /** The search tokens of each customer (customerGrams). */
    grams: string[][];
    createdAt: string[]; // ISO times; updated_at starts equal
  };
  identities: { kind: string[]; scope: string[]; value: string[]; customerId: string[]; createdAt: string[] };
  owners: { customerId: string[]; staffId: string[]; since: string[] };
};

export const emptyCustomerColumns = (): CustomerColumns => ({
  customers: { id: [], name: [], nickname: [], gender: [], phoneEnc: [], phoneHash: [], phoneMasked: [], birthday: [], province: [], city: [], source: [], remark: [], profile: [], grams: [], createdAt: [] },
  identities: { kind: [], scope: [], value: [], customerId: [], createdAt: [] },
  owners: { customerId: [], staffId: [], since: [] },
});

// Grams travel as one text per row, split again in SQL (string_to_array): a text[][] parameter
// would need rectangular arrays.
const GRAM_SEPARATOR = '\u001f';

/** Call inside a transaction: the settings below last until it ends. */
export async function insertCustomerColumns(db: CustomersDb, tenantId: string, cols: CustomerColumns): Promise<void> {
  const c = cols.customers;
  if (c.id.length === 0) return;
  // A larger GIN pending list merges search grams in fewer, bigger passes (vacuumCustomerTables
  // flushes it after the load); more work_mem for the sorts. Both last only for this transaction.
  await sql`select set_config('gin_pending_list_limit', '32MB', true), set_config('work_mem', '64MB', true)`.execute(db);
  const grams = c.grams.map((g) => g.join(GRAM_SEPARATOR));
  const profile = c.profile.map((p) => JSON.stringify(p));
  await sql`
    insert into customers (tenant_id, id, name, nickname, gender, phone_enc, phone_hash, phone_masked, birthday,
      province, city, source, remark, profile, search_grams, created_at, updated_at)
    select ${tenantId}, u.id, u.name, u.nickname, u.gender, u.phone_enc, u.phone_hash, u.phone_masked, u.birthday::date,
      u.province, u.city, u.source, u.remark, u.profile::jsonb, string_to_array(u.grams, ${GRAM_SEPARATOR}), u.created_at, u.created_at
    from unnest(${c.id}::text[], ${c.name}::text[], ${c.nickname}::text[], ${c.gender}::text[], ${c.phoneEnc}::text[],
      ${c.phoneHash}::text[], ${c.phoneMasked}::text[], ${c.birthday}::text[], ${c.province}::text[], ${c.city}::text[],
      ${c.source}::text[], ${c.remark}::text[], ${profile}::text[], ${grams}::text[], ${c.createdAt}::timestamptz[])
      as u(id, name, nickname, gender, phone_enc, phone_hash, phone_masked, birthday, province, city, source, remark, profile, grams, created_at)
  `.execute(db);
  const ident = cols.identities;
  if (ident.kind.length) {
    await sql`
      insert into customer_identities (tenant_id, kind, scope, value, customer_id, created_at)
      select ${tenantId}, u.kind, u.scope, u.value, u.customer_id, u.created_at
      from unnest(${ident.kind}::text[], ${ident.scope}::text[], ${ident.value}::text[], ${ident.customerId}::text[], ${ident.createdAt}::timestamptz[])
        as u(kind, scope, value, customer_id, created_at)
      order by u.kind, u.scope, u.value -- random keys: sorted, each batch touches index pages once
    `.execute(db);
  }
  const owner = cols.owners;
  if (owner.customerId.length) {
    await sql`
      insert into customer_owners (tenant_id, customer_id, staff_id, since)
      select ${tenantId}, u.customer_id, u.staff_id, u.since
      from unnest(${owner.customerId}::text[], ${owner.staffId}::text[], ${owner.since}::timestamptz[]) as u(customer_id, staff_id, since)
    `.execute(db);
    await countOwners(db, tenantId, owner.staffId, 1); // new customers: every owner row is new
  }
}

/** VACUUM flushes the search index's pending list and sets the visibility map; ANALYZE gives the planner real statistics. */
export async function vacuumCustomerTables(db: CustomersDb): Promise<void> {
  await sql`vacuum (analyze) customers, customer_identities, customer_owners`.execute(db);
}

export async function countCustomers(db: CustomersDb, tenantId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from customers where tenant_id = ${tenantId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
