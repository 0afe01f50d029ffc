// SQL of order and product reads for the console (lists with keyset cursors, details).
import { sql } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';

export type OrderFilter = {
  tenantId: string; platform?: string; shopId?: string; status?: string; refund?: string; from?: Date; to?: Date;
  minFen?: number; maxFen?: number; q?: string; productId?: string; customerIds?: string[] | null; customerId?: string;
  after?: { createdAt: Date | null; id: string };
};

export function listOrders(db: CommerceDb, f: OrderFilter, limit: number) {
  let q = db.selectFrom('orders as o').innerJoin('shops as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.shop_id'))
    .selectAll('o').select('s.name as shop_name').where('o.tenant_id', '=', f.tenantId);
  if (f.platform) q = q.where('o.platform', '=', f.platform);
  if (f.shopId) q = q.where('o.shop_id', '=', f.shopId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.refund) q = q.where('o.refund_state', '=', f.refund);
  if (f.from) q = q.where('o.created_at', '>=', f.from);
  if (f.to) q = q.where('o.created_at', '<', f.to);
  if (f.minFen !== undefined) q = q.where('o.paid_fen', '>=', f.minFen);
  if (f.maxFen !== undefined) q = q.where('o.paid_fen', '<=', f.maxFen);
  if (f.customerId) q = q.where('o.customer_id', '=', f.customerId);
  if (f.customerIds) q = q.where('o.customer_id', 'in', f.customerIds.length ? f.customerIds : ['-']);
  if (f.productId) {
    const pid = f.productId;
    q = q.where((eb) => eb.exists(eb.selectFrom('order_items as i').select('i.order_id').whereRef('i.tenant_id', '=', 'o.tenant_id').whereRef('i.order_id', '=', 'o.id').where('i.product_id', '=', pid)));
  }
  if (f.q) {
    const text = f.q;
    q = /^\d{6,}$/.test(text) ? q.where('o.order_no', '=', text) : q.where('o.titles', 'ilike', `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  }
  if (f.after) {
    const a = f.after;
    q = a.createdAt
      ? q.where((eb) => eb.or([eb('o.created_at', '<', a.createdAt), eb('o.created_at', 'is', null), eb.and([eb('o.created_at', '=', a.createdAt), eb('o.id', '<', a.id)])]))
      : q.where((eb) => eb.and([eb('o.created_at', 'is', null), eb('o.id', '<', a.id)]));
  }
  return q.orderBy(sql`o.created_at desc nulls last`).orderBy('o.id', 'desc').limit(limit).execute();
}

export const findOrder = (db: CommerceDb, tenantId: string, id: string) =>
  db.selectFrom('orders as o').innerJoin('shops as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.shop_id'))
    .selectAll('o').select('s.name as shop_name').where('o.tenant_id', '=', tenantId).where('o.id', '=', id).executeTakeFirst();

export const itemsOf = (db: CommerceDb, tenantId: string, orderId: string) =>
  db.selectFrom('order_items').selectAll().where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('line_key').execute();

export const ordersByNo = (db: CommerceDb, tenantId: string, orderNo: string, platform?: string) => {
  let q = db.selectFrom('orders').selectAll().where('tenant_id', '=', tenantId).where('order_no', '=', orderNo);
  if (platform) q = q.where('platform', '=', platform);
  return q.execute();
};

export function listProducts(db: CommerceDb, tenantId: string, f: { id?: string; q?: string; productLine?: string; after?: string }, limit: number) {
  let q = db.selectFrom('products as p').selectAll('p')
    .select((eb) => [
      eb.selectFrom('skus').select(eb.fn.countAll<number>().as('n')).whereRef('skus.tenant_id', '=', 'p.tenant_id').whereRef('skus.product_id', '=', 'p.id').as('sku_count'),
      eb.selectFrom('order_items as i').select(sql<number>`count(distinct i.order_id)::int`.as('n')).whereRef('i.tenant_id', '=', 'p.tenant_id').whereRef('i.product_id', '=', 'p.id').as('order_count'),
      eb.selectFrom('order_items as i').select(sql<number>`coalesce(sum(i.quantity), 0)::int`.as('n')).whereRef('i.tenant_id', '=', 'p.tenant_id').whereRef('i.product_id', '=', 'p.id').as('units'),
    ])
    .where('p.tenant_id', '=', tenantId);
  if (f.id) q = q.where('p.id', '=', f.id);
  if (f.q) q = q.where('p.name', 'ilike', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.productLine) q = q.where('p.product_line', '=', f.productLine);
  if (f.after) q = q.where('p.id', '<', f.after);
  return q.orderBy('p.id', 'desc').limit(limit).execute();
}

export async function countProducts(db: CommerceDb, tenantId: string, f: { q?: string; productLine?: string }) {
  let q = db.selectFrom('products').select(db.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId);
  if (f.q) q = q.where('name', 'ilike', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.productLine) q = q.where('product_line', '=', f.productLine);
  return (await q.executeTakeFirstOrThrow()).n;
}

export const findProduct = (db: CommerceDb, tenantId: string, id: string) =>
  db.selectFrom('products').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function skusOf(db: CommerceDb, tenantId: string, productId: string) {
  const r = await sql<{ id: string; product_id: string; outer_code: string | null; platform_sku_id: string | null; properties: string | null; price_fen: number | null; order_count: number }>`
    select s.id, s.product_id, s.outer_code, s.platform_sku_id, s.properties, s.price_fen,
      (select count(distinct i.order_id)::int from order_items i where i.tenant_id = s.tenant_id and i.sku_id = s.id) as order_count
    from skus s where s.tenant_id = ${tenantId} and s.product_id = ${productId} order by s.outer_code nulls last, s.id`.execute(db);
  return r.rows;
}

export const updateProduct = (db: CommerceDb, tenantId: string, id: string, set: { name?: string; product_line?: string | null; category?: string | null; tags?: string[] }) =>
  db.updateTable('products').set({ ...set, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Every order of one customer moves to another; the rows' shops, for the per-shop buyer counts. */
export const setOrdersCustomer = (db: CommerceDb, tenantId: string, fromCustomerId: string, toCustomerId: string) =>
  db.updateTable('orders').set({ customer_id: toCustomerId }).where('tenant_id', '=', tenantId).where('customer_id', '=', fromCustomerId).returning(['id', 'shop_id']).execute();

/**
 * These orders now belong to `customerId`; returns each with its shop and the customer it had
 * (read under the row lock, so a concurrent change is not missed), for the per-shop buyer counts.
 */
export async function setCustomerOfOrders(db: CommerceDb, tenantId: string, orderIds: string[], customerId: string | null) {
  if (orderIds.length === 0) return [];
  const r = await sql<{ id: string; shop_id: string; before: string | null }>`
    with old as (
      select id, customer_id from orders where tenant_id = ${tenantId} and id = any(${orderIds}::text[]) order by id for no key update
    )
    update orders o set customer_id = ${customerId} from old where o.tenant_id = ${tenantId} and o.id = old.id
    returning o.id, o.shop_id, old.customer_id as before`.execute(db);
  return r.rows;
}

export const ordersOfBuyer = (db: CommerceDb, tenantId: string, shopId: string, buyerKey: string) =>
  db.selectFrom('orders').select(['id', 'customer_id']).where('tenant_id', '=', tenantId).where('shop_id', '=', shopId).where('buyer_key', '=', buyerKey).execute();

export const insertBinding = (db: CommerceDb, row: { tenant_id: string; id: string; order_id: string; customer_id: string; source: 'staff' | 'h5'; staff_id: string | null; consent_at: Date; note: string | null }) =>
  db.insertInto('order_bindings').values(row).execute();

export async function countOrdersOf(db: CommerceDb, tenantId: string, customerId: string): Promise<number> {
  const r = await db.selectFrom('orders').select(db.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sets product line and category by product name, where not set yet (the demo's catalogue). */
export async function annotateProducts(db: CommerceDb, tenantId: string, rows: Array<{ name: string; productLine: string; category: string | null }>) {
  if (rows.length === 0) return;
  await sql`update products p set product_line = coalesce(p.product_line, u.l), category = coalesce(p.category, u.c), updated_at = now()
    from unnest(${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.productLine)}::text[], ${rows.map((r) => r.category)}::text[]) as u(n, l, c)
    where p.tenant_id = ${tenantId} and p.name = u.n`.execute(db);
}
