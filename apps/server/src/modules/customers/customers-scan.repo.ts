// Whole-tenant reads for bulk work outside the request path (the demo seeds its order history
// and its simulated WeCom corp from them): one query each, rows ready for the caller's mapping.
import { sql } from 'kysely';
import type { CustomersDb, GenderName } from './customers.tables.ts';

export type ProfiledCustomer = {
  id: string; source: string | null; created: Date; province: string | null; city: string | null;
  profile: Record<string, unknown>; unionid: string | null;
};

/** Customers whose profile holds a positive number at `key` (e.g. orderCount), oldest id first, with their unionid. */
export async function customersWithProfileCount(db: CustomersDb, tenantId: string, key: string): Promise<ProfiledCustomer[]> {
  const { rows } = await sql<ProfiledCustomer>`
    select c.id, c.source, c.created_at as created, c.province, c.city, c.profile,
      (select value from customer_identities u where u.tenant_id = c.tenant_id and u.customer_id = c.id and u.kind = 'unionid' limit 1) as unionid
    from customers c where c.tenant_id = ${tenantId} and (c.profile->>${key})::int > 0 order by c.id`.execute(db);
  return rows;
}

/** The newest live customers holding an identity of `kind`: its value and the name staff see. */
export async function newestWithIdentity(db: CustomersDb, tenantId: string, kind: string, limit: number) {
  const { rows } = await sql<{ id: string; value: string; name: string }>`
    select c.id, i.value, coalesce(c.nickname, c.name) as name from customers c
    join customer_identities i on i.tenant_id = c.tenant_id and i.customer_id = c.id and i.kind = ${kind}
    where c.tenant_id = ${tenantId} and c.merged_into is null order by c.id desc limit ${limit}`.execute(db);
  return rows;
}

export type OwnedCustomer = {
  value: string; name: string; nickname: string | null; gender: GenderName; source: string | null; unionid: string | null;
  /** Owner staff ids and since when, oldest first. */
  owners: string[]; since: Date[];
};

/** Every customer holding an identity of `kind` and at least one owner, one row per identity value (in value order). */
export async function ownedCustomersWithIdentity(db: CustomersDb, tenantId: string, kind: string): Promise<OwnedCustomer[]> {
  const { rows } = await sql<OwnedCustomer>`
    select i.value, c.name, c.nickname, c.gender, c.source,
      (select u.value from customer_identities u where u.tenant_id = c.tenant_id and u.customer_id = c.id and u.kind = 'unionid' limit 1) as unionid,
      array_agg(o.staff_id order by o.since) as owners, array_agg(o.since order by o.since) as since
    from customer_identities i
    join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
    join customer_owners o on o.tenant_id = c.tenant_id and o.customer_id = c.id
    where i.tenant_id = ${tenantId} and i.kind = ${kind}
    group by i.value, c.tenant_id, c.id
    order by i.value`.execute(db);
  return rows;
}
