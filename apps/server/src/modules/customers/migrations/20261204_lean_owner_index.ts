import { sql, type Kysely } from 'kysely';

// Owners by staff member serve the per-staff counts (the org page, "my customers"); neither needs
// the customer id in the index. Keyed by the staff member alone, B-tree deduplication stores each
// once with a list of row pointers (~6 bytes an ownership instead of ~140). Who owns one customer
// is the primary key's question (tenant_id, customer_id, staff_id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists customer_owners_staff`.execute(db);
  await sql`create index customer_owners_staff on customer_owners (tenant_id, staff_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists customer_owners_staff`.execute(db);
  await sql`create index customer_owners_staff on customer_owners (tenant_id, staff_id, customer_id)`.execute(db);
}
