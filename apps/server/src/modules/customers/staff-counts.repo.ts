// Customers per staff member (the org page), kept as owners change: every repo function that adds
// or removes customer_owners rows calls `countOwners` with exactly the rows it added or removed
// (from RETURNING or its own inserts), in the same transaction. The row of a staff member is an
// upsert of a delta, so concurrent writers add up instead of overwriting each other; staff are
// taken in id order, so two writers touching the same staff lock them in the same order.
import { sql } from 'kysely';
import type { CustomersDb } from './customers.tables.ts';

/** One staff id per owner row added (sign 1) or removed (sign -1). */
export async function countOwners(db: CustomersDb, tenantId: string, staffIds: string[], sign: 1 | -1): Promise<void> {
  if (staffIds.length === 0) return;
  const deltas = new Map<string, number>();
  for (const s of staffIds) deltas.set(s, (deltas.get(s) ?? 0) + sign);
  const keys = [...deltas.keys()].sort();
  await sql`
    insert into staff_customer_counts (tenant_id, staff_id, customers)
    select ${tenantId}, u.s, u.n from unnest(${keys}::text[], ${keys.map((k) => deltas.get(k)!)}::int[]) as u(s, n) order by u.s
    on conflict (tenant_id, staff_id) do update set customers = staff_customer_counts.customers + excluded.customers`.execute(db);
}

export async function customerCountsByStaff(db: CustomersDb, tenantId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('staff_customer_counts').select(['staff_id', 'customers'])
    .where('tenant_id', '=', tenantId).where('customers', '<>', 0).execute();
  return new Map(rows.map((r) => [r.staff_id, r.customers]));
}

/** Counted from the owner rows themselves: what the kept counts must equal (tests, benchmarks). */
export async function countedCustomersByStaff(db: CustomersDb, tenantId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('customer_owners').select(['staff_id', db.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId).groupBy('staff_id').execute();
  return new Map(rows.map((r) => [r.staff_id, Number(r.n)]));
}
