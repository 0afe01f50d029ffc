import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A running import writes its progress twice a second; the time of the last write tells a live
  // import from one whose process died (then it would show 'running' for ever).
  await sql`alter table order_imports add column heartbeat_at timestamptz`.execute(db);
  await sql`create index order_imports_unfinished on order_imports (status, created_at) where status in ('queued', 'running')`.execute(db);
}
