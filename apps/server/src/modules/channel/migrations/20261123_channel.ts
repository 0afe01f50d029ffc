import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One WeCom corp per tenant; secrets sealed with the PII key (AES-GCM), never returned by the API.
  await sql`
    create table wecom_connections (
      tenant_id text not null primary key,
      corp_id text not null, agent_id int, base_url text not null,
      secret_enc text, callback_token_enc text, aes_key_enc text,
      status text not null default 'untested' check (status in ('untested','connected','error')),
      last_tested_at timestamptz, last_error text,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now()
    )`.execute(db);
  // Callbacks as received (decrypted XML), stored before WeCom gets its answer. dedupe_key is a
  // hash of the plaintext: WeCom's retries of one event carry the same plaintext.
  await sql`
    create table wecom_callbacks (
      tenant_id text not null, id bigint generated always as identity,
      dedupe_key text not null, received_at timestamptz not null default now(),
      event text not null, change_type text, payload text not null,
      status text not null default 'pending' check (status in ('pending','processed','failed','ignored')),
      attempts int not null default 0, error text, processed_at timestamptz,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index wecom_callbacks_dedupe on wecom_callbacks (tenant_id, dedupe_key)`.execute(db);
  await sql`create index wecom_callbacks_pending on wecom_callbacks (tenant_id, id) where status = 'pending'`.execute(db);
  await sql`create index wecom_callbacks_received on wecom_callbacks (tenant_id, received_at desc)`.execute(db);
  // What WeCom says about each external contact, and the customer it resolved to.
  await sql`
    create table wecom_contacts (
      tenant_id text not null, external_userid text not null, customer_id text not null,
      name text not null, avatar text, type int, gender int, corp_name text, has_unionid boolean not null default false,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, external_userid)
    )`.execute(db);
  await sql`create index wecom_contacts_customer on wecom_contacts (tenant_id, customer_id)`.execute(db);
  // The member–customer friendship: who added whom, when, how (add_way) and through which channel (state).
  await sql`
    create table wecom_relations (
      tenant_id text not null, external_userid text not null, userid text not null,
      customer_id text not null, staff_id text,
      added_at timestamptz not null, add_way int not null default 0, state text, oper_userid text,
      remark text, description text, tag_ids text[] not null default '{}',
      status text not null default 'active' check (status in ('active','deleted_by_staff','deleted_by_customer','transferring')),
      ended_at timestamptz, seen_run_id text,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, external_userid, userid)
    )`.execute(db);
  await sql`create index wecom_relations_customer on wecom_relations (tenant_id, customer_id)`.execute(db);
  await sql`create index wecom_relations_state on wecom_relations (tenant_id, state, added_at) where state is not null`.execute(db);
  await sql`
    create table wecom_groups (
      tenant_id text not null, chat_id text not null, name text not null default '', owner_userid text not null,
      notice text, status text not null default 'active' check (status in ('active','dismissed')),
      created_at timestamptz not null, member_version text, admin_userids text[] not null default '{}',
      member_count int not null default 0, customer_count int not null default 0,
      seen_run_id text, updated_at timestamptz not null default now(),
      primary key (tenant_id, chat_id)
    )`.execute(db);
  await sql`create index wecom_groups_created on wecom_groups (tenant_id, created_at desc, chat_id)`.execute(db);
  await sql`
    create table wecom_group_members (
      tenant_id text not null, chat_id text not null, member_id text not null,
      type int not null, customer_id text, name text, join_time timestamptz not null, join_scene int,
      invitor text, state text, left_at timestamptz, quit_scene int,
      primary key (tenant_id, chat_id, member_id)
    )`.execute(db);
  await sql`create index wecom_group_members_customer on wecom_group_members (tenant_id, customer_id) where customer_id is not null`.execute(db);
  // A sync run keeps its checkpoint, so a crashed or restarted worker resumes where it stopped.
  await sql`
    create table wecom_sync_runs (
      tenant_id text not null, id text not null,
      kind text not null check (kind in ('full','incremental')),
      status text not null default 'queued' check (status in ('queued','running','done','failed')),
      phase text, checkpoint jsonb not null default '{}', progress jsonb not null default '{}', stats jsonb not null default '{}',
      error text, requested_by text,
      created_at timestamptz not null default now(), started_at timestamptz, finished_at timestamptz,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index wecom_sync_runs_recent on wecom_sync_runs (tenant_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table wecom_sync_runs, wecom_group_members, wecom_groups, wecom_relations, wecom_contacts, wecom_callbacks, wecom_connections`.execute(db);
}
