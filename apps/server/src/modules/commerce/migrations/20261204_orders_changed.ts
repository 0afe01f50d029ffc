import { sql, type Kysely } from 'kysely';

// Readers that keep a copy of order facts (acquisition's attribution) read the orders changed
// since their last read, by (updated_at, id): this index makes that a range scan per tenant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index orders_changed on orders (tenant_id, updated_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index orders_changed`.execute(db);
}
