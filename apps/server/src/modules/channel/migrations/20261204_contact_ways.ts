import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The corp's contact ways (渠道活码) as WeCom has them, for one thing: the name an operator gave a
  // channel state (its remark, or a readable fallback). Only ways with a state are kept; a way
  // deleted in WeCom keeps its row (deleted_at) so old friends and timeline entries keep its name.
  await sql`
    create table wecom_contact_ways (
      tenant_id text not null, config_id text not null,
      state text not null, remark text not null default '', name text not null,
      type int not null default 0, scene int not null default 0, userids text[] not null default '{}',
      is_temp boolean not null default false, deleted_at timestamptz, seen_run_id text,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, config_id)
    )`.execute(db);
  await sql`create index wecom_contact_ways_state on wecom_contact_ways (tenant_id, state)`.execute(db);
  // How far list_contact_way (which pages by creation time) has been read: the next listing starts
  // there (less an overlap), so a sync or a lookup asks only for ways made since.
  await sql`
    create table wecom_contact_way_listing (
      tenant_id text not null primary key, listed_until timestamptz not null, updated_at timestamptz not null default now()
    )`.execute(db);
  // States a callback brought that no listed way carries (made in WeCom's admin console, which
  // list_contact_way does not return, or typed by hand): looked up once, not on every friend.
  await sql`
    create table wecom_unknown_states (
      tenant_id text not null, state text not null, looked_up_at timestamptz not null default now(),
      primary key (tenant_id, state)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table wecom_unknown_states, wecom_contact_way_listing, wecom_contact_ways`.execute(db);
}
