import { sql, type Kysely } from 'kysely';

// The timeline, slimmed (issue 10): an entry is keyed by its customer and the event it came from
// — the one index serves the per-customer read and keeps a replayed event from adding a row —
// instead of a random id plus three indexes; `detail` keeps the event's references (ids, order
// number, channel state, changed fields), not a copy of the whole payload (the words are in the
// title). Rebuilt into a new table, so the file is compact at once rather than bloated by an
// UPDATE of every row.
const REFERENCE_KEYS = sql`array['userid', 'orderNo', 'platform', 'state', 'fields']`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table timeline_entries_next (
      tenant_id text not null, customer_id text not null, event_id bigint not null,
      kind text not null, title text not null, detail jsonb,
      occurred_at timestamptz not null
    )`.execute(db);
  await sql`
    insert into timeline_entries_next (tenant_id, customer_id, event_id, kind, title, detail, occurred_at)
    select t.tenant_id, t.customer_id, t.event_id, t.kind, t.title,
      (select jsonb_object_agg(e.k, e.v) from jsonb_each(t.detail) as e(k, v) where e.v <> 'null'::jsonb and (e.k ~ 'Id$' or e.k = any(${REFERENCE_KEYS}))),
      t.occurred_at
    from timeline_entries t
    order by t.tenant_id, t.customer_id, t.event_id`.execute(db);
  await sql`drop table timeline_entries`.execute(db);
  await sql`alter table timeline_entries_next rename to timeline_entries`.execute(db);
  await sql`alter table timeline_entries add constraint timeline_entries_pkey primary key (tenant_id, customer_id, event_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table timeline_entries drop constraint timeline_entries_pkey`.execute(db);
  await sql`alter table timeline_entries add column id text`.execute(db);
  await sql`update timeline_entries set id = gen_random_uuid()::text, detail = coalesce(detail, '{}')`.execute(db);
  await sql`alter table timeline_entries alter column id set not null, alter column detail set not null, alter column detail set default '{}'`.execute(db);
  await sql`alter table timeline_entries add primary key (tenant_id, id)`.execute(db);
  await sql`create unique index timeline_entries_event on timeline_entries (tenant_id, event_id)`.execute(db);
  await sql`create index timeline_entries_customer on timeline_entries (tenant_id, customer_id, occurred_at desc)`.execute(db);
}
