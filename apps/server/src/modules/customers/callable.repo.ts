// SQL of what call lists (acquisition) read of customers: name and sealed phone, for many at once.
import { sql } from 'kysely';
import type { CustomersDb } from './customers.tables.ts';

export type Callable = { id: string; name: string; phoneEnc: string | null; phoneMasked: string | null };

/** Customers by id, merged-away records left out (their orders and relations moved to the kept one). */
export async function callableCustomers(db: CustomersDb, tenantId: string, ids: string[]): Promise<Map<string, Callable>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: string; name: string; phone_enc: string | null; phone_masked: string | null }>`
    select id, name, phone_enc, phone_masked from customers
    where tenant_id = ${tenantId} and id = any(${ids}::text[]) and merged_into is null`.execute(db);
  return new Map(r.rows.map((x) => [x.id, { id: x.id, name: x.name, phoneEnc: x.phone_enc, phoneMasked: x.phone_masked }]));
}
