import { sql, type Kysely } from 'kysely';

// The touch log and order attribution (issue 11, item 6). The touches consumer starts at the
// outbox's beginning (no checkpoint row): the friend adds and group joins still retained become
// touches. The copy of the orders starts empty and is filled by the first run of
// `acquisition.attribute-orders` through commerce's door.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Keyed by customer and time: attribution reads a customer's touches in time order.
  await sql`
    create table touches (
      tenant_id text not null, customer_id text not null, occurred_at timestamptz not null,
      id bigint generated always as identity,
      kind text not null, friend boolean not null, channel_kind text not null, channel_id text, code_id text, state text, staff_id text,
      event_ids bigint[] not null default '{}', merged_from text,
      primary key (tenant_id, customer_id, occurred_at, id)
    )`.execute(db);
  await sql`create index touches_merged on touches (tenant_id, merged_from) where merged_from is not null`.execute(db);
  await sql`
    create table attribution_orders (
      tenant_id text not null, order_id text not null, customer_id text, platform text not null,
      paid_fen bigint not null default 0, placed_at timestamptz,
      primary key (tenant_id, order_id)
    )`.execute(db);
  await sql`create index attribution_orders_customer on attribution_orders (tenant_id, customer_id) include (placed_at, platform, paid_fen) where customer_id is not null`.execute(db);
  await sql`
    create table order_attributions (
      tenant_id text not null, customer_id text not null, order_id text not null, touch_id bigint not null,
      placed_at timestamptz not null, platform text not null, paid_fen bigint not null,
      k int not null, touches int not null, linear_fen bigint not null,
      channel_kind text not null, channel_id text, code_id text, staff_id text, feedback boolean not null,
      primary key (tenant_id, customer_id, order_id, touch_id)
    )`.execute(db);
  await sql`create index order_attributions_placed on order_attributions (tenant_id, placed_at)`.execute(db);
  await sql`
    create table attribution_settings (
      tenant_id text not null primary key, window_days int not null default 30 check (window_days between 1 and 365),
      orders_after_at timestamptz, orders_after_id text, updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table attribution_settings, order_attributions, attribution_orders, touches`.execute(db);
  await sql`delete from consumer_checkpoints where consumer = 'acquisition.touches'`.execute(db);
}
