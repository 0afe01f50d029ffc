import { sql, type Kysely } from 'kysely';

// Login failures move to `rate_limits` (per account and address, per address, per device: see
// login-throttle.ts). The per-account table could be raced and let anyone lock an owner out.
// Known devices: browsers an account logged in from, which skip the address-based limits.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists login_throttle`.execute(db);
  await sql`
    create table login_devices (
      tenant_id text not null, staff_id text not null, device_hash text not null,
      created_at timestamptz not null default now(), last_seen_at timestamptz not null default now(),
      primary key (tenant_id, staff_id, device_hash)
    )`.execute(db);
  await sql`create index login_devices_seen on login_devices (last_seen_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table login_devices`.execute(db);
  await sql`
    create table login_throttle (
      tenant_id text not null, username text not null, failures int not null default 0,
      window_started_at timestamptz not null default now(), locked_until timestamptz,
      primary key (tenant_id, username)
    )`.execute(db);
}
