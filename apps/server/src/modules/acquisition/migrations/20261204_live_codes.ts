import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A live code keeps its id and state for life: a pause deletes WeCom's way and a resume makes a
  // new one with the same state, so every add stays attributed to the code.
  await sql`
    create table live_codes (
      tenant_id text not null, id text not null, name text not null, state text not null,
      config_id text, qr_code text, status text not null default 'active', strategy text not null default 'round_robin',
      skip_verify boolean not null default true, tag_ids text[] not null default '{}', backup_staff_ids text[] not null default '{}',
      welcome jsonb, wecom_userids text[] not null default '{}', mode text not null default 'none', sync_error text,
      created_by text not null, created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      primary key (tenant_id, id), unique (tenant_id, state)
    )`.execute(db);
  await sql`
    create table live_code_staff (
      tenant_id text not null, code_id text not null, staff_id text not null, weight int not null default 1,
      daily_cap int, schedule jsonb not null default '[]', sort_order int not null default 0,
      primary key (tenant_id, code_id, staff_id),
      foreign key (tenant_id, code_id) references live_codes (tenant_id, id) on delete cascade
    )`.execute(db);
  // One row per friend a code brought; the pair is unique so a repeated callback counts once.
  // day is the Asia/Shanghai calendar day: daily caps count by it.
  await sql`
    create table live_code_adds (
      tenant_id text not null, id text not null default gen_random_uuid()::text, code_id text not null,
      staff_id text, userid text not null, external_userid text not null, customer_id text not null,
      day date not null, added_at timestamptz not null,
      primary key (tenant_id, id), unique (tenant_id, code_id, external_userid, userid)
    )`.execute(db);
  await sql`create index live_code_adds_day on live_code_adds (tenant_id, code_id, day)`.execute(db);
  // Every welcome attempt: a welcome code is claimed here before WeCom is called, so it is sent at
  // most once whatever happens to the callback around it.
  await sql`
    create table live_code_welcomes (
      tenant_id text not null, welcome_code text not null, code_id text, userid text not null, external_userid text not null,
      status text not null, errcode int, error text, used_default boolean not null default false,
      created_at timestamptz not null default now(), finished_at timestamptz,
      primary key (tenant_id, welcome_code)
    )`.execute(db);
  await sql`create index live_code_welcomes_code on live_code_welcomes (tenant_id, code_id, created_at)`.execute(db);
  await sql`
    create table live_code_settings (
      tenant_id text not null primary key, default_welcome jsonb, updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table live_code_settings, live_code_welcomes, live_code_adds, live_code_staff, live_codes`.execute(db);
}
