import { sql, type Kysely } from 'kysely';

// The outbox is read by id (consumers) and pruned by id (core/outbox-prune.ts); nothing looks
// events up by aggregate, so that index only cost bytes (a quarter of the outbox's size) and
// write time on every event.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists outbox_events_aggregate`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index outbox_events_aggregate on outbox_events (tenant_id, aggregate_type, aggregate_id, id)`.execute(db);
}
