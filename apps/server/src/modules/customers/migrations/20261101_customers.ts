import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table customers (
      tenant_id text not null, id text not null,
      name text not null, nickname text, avatar_url text,
      gender text not null default 'unknown' check (gender in ('male','female','unknown')),
      phone_enc text, phone_hash text, phone_masked text,
      birthday date, province text, city text, source text, remark text,
      profile jsonb not null default '{}',
      search_grams text[] not null default '{}',
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index customers_search on customers using gin (search_grams)`.execute(db);
  await sql`create index customers_phone on customers (tenant_id, phone_hash) where phone_hash is not null`.execute(db);
  await sql`
    create table customer_identities (
      tenant_id text not null, kind text not null, scope text not null default '', value text not null,
      customer_id text not null, created_at timestamptz not null default now(),
      primary key (tenant_id, kind, scope, value)
    )`.execute(db);
  await sql`create index customer_identities_customer on customer_identities (tenant_id, customer_id)`.execute(db);
  await sql`
    create table customer_owners (
      tenant_id text not null, customer_id text not null, staff_id text not null,
      since timestamptz not null default now(),
      primary key (tenant_id, customer_id, staff_id)
    )`.execute(db);
  await sql`create index customer_owners_staff on customer_owners (tenant_id, staff_id, customer_id)`.execute(db);
  await sql`
    create table timeline_entries (
      tenant_id text not null, id text not null, customer_id text not null, event_id bigint not null,
      kind text not null, title text not null, detail jsonb not null default '{}',
      occurred_at timestamptz not null,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index timeline_entries_event on timeline_entries (tenant_id, event_id)`.execute(db);
  await sql`create index timeline_entries_customer on timeline_entries (tenant_id, customer_id, occurred_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table timeline_entries, customer_owners, customer_identities, customers`.execute(db);
}
