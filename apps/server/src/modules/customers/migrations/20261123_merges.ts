import { sql, type Kysely } from 'kysely';

// Merging two customers keeps the merged one (hidden) so the merge can be undone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table customers add column merged_into text`.execute(db);
  await sql`
    create table customer_merges (
      tenant_id text not null, id text not null, keep_id text not null, merged_id text not null, reason text not null,
      moved jsonb not null, by_staff_id text, created_at timestamptz not null default now(), undone_at timestamptz,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index customer_merges_customer on customer_merges (tenant_id, keep_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table customer_merges`.execute(db);
  await sql`alter table customers drop column merged_into`.execute(db);
}
