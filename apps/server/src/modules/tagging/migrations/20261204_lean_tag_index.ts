import { sql, type Kysely } from 'kysely';

// The assignments by tag serve the per-tag counts and deleting a tag's assignments; neither needs
// the customer id in the index. Keyed by the tag alone, B-tree deduplication stores each tag once
// with a list of row pointers (~6 bytes an assignment instead of ~140). Whether one customer has a
// tag is the primary key's question (tenant_id, customer_id, tag_id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists customer_tags_tag`.execute(db);
  await sql`create index customer_tags_tag on customer_tags (tenant_id, tag_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists customer_tags_tag`.execute(db);
  await sql`create index customer_tags_tag on customer_tags (tenant_id, tag_id, customer_id)`.execute(db);
}
