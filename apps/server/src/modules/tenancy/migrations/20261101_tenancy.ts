import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The tenant registry itself: keyed by tenant_id; slug is global because it is how people log in.
  await sql`
    create table tenants (
      tenant_id text primary key,
      slug text not null,
      name text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index tenants_slug on tenants (slug)`.execute(db);
  await sql`
    create table departments (
      tenant_id text not null, id text not null, parent_id text, name text not null,
      sort_order int not null default 0, path text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index departments_path on departments (tenant_id, path text_pattern_ops)`.execute(db);
  await sql`
    create table staff (
      tenant_id text not null, id text not null, username text not null, name text not null,
      role text not null check (role in ('owner','admin','operator_lead','staff')),
      department_id text, password_hash text not null,
      phone_enc text, phone_masked text, wecom_userid text,
      active boolean not null default true,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index staff_username on staff (tenant_id, username)`.execute(db);
  await sql`create index staff_department on staff (tenant_id, department_id)`.execute(db);
  await sql`
    create table sessions (
      tenant_id text not null, id text not null, staff_id text not null,
      created_at timestamptz not null default now(), expires_at timestamptz not null,
      ip text, user_agent text,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index sessions_expiry on sessions (expires_at)`.execute(db);
  await sql`
    create table api_tokens (
      tenant_id text not null, id text not null, staff_id text not null, name text not null,
      prefix text not null, token_hash text not null,
      created_at timestamptz not null default now(), last_used_at timestamptz, revoked_at timestamptz,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index api_tokens_hash on api_tokens (tenant_id, token_hash)`.execute(db);
  await sql`
    create table login_throttle (
      tenant_id text not null, username text not null, failures int not null default 0,
      window_started_at timestamptz not null default now(), locked_until timestamptz,
      primary key (tenant_id, username)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table login_throttle, api_tokens, sessions, staff, departments, tenants`.execute(db);
}
