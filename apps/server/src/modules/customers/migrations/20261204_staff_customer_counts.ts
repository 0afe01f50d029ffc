import { sql, type Kysely } from 'kysely';

// Customers per staff member, kept in the same transaction as every owner added or removed
// (staff-counts.repo.ts), so the org page reads one row per staff member instead of counting
// customer_owners per request. The counts start from the owners there are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_customer_counts (
      tenant_id text not null, staff_id text not null, customers integer not null default 0,
      primary key (tenant_id, staff_id)
    )`.execute(db);
  await sql`
    insert into staff_customer_counts (tenant_id, staff_id, customers)
    select tenant_id, staff_id, count(*) from customer_owners group by tenant_id, staff_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table staff_customer_counts`.execute(db);
}
