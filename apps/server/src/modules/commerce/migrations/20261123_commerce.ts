import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A shop on a sales platform; API credentials sealed with the PII key, never returned.
  await sql`
    create table shops (
      tenant_id text not null, id text not null, platform text not null, name text not null, external_id text,
      api_base_url text, credentials_enc text,
      sync_enabled boolean not null default false, sync_interval_minutes int not null default 30,
      synced_until timestamptz, sync_checkpoint jsonb not null default '{}', last_sync_at timestamptz, last_sync_error text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index shops_name on shops (tenant_id, platform, name)`.execute(db);
  // The brand's catalogue, built from imports and editable. key: how a row is recognised again
  // (platform product id, else the title) — products of several platforms stay apart until merged by hand.
  await sql`
    create table products (
      tenant_id text not null, id text not null, key text not null, name text not null,
      product_line text, category text, tags text[] not null default '{}', platforms text[] not null default '{}',
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index products_key on products (tenant_id, key)`.execute(db);
  await sql`
    create table skus (
      tenant_id text not null, id text not null, product_id text not null, key text not null,
      outer_code text, platform_sku_id text, properties text, price_fen bigint,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index skus_key on skus (tenant_id, key)`.execute(db);
  await sql`create index skus_product on skus (tenant_id, product_id)`.execute(db);
  await sql`
    create table orders (
      tenant_id text not null, id text not null, shop_id text not null, platform text not null, order_no text not null,
      id_suspect boolean not null default false,
      status text not null, raw_status text not null, refund_state text not null default 'none',
      created_at timestamptz, paid_at timestamptz, shipped_at timestamptz, finished_at timestamptz, modified_at timestamptz,
      total_fen bigint, paid_fen bigint, post_fen bigint, discount_fen bigint, refund_fen bigint,
      buyer_key text, buyer_nick text, customer_id text,
      receiver_name_masked text, receiver_phone_masked text, phone_enc text, phone_hash text,
      province text, city text, district text, buyer_message text, seller_memo text,
      item_count int not null default 0, titles text not null default '',
      source text not null, import_id text, content_hash text not null,
      first_seen_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index orders_no on orders (tenant_id, shop_id, order_no)`.execute(db);
  await sql`create index orders_created on orders (tenant_id, created_at desc, id)`.execute(db);
  await sql`create index orders_customer on orders (tenant_id, customer_id, created_at desc) where customer_id is not null`.execute(db);
  await sql`create index orders_buyer on orders (tenant_id, shop_id, buyer_key) where buyer_key is not null`.execute(db);
  await sql`create index orders_order_no on orders (tenant_id, order_no)`.execute(db);
  await sql`
    create table order_items (
      tenant_id text not null, order_id text not null, line_key text not null,
      sub_order_id text, product_id text, sku_id text, outer_code text, title text not null, properties text,
      price_fen bigint, quantity int not null, amount_fen bigint, refund_state text not null default 'none', refund_fen bigint, raw_status text,
      primary key (tenant_id, order_id, line_key)
    )`.execute(db);
  await sql`create index order_items_product on order_items (tenant_id, product_id) where product_id is not null`.execute(db);
  await sql`
    create table order_imports (
      tenant_id text not null, id text not null, shop_id text, platform text,
      files jsonb not null default '[]', status text not null default 'queued' check (status in ('queued','running','done','failed')),
      progress jsonb not null default '{}', summary jsonb not null default '{}', error text,
      created_by text, created_at timestamptz not null default now(), started_at timestamptz, finished_at timestamptz,
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create index order_imports_recent on order_imports (tenant_id, created_at desc)`.execute(db);
  await sql`
    create table order_import_rejects (
      tenant_id text not null, import_id text not null, seq int not null, file text not null, line int not null, reason text not null, raw text not null,
      primary key (tenant_id, import_id, seq)
    )`.execute(db);
  // 宝贝报表 rows wait here until their 订单报表 rows arrive (two files of one export, any size).
  await sql`
    create table order_import_items (
      tenant_id text not null, import_id text not null, order_no text not null, seq int not null, item jsonb not null,
      primary key (tenant_id, import_id, order_no, seq)
    )`.execute(db);
  // Who tied which order to which WeCom friend, with consent.
  await sql`
    create table order_bindings (
      tenant_id text not null, id text not null, order_id text not null, customer_id text not null,
      source text not null check (source in ('staff','h5')), staff_id text, consent_at timestamptz not null, note text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table order_bindings, order_import_items, order_import_rejects, order_imports, order_items, orders, skus, products, shops`.execute(db);
}
