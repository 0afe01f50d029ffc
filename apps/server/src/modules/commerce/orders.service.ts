// Orders and the catalogue as the console reads them. The order and product pages are brand-level
// views for operator leads and admins; staff see orders through their own customers' pages.
import type { OrderDetail, OrderListItem, OrderListPage, OrderListQuery, ProductDetail, ProductListPage, ProductUpdate, Product } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { invalid, maskId, notFound } from '../../core/index.ts';
import { requireRole, type Actor } from '../tenancy/index.ts';
import { visibleCustomer, customerNames } from '../customers/index.ts';
import * as q from './orders-query.repo.ts';
import type { OrderStatus, Platform, RefundState } from '@siyu/order-exports';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
type OrderRow = Awaited<ReturnType<typeof q.listOrders>>[number];

function toItem(o: OrderRow, names: Map<string, string>): OrderListItem {
  return {
    id: o.id, platform: o.platform as Platform, shopId: o.shop_id, shopName: o.shop_name, orderNo: o.order_no, idSuspect: o.id_suspect,
    status: o.status as OrderStatus, rawStatus: o.raw_status, refundState: o.refund_state as RefundState, createdAt: iso(o.created_at), paidAt: iso(o.paid_at),
    totalFen: o.total_fen, paidFen: o.paid_fen, refundFen: o.refund_fen, itemCount: o.item_count, titles: o.titles,
    customerId: o.customer_id, customerName: o.customer_id ? names.get(o.customer_id) ?? null : null, province: o.province, city: o.city,
  };
}

const cursorOf = (o: OrderRow) => Buffer.from(`${o.created_at ? new Date(o.created_at).toISOString() : ''}|${o.id}`).toString('base64url');
function decode(c: string | undefined) {
  if (!c) return undefined;
  const [at, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  if (!id) throw invalid('分页参数无效');
  return { createdAt: at ? new Date(at) : null, id };
}

async function page(deps: Deps, tenantId: string, f: q.OrderFilter, limit: number, names: (ids: string[]) => Promise<Map<string, string>>): Promise<OrderListPage> {
  const rows = await q.listOrders(deps.db, f, limit + 1);
  const items = rows.slice(0, limit);
  const map = await names([...new Set(items.map((o) => o.customer_id).filter((x): x is string => !!x))]);
  return { items: items.map((o) => toItem(o, map)), nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
}

export async function listOrders(deps: Deps, actor: Actor, query: OrderListQuery): Promise<OrderListPage> {
  requireRole(actor, 'operator_lead');
  const date = (s: string | undefined) => (s ? new Date(s) : undefined);
  return page(deps, actor.tenantId, {
    tenantId: actor.tenantId, platform: query.platform, shopId: query.shopId, status: query.status, refund: query.refund, from: date(query.from), to: date(query.to),
    minFen: query.minFen, maxFen: query.maxFen, q: query.q, productId: query.productId, customerId: query.customerId, after: decode(query.cursor),
  }, query.limit, (ids) => customerNames(deps, actor.tenantId, ids));
}

/** A customer's orders from every platform, for anyone who may see the customer. */
export async function customerOrders(deps: Deps, actor: Actor, customerId: string, cursor: string | undefined, limit: number): Promise<OrderListPage> {
  await visibleCustomer(deps, actor, customerId);
  return page(deps, actor.tenantId, { tenantId: actor.tenantId, customerId, after: decode(cursor) }, limit, (ids) => customerNames(deps, actor.tenantId, ids));
}

export async function orderDetail(deps: Deps, actor: Actor, id: string): Promise<OrderDetail> {
  const o = await q.findOrder(deps.db, actor.tenantId, id);
  if (!o) throw notFound('订单');
  // Leads and admins read every order (as on the order list); staff only their own customers' orders.
  if (actor.role === 'staff') {
    if (!o.customer_id) throw notFound('订单');
    await visibleCustomer(deps, actor, o.customer_id);
  }
  const items = await q.itemsOf(deps.db, actor.tenantId, id);
  const names = await customerNames(deps, actor.tenantId, o.customer_id ? [o.customer_id] : []);
  return {
    ...toItem(o, names), shippedAt: iso(o.shipped_at), finishedAt: iso(o.finished_at), postFen: o.post_fen, discountFen: o.discount_fen,
    buyerNickMasked: o.buyer_nick ? maskId(o.buyer_nick) : null, receiverNameMasked: o.receiver_name_masked, receiverPhoneMasked: o.receiver_phone_masked,
    district: o.district, buyerMessage: o.buyer_message, sellerMemo: o.seller_memo, source: o.source === 'api' ? 'API 同步' : '导入',
    items: items.map((i) => ({
      id: `${i.order_id}:${i.line_key}`, subOrderId: i.sub_order_id, productId: i.product_id, skuId: i.sku_id, outerCode: i.outer_code, title: i.title,
      properties: i.properties, priceFen: i.price_fen, quantity: i.quantity, amountFen: i.amount_fen, refundState: i.refund_state as RefundState,
    })),
  };
}

type ProductRow = Awaited<ReturnType<typeof q.listProducts>>[number];
const toProduct = (p: ProductRow): Product => ({
  id: p.id, name: p.name, productLine: p.product_line, category: p.category, tags: p.tags, platforms: p.platforms as Platform[],
  skuCount: Number(p.sku_count ?? 0), orderCount: Number(p.order_count ?? 0), unitsSold: Number(p.units ?? 0), createdAt: new Date(p.created_at).toISOString(),
});

export async function listProducts(deps: Deps, actor: Actor, query: { q?: string; productLine?: string; cursor?: string; limit: number }): Promise<ProductListPage> {
  requireRole(actor, 'operator_lead');
  const after = query.cursor ? Buffer.from(query.cursor, 'base64url').toString('utf8') : undefined;
  const rows = await q.listProducts(deps.db, actor.tenantId, { q: query.q, productLine: query.productLine, after }, query.limit + 1);
  const items = rows.slice(0, query.limit);
  return {
    items: items.map(toProduct), total: await q.countProducts(deps.db, actor.tenantId, query),
    nextCursor: rows.length > query.limit ? Buffer.from(items[items.length - 1].id).toString('base64url') : null,
  };
}

export async function productDetail(deps: Deps, actor: Actor, id: string): Promise<ProductDetail> {
  requireRole(actor, 'operator_lead');
  const p = (await q.listProducts(deps.db, actor.tenantId, { id }, 1))[0];
  if (!p) throw notFound('商品');
  const skus = await q.skusOf(deps.db, actor.tenantId, id);
  return {
    ...toProduct(p),
    skus: skus.map((s) => ({ id: s.id, productId: s.product_id, outerCode: s.outer_code, platformSkuId: s.platform_sku_id, properties: s.properties, priceFen: s.price_fen, orderCount: s.order_count })),
  };
}

export async function updateProduct(deps: Deps, actor: Actor, id: string, input: ProductUpdate): Promise<ProductDetail> {
  requireRole(actor, 'operator_lead');
  if (!(await q.findProduct(deps.db, actor.tenantId, id))) throw notFound('商品');
  await q.updateProduct(deps.db, actor.tenantId, id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.productLine !== undefined && { product_line: input.productLine }),
    ...(input.category !== undefined && { category: input.category }),
    ...(input.tags !== undefined && { tags: [...new Set(input.tags)] }),
  });
  return productDetail(deps, actor, id);
}

export const annotateProducts = (deps: Deps, tenantId: string, rows: Array<{ name: string; productLine: string; category: string | null }>) => q.annotateProducts(deps.db, tenantId, rows);
