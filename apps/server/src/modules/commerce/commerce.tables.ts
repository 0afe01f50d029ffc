import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type ShopsTable = {
  tenant_id: string; id: string; platform: string; name: string; external_id: string | null;
  api_base_url: string | null; credentials_enc: string | null;
  sync_enabled: ColumnType<boolean, boolean | undefined, boolean>; sync_interval_minutes: ColumnType<number, number | undefined, number>;
  synced_until: Date | null; sync_checkpoint: Json<Record<string, unknown>>; last_sync_at: Date | null; last_sync_error: string | null;
  created_at: Timestamp;
};

export type ProductsTable = {
  tenant_id: string; id: string; key: string; name: string; product_line: string | null; category: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>; platforms: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp; updated_at: Timestamp;
};

export type SkusTable = {
  tenant_id: string; id: string; product_id: string; key: string; outer_code: string | null; platform_sku_id: string | null;
  properties: string | null; price_fen: number | null; created_at: Timestamp;
};

export type OrdersTable = {
  tenant_id: string; id: string; shop_id: string; platform: string; order_no: string; id_suspect: boolean;
  status: string; raw_status: string; refund_state: string;
  created_at: Date | null; paid_at: Date | null; shipped_at: Date | null; finished_at: Date | null; modified_at: Date | null;
  total_fen: number | null; paid_fen: number | null; post_fen: number | null; discount_fen: number | null; refund_fen: number | null;
  buyer_key: string | null; buyer_nick: string | null; customer_id: string | null;
  receiver_name_masked: string | null; receiver_phone_masked: string | null; phone_enc: string | null; phone_hash: string | null;
  province: string | null; city: string | null; district: string | null; buyer_message: string | null; seller_memo: string | null;
  item_count: number; titles: string; source: string; import_id: string | null; content_hash: string;
  first_seen_at: Timestamp; updated_at: Timestamp;
};

export type OrderItemsTable = {
  tenant_id: string; order_id: string; line_key: string; sub_order_id: string | null; product_id: string | null; sku_id: string | null;
  outer_code: string | null; title: string; properties: string | null; price_fen: number | null; quantity: number; amount_fen: number | null;
  refund_state: string; refund_fen: number | null; raw_status: string | null;
};

export type OrderImportsTable = {
  tenant_id: string; id: string; shop_id: string | null; platform: string | null; files: Json<unknown[]>;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | 'running' | 'done' | 'failed' | undefined, 'queued' | 'running' | 'done' | 'failed'>;
  progress: Json<Record<string, number>>; summary: Json<Record<string, number>>; error: string | null;
  created_by: string | null; created_at: Timestamp; started_at: Date | null; finished_at: Date | null; heartbeat_at: Date | null;
};

export type OrderImportRejectsTable = { tenant_id: string; import_id: string; seq: number; file: string; line: number; reason: string; raw: string };
export type OrderImportItemsTable = { tenant_id: string; import_id: string; order_no: string; seq: number; item: Json<Record<string, unknown>> };
export type OrderBindingsTable = {
  tenant_id: string; id: string; order_id: string; customer_id: string; source: 'staff' | 'h5'; staff_id: string | null;
  consent_at: Date; note: string | null; created_at: Timestamp;
};

/** A customer's orders in a shop (kept by shop-buyers.ts with every order write; no row = not a buyer there). */
export type ShopBuyersTable = { tenant_id: string; shop_id: string; customer_id: string; orders: number };
/** Orders and distinct buyers per shop, the sums of what shop-buyers.ts keeps. */
export type ShopCountsTable = { tenant_id: string; shop_id: string; orders: ColumnType<number, number | undefined, number>; buyers: ColumnType<number, number | undefined, number> };

export type CommerceTables = {
  shop_buyers: ShopBuyersTable; shop_counts: ShopCountsTable;
  shops: ShopsTable; products: ProductsTable; skus: SkusTable; orders: OrdersTable; order_items: OrderItemsTable;
  order_imports: OrderImportsTable; order_import_rejects: OrderImportRejectsTable; order_import_items: OrderImportItemsTable;
  order_bindings: OrderBindingsTable;
};

/** What this module's repos query: its own tables and nothing else. */
export type CommerceDb = Kysely<CommerceTables>;
/** This module's view of the process's handle or of a flow's transaction. */
export const commerceDb = (db: Db | Tx): CommerceDb => viewOf<CommerceTables>(db);
