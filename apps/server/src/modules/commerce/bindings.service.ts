// The commerce half of binding an order to a WeCom friend and of merging customers: which orders
// belong to whom. flows/bind-order.flow.ts and flows/merge-customers.flow.ts drive the whole.
// Callers pass deps whose db is their transaction.
import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { AppError, invalid, newId, notFound } from '../../core/index.ts';
import * as q from './orders-query.repo.ts';
import { countOrderChanges } from './shop-buyers.ts';
import type { Platform } from '@siyu/order-exports';

export type OrderForBinding = { id: string; orderNo: string; shopId: string; platform: Platform; customerId: string | null; buyerKey: string | null; idSuspect: boolean };

export async function orderForBinding(deps: Deps, tenantId: string, orderNo: string, platform?: Platform): Promise<OrderForBinding> {
  const rows = await q.ordersByNo(deps.db, tenantId, orderNo.replace(/\s+/g, ''), platform);
  if (rows.length === 0) throw notFound(`订单 ${orderNo}`);
  if (rows.length > 1) throw invalid('多个平台有相同的订单号，请指定平台');
  const o = rows[0];
  if (o.id_suspect) throw new AppError('CONFLICT', '这个订单号在导入时疑似被 Excel 截断，无法可靠地绑定；请用原始导出文件重新导入');
  return { id: o.id, orderNo: o.order_no, shopId: o.shop_id, platform: o.platform as Platform, customerId: o.customer_id, buyerKey: o.buyer_key, idSuspect: o.id_suspect };
}

/** The order and every other order of the same buyer that has no customer yet now belong to `customerId`. */
export async function attachBuyerOrders(deps: Deps, tenantId: string, order: OrderForBinding, customerId: string): Promise<string[]> {
  const ids = [order.id];
  if (order.buyerKey) for (const o of await q.ordersOfBuyer(deps.db, tenantId, order.shopId, order.buyerKey)) if (!o.customer_id && o.id !== order.id) ids.push(o.id);
  const set = await q.setCustomerOfOrders(deps.db, tenantId, ids, customerId);
  await countOrderChanges(deps, tenantId, set.map((o) => ({ shopId: o.shop_id, from: o.before, to: customerId })));
  return ids;
}

export async function recordBinding(deps: Deps, tenantId: string, b: { orderId: string; customerId: string; source: 'staff' | 'h5'; staffId: string | null; note?: string | null }) {
  const id = newId();
  await q.insertBinding(deps.db, { tenant_id: tenantId, id, order_id: b.orderId, customer_id: b.customerId, source: b.source, staff_id: b.staffId, consent_at: deps.clock.now(), note: b.note ?? null });
  return id;
}

export async function moveOrders(deps: Deps, tenantId: string, from: string, to: string): Promise<string[]> {
  const moved = await q.setOrdersCustomer(deps.db, tenantId, from, to);
  await countOrderChanges(deps, tenantId, moved.map((o) => ({ shopId: o.shop_id, from, to })));
  return moved.map((r) => r.id);
}
export async function restoreOrders(deps: Deps, tenantId: string, ids: string[], to: string) {
  const set = await q.setCustomerOfOrders(deps.db, tenantId, ids, to);
  await countOrderChanges(deps, tenantId, set.map((o) => ({ shopId: o.shop_id, from: o.before, to })));
}
export const countCustomerOrders = (deps: Deps, tenantId: string, customerId: string) => q.countOrdersOf(deps.db, tenantId, customerId);

// H5 links: a signed, expiring token naming the tenant and the WeCom friend's customer.
const H5_DAYS = 7;
export function h5Token(deps: Deps, tenantId: string, customerId: string): { token: string; expiresAt: Date } {
  const exp = new Date(deps.clock.now().getTime() + H5_DAYS * 86_400_000);
  const body = Buffer.from(JSON.stringify([tenantId, customerId, Math.floor(exp.getTime() / 1000)])).toString('base64url');
  return { token: `${body}.${deps.pii.hash('h5-bind', body).slice(0, 32)}`, expiresAt: exp };
}
export type H5Link = { status: 'valid'; tenantId: string; customerId: string } | { status: 'invalid' | 'expired' };
/** What a link's token is worth: made by Siyu and unexpired, or not. Never throws on garbage. */
export function checkH5Token(deps: Deps, token: string): H5Link {
  const [body, sig, extra] = token.length <= 512 ? token.split('.') : [];
  if (!body || !sig || extra !== undefined) return { status: 'invalid' };
  // Compared as bytes of equal length: timingSafeEqual throws on a length mismatch, which a
  // signature with non-ASCII characters would otherwise cause.
  const want = Buffer.from(deps.pii.hash('h5-bind', body).slice(0, 32));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !crypto.timingSafeEqual(got, want)) return { status: 'invalid' };
  const [tenantId, customerId, exp] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [string, string, number];
  if (exp * 1000 < deps.clock.now().getTime()) return { status: 'expired' };
  return { status: 'valid', tenantId, customerId };
}
export function readH5Token(deps: Deps, token: string): { tenantId: string; customerId: string } {
  const link = checkH5Token(deps, token);
  if (link.status !== 'valid') throw new AppError('FORBIDDEN', link.status === 'expired' ? '链接已过期，请向客服重新索取' : '链接无效，请向客服重新索取');
  return { tenantId: link.tenantId, customerId: link.customerId };
}
