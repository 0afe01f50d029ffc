// SQL of orders and their items as the writer stores them: one statement per table and chunk,
// rows passed as arrays (unnest) so a chunk of thousands of orders is a handful of round trips.
import { sql, type RawBuilder } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';

export type OrderRow = {
  id: string; order_no: string; id_suspect: boolean; status: string; raw_status: string; refund_state: string;
  created_at: Date | null; paid_at: Date | null; shipped_at: Date | null; finished_at: Date | null; modified_at: Date | null;
  total_fen: number | null; paid_fen: number | null; post_fen: number | null; discount_fen: number | null; refund_fen: number | null;
  buyer_key: string | null; buyer_nick: string | null; customer_id: string | null;
  receiver_name_masked: string | null; receiver_phone_masked: string | null; phone_enc: string | null; phone_hash: string | null;
  province: string | null; city: string | null; district: string | null; buyer_message: string | null; seller_memo: string | null;
  item_count: number; titles: string; content_hash: string;
};
export type ItemRow = {
  order_id: string; line_key: string; sub_order_id: string | null; product_id: string | null; sku_id: string | null; outer_code: string | null;
  title: string; properties: string | null; price_fen: number | null; quantity: number; amount_fen: number | null;
  refund_state: string; refund_fen: number | null; raw_status: string | null;
};

type Col<T> = [keyof T & string, string];
const ORDER_COLS: Col<OrderRow>[] = [
  ['id', 'text'], ['order_no', 'text'], ['id_suspect', 'boolean'], ['status', 'text'], ['raw_status', 'text'], ['refund_state', 'text'],
  ['created_at', 'timestamptz'], ['paid_at', 'timestamptz'], ['shipped_at', 'timestamptz'], ['finished_at', 'timestamptz'], ['modified_at', 'timestamptz'],
  ['total_fen', 'bigint'], ['paid_fen', 'bigint'], ['post_fen', 'bigint'], ['discount_fen', 'bigint'], ['refund_fen', 'bigint'],
  ['buyer_key', 'text'], ['buyer_nick', 'text'], ['customer_id', 'text'], ['receiver_name_masked', 'text'], ['receiver_phone_masked', 'text'],
  ['phone_enc', 'text'], ['phone_hash', 'text'], ['province', 'text'], ['city', 'text'], ['district', 'text'], ['buyer_message', 'text'],
  ['seller_memo', 'text'], ['item_count', 'int'], ['titles', 'text'], ['content_hash', 'text'],
];
const ITEM_COLS: Col<ItemRow>[] = [
  ['order_id', 'text'], ['line_key', 'text'], ['sub_order_id', 'text'], ['product_id', 'text'], ['sku_id', 'text'], ['outer_code', 'text'],
  ['title', 'text'], ['properties', 'text'], ['price_fen', 'bigint'], ['quantity', 'int'], ['amount_fen', 'bigint'],
  ['refund_state', 'text'], ['refund_fen', 'bigint'], ['raw_status', 'text'],
];

const val = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
/** `unnest($1::text[], …) as u(a, …)` for the given columns of `rows`. */
function unnest<T>(cols: Col<T>[], rows: T[]): RawBuilder<unknown> {
  const arrays = cols.map(([c, t]) => sql`${sql.val(rows.map((r) => val(r[c])))}::${sql.raw(t)}[]`);
  return sql`unnest(${sql.join(arrays)}) as u(${sql.raw(cols.map(([c]) => c).join(', '))})`;
}

/**
 * The stored orders among `orderNos`, locked until the writer's transaction ends: the customer read
 * here is the one the write replaces (the per-shop buyer counts take the difference). Locked in
 * order-number order, the order two writers of the same shop meet them in.
 */
export async function existingOrders(db: CommerceDb, tenantId: string, shopId: string, orderNos: string[]) {
  if (orderNos.length === 0) return new Map<string, { id: string; content_hash: string; customer_id: string | null }>();
  const r = await sql<{ id: string; order_no: string; content_hash: string; customer_id: string | null }>`
    select id, order_no, content_hash, customer_id from orders where tenant_id = ${tenantId} and shop_id = ${shopId} and order_no = any(${orderNos}::text[])
    order by order_no for no key update`.execute(db);
  return new Map(r.rows.map((x) => [x.order_no, x]));
}

export async function insertOrders(db: CommerceDb, tenantId: string, ctx: { shopId: string; platform: string; source: string; importId: string | null }, rows: OrderRow[]) {
  if (rows.length === 0) return;
  const cols = ORDER_COLS.map(([c]) => c).join(', ');
  await sql`insert into orders (tenant_id, shop_id, platform, source, import_id, ${sql.raw(cols)})
    select ${tenantId}, ${ctx.shopId}, ${ctx.platform}, ${ctx.source}, ${ctx.importId}, ${sql.raw(cols)} from ${unnest(ORDER_COLS, rows)}`.execute(db);
}

/** Order-level fields of changed orders (items are replaced separately); the customer is kept unless given. */
export async function updateOrders(db: CommerceDb, tenantId: string, importId: string | null, rows: OrderRow[]) {
  if (rows.length === 0) return;
  const set = ORDER_COLS.filter(([c]) => c !== 'id' && c !== 'order_no' && c !== 'customer_id').map(([c]) => `${c} = u.${c}`).join(', ');
  await sql`update orders o set ${sql.raw(set)}, customer_id = coalesce(u.customer_id, o.customer_id), import_id = coalesce(${importId}, o.import_id), updated_at = now()
    from ${unnest(ORDER_COLS, rows)} where o.tenant_id = ${tenantId} and o.id = u.id`.execute(db);
}

export async function replaceItems(db: CommerceDb, tenantId: string, orderIds: string[], items: ItemRow[]) {
  if (orderIds.length) await sql`delete from order_items where tenant_id = ${tenantId} and order_id = any(${orderIds}::text[])`.execute(db);
  if (items.length === 0) return;
  const cols = ITEM_COLS.map(([c]) => c).join(', ');
  await sql`insert into order_items (tenant_id, ${sql.raw(cols)}) select ${tenantId}, ${sql.raw(cols)} from ${unnest(ITEM_COLS, items)}`.execute(db);
}

/** An orders-only record (no items in the source): order fields change, item count and titles stay. */
export async function updateOrdersKeepItems(db: CommerceDb, tenantId: string, importId: string | null, rows: OrderRow[]) {
  if (rows.length === 0) return;
  const set = ORDER_COLS.filter(([c]) => !['id', 'order_no', 'customer_id', 'item_count', 'titles'].includes(c)).map(([c]) => `${c} = u.${c}`).join(', ');
  await sql`update orders o set ${sql.raw(set)}, customer_id = coalesce(u.customer_id, o.customer_id), import_id = coalesce(${importId}, o.import_id), updated_at = now()
    from ${unnest(ORDER_COLS, rows)} where o.tenant_id = ${tenantId} and o.id = u.id`.execute(db);
}

/** Items changed, order fields not (a 宝贝报表 imported after its 订单报表). */
export async function setItemSummaries(db: CommerceDb, tenantId: string, rows: Array<{ id: string; item_count: number; titles: string; content_hash: string }>) {
  if (rows.length === 0) return;
  await sql`update orders o set item_count = u.c, titles = u.t, content_hash = u.h, updated_at = now()
    from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.item_count)}::int[], ${rows.map((r) => r.titles)}::text[], ${rows.map((r) => r.content_hash)}::text[]) as u(id, c, t, h)
    where o.tenant_id = ${tenantId} and o.id = u.id`.execute(db);
}

/** Orders found unchanged by an import still belong to it (its summary counts their buyers). */
export async function touchImport(db: CommerceDb, tenantId: string, importId: string, ids: string[]) {
  if (ids.length === 0) return;
  await sql`update orders set import_id = ${importId} where tenant_id = ${tenantId} and id = any(${ids}::text[]) and import_id is distinct from ${importId}`.execute(db);
}

export async function buyersOfImport(db: CommerceDb, tenantId: string, importId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(distinct customer_id)::int as n from orders where tenant_id = ${tenantId} and import_id = ${importId} and customer_id is not null`.execute(db);
  return r.rows[0].n;
}
