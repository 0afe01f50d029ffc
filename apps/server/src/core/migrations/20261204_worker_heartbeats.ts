import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // graphile-worker's workers that are alive: each process writes a beat for its workers every few
  // seconds; a job or queue locked by a worker without a recent beat is freed (core/job-liveness.ts).
  // Not tenant data: infrastructure, like the job tables themselves.
  await sql`
    create table worker_heartbeats (
      worker_id text primary key,
      process_id text not null,
      started_at timestamptz not null default now(),
      beat_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table worker_heartbeats`.execute(db);
}
