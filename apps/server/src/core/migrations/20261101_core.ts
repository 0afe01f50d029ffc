import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`
    create table outbox_events (
      tenant_id text not null,
      id bigint generated always as identity,
      tx_id xid8 not null default pg_current_xact_id(),
      type text not null,
      aggregate_type text not null,
      aggregate_id text not null,
      payload jsonb not null default '{}',
      actor_id text,
      occurred_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  // Consumers read in id order across tenants.
  await sql`create index outbox_events_id on outbox_events (id)`.execute(db);
  await sql`create index outbox_events_aggregate on outbox_events (tenant_id, aggregate_type, aggregate_id, id)`.execute(db);
  // Infrastructure, not tenant data: one row per consumer (a Citus reference table later).
  await sql`
    create table consumer_checkpoints (
      consumer text primary key,
      last_id bigint not null default 0,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table audit_log (
      tenant_id text not null,
      id text not null,
      actor_id text,
      action text not null,
      target_type text not null,
      target_id text,
      detail jsonb not null default '{}',
      ip text,
      at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index audit_log_at on audit_log (tenant_id, at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_log, consumer_checkpoints, outbox_events`.execute(db);
}
