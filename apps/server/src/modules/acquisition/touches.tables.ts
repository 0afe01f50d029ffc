// Tables of the acquisition module's touches part: the touch log, acquisition's copy of the order
// facts attribution needs (read through commerce's door), the attributions, and per-tenant settings.
import type { ColumnType, Generated } from 'kysely';

/**
 * One touch of a customer. `channel_kind` + `channel_id` name where it came from without foreign
 * keys (live codes, card batches and group codes are other parts): 'live_code' / 'card_batch' →
 * the code's or batch's id; 'contact_state' → a WeCom state not (yet) known as one of our codes;
 * 'group_code' → a group code's state; 'group' → a chat id; 'direct' → a friend add without a code.
 * `event_ids` are the outbox events folded into this touch (idempotency: one is never applied twice);
 * `merged_from` is the customer it belonged to before a customer merge (undo moves it back).
 */
export type TouchesTable = {
  tenant_id: string;
  customer_id: string;
  occurred_at: Date;
  id: Generated<string>;
  kind: string;
  friend: boolean;
  channel_kind: string;
  channel_id: string | null;
  code_id: string | null;
  state: string | null;
  staff_id: string | null;
  event_ids: string[];
  merged_from: string | null;
};

/** What attribution needs of an order, copied through commerce's door (`ordersChangedSince`). */
export type AttributionOrdersTable = {
  tenant_id: string;
  order_id: string;
  customer_id: string | null;
  platform: string;
  paid_fen: ColumnType<number, number | string, number | string>;
  placed_at: Date | null;
};

/**
 * One row per order × touch inside the window; `k` is the touch's place among the order's
 * `touches` (1 = earliest). The models read from it: first touch = the row with k = 1, last touch
 * = k = touches (each takes the whole paid amount), linear = `linear_fen` (an equal split in fen,
 * the remainder to the earliest touches, so the shares add up to the order exactly). One row per
 * order × touch rather than per order × model × touch: the same answers, a third of the rows to
 * write on a re-attribution. The channel and staff are the touch's, copied so a summary reads this
 * table alone. `feedback` (反哺): a Tmall/Taobao order placed after a private-domain touch.
 */
export type OrderAttributionsTable = {
  tenant_id: string;
  customer_id: string;
  order_id: string;
  touch_id: string;
  placed_at: Date;
  platform: string;
  paid_fen: ColumnType<number, number | string, never>;
  k: number;
  linear_fen: ColumnType<number, number | string, never>;
  touches: number;
  channel_kind: string;
  channel_id: string | null;
  code_id: string | null;
  staff_id: string | null;
  feedback: boolean;
};

/**
 * Per tenant: the window, and where the copy of commerce's orders stands — the last (updated_at,
 * id) read, so the next read starts after it.
 */
export type AttributionSettingsTable = {
  tenant_id: string;
  window_days: ColumnType<number, number | undefined, number>;
  orders_after_at: Date | null;
  orders_after_id: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type TouchesTables = {
  touches: TouchesTable;
  attribution_orders: AttributionOrdersTable;
  order_attributions: OrderAttributionsTable;
  attribution_settings: AttributionSettingsTable;
};
