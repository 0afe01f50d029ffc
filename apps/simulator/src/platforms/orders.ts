// Orders of the simulated platforms: made from scenario input (or by population mode), changed by
// scenario actions. Every change bumps `modified` — the field the order APIs page by — and moves the
// order's dates the way a platform does (paid → pay time, shipped → consign time…).
import crypto from 'node:crypto';
import type { Buyer, ItemRefund, Order, OrderItem, OrderRefund, OrderStatus, PlatformName, PlatformShop, Product, Receiver } from './state.ts';
import { ORDER_STATUSES } from './state.ts';
import { receiverFor } from './catalogue.ts';
import { badRequest } from '../errors.ts';

const digits = (n: number) => {
  let s = String(1 + crypto.randomInt(9));
  while (s.length < n) s += String(crypto.randomInt(10));
  return s;
};
const ymd = (unix: number) => new Date((unix + 8 * 3600) * 1000).toISOString().slice(2, 10).replace(/-/g, '');

/** Order numbers shaped like each platform's (a client that checks lengths behaves the same). */
export function newOrderId(platform: PlatformName, created: number, taken: (id: string) => boolean): string {
  for (;;) {
    const id =
      platform === 'pinduoduo' ? `${ymd(created)}-${digits(15)}`
      : platform === 'youzan' ? `E${new Date((created + 8 * 3600) * 1000).toISOString().replace(/\D/g, '').slice(0, 14)}${digits(8)}`
      : platform === 'jd' ? digits(12)
      : platform === 'kuaishou' ? `2${digits(15)}` // below 2^53: Kuaishou sends ids as JSON numbers
      : platform === 'douyin' ? `69${digits(17)}`
      : platform === 'wechat_shop' ? `37${digits(17)}`
      : digits(19);
    if (!taken(id)) return id;
  }
}

export type ItemInput = { title: string; price_fen: number; quantity?: number; product_id?: string; sku_id?: string; outer_code?: string; properties?: string };
export type OrderInput = {
  order_id?: string; buyer: Buyer; receiver?: Partial<Receiver>; items: ItemInput[];
  post_fen?: number; discount_fen?: number; status?: OrderStatus; refund?: OrderRefund;
  created_at: number; paid_at?: number; shipped_at?: number; finished_at?: number; modified_at?: number;
  buyer_message?: string; seller_memo?: string;
};
export type OrderChange = { status?: OrderStatus; refund?: OrderRefund; seller_memo?: string; at?: number };

const int = (v: unknown, name: string, min = 0): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw badRequest(`${name} must be an integer ≥ ${min}`);
  return v;
};

// Scenario callers name the buyer id after their platform; all of these mean the same thing here.
const BUYER_ID_KEYS = ['id', 'buyer_open_uid', 'buyerOpenUid', 'doudian_open_id', 'open_id_buyer', 'yz_open_id', 'openId', 'openid'];
export function parseBuyer(b: unknown): Buyer {
  const o = (b ?? {}) as Record<string, unknown>;
  const id = BUYER_ID_KEYS.map((k) => o[k]).find((v) => typeof v === 'string' && v !== '');
  if (typeof id !== 'string') throw badRequest(`buyer needs an id (${BUYER_ID_KEYS.join(' / ')})`);
  const unionid = typeof o.unionid === 'string' && o.unionid ? o.unionid : undefined;
  return { id, ...(unionid && { unionid }), nickname: typeof o.nickname === 'string' ? o.nickname : '' };
}

export function parseStatus(v: unknown, name = 'status'): OrderStatus | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(ORDER_STATUSES as string[]).includes(v)) throw badRequest(`${name} must be one of ${ORDER_STATUSES.join(', ')}`);
  return v as OrderStatus;
}

export function parseRefund(v: unknown): OrderRefund | undefined {
  if (v === undefined || v === null) return undefined;
  if (v !== 'none' && v !== 'in_progress' && v !== 'partial' && v !== 'full') throw badRequest('refund must be none, in_progress, partial or full');
  return v;
}

export function parseProduct(p: unknown): Product {
  const o = (p ?? {}) as Record<string, unknown>;
  if (typeof o.title !== 'string' || !o.title) throw badRequest('a product/item needs a title');
  const opt = (k: string) => (typeof o[k] === 'string' && o[k] ? (o[k] as string) : undefined);
  return { title: o.title, price_fen: int(o.price_fen, 'price_fen'), product_id: opt('product_id'), sku_id: opt('sku_id'), outer_code: opt('outer_code'), properties: opt('properties') };
}

export function createOrder(shop: PlatformShop, input: OrderInput, now: number): Order {
  if (!Array.isArray(input.items) || input.items.length === 0) throw badRequest('an order needs at least one item');
  if (shop.platform === 'kuaishou' && input.items.length > 1) throw badRequest('a Kuaishou order has exactly one item');
  const created = int(input.created_at, 'created_at', 1);
  if (input.order_id && shop.orders[input.order_id]) throw badRequest(`order ${input.order_id} exists`);
  const orderId = input.order_id ?? newOrderId(shop.platform, created, (id) => !!shop.orders[id]);
  const discount = int(input.discount_fen ?? 0, 'discount_fen');
  const items: OrderItem[] = input.items.map((raw, n) => {
    const p = parseProduct(raw);
    const quantity = int(raw.quantity ?? 1, 'quantity', 1);
    return {
      sub_id: subId(shop.platform, orderId, n),
      product_id: p.product_id ?? `${100000 + (hashNum(p.title) % 900000)}`, sku_id: p.sku_id ?? `${hashNum(p.title + (p.properties ?? ''))}`,
      outer_code: p.outer_code ?? '', title: p.title, properties: p.properties ?? '', price_fen: p.price_fen, quantity,
      paid_fen: p.price_fen * quantity, refund: 'none' as ItemRefund,
    };
  });
  // The order-level discount comes off the first line (platforms spread it; the totals are what matter here).
  items[0].paid_fen = Math.max(0, items[0].paid_fen - discount);
  const status = parseStatus(input.status) ?? 'paid';
  const at = (v: number | undefined, fallback: number | null) => (v === undefined ? fallback : int(v, 'time', 1));
  const order: Order = {
    order_id: orderId, buyer: parseBuyer(input.buyer), receiver: { ...receiverFor(parseBuyer(input.buyer)), ...input.receiver }, items,
    post_fen: int(input.post_fen ?? 0, 'post_fen'), discount_fen: discount, status, created,
    paid_at: at(input.paid_at, status === 'pending_payment' ? null : created + 30),
    shipped_at: at(input.shipped_at, status === 'shipped' || status === 'completed' ? created + 3600 : null),
    finished_at: at(input.finished_at, status === 'completed' ? created + 4 * 86400 : null),
    modified: created, buyer_message: input.buyer_message ?? '', seller_memo: input.seller_memo ?? '', auto: false,
  };
  if (status === 'closed' && order.paid_at === null) order.finished_at = created + 1800;
  const refund = parseRefund(input.refund);
  if (refund) setRefund(order, refund);
  order.modified = input.modified_at !== undefined ? int(input.modified_at, 'modified_at', 1)
    : Math.max(created, order.paid_at ?? 0, order.shipped_at ?? 0, order.finished_at ?? 0);
  if (order.modified > now + 60) throw badRequest('modified_at is in the future');
  return order;
}

// Sub-order ids: none on PDD and WeChat Shop; Kuaishou's stay JSON-number safe.
function subId(platform: PlatformName, orderId: string, n: number): string {
  if (platform === 'pinduoduo' || platform === 'wechat_shop') return '';
  if (platform === 'kuaishou') return String(Number(orderId) + n + 1);
  return `${orderId.replace(/\D/g, '').slice(0, 15)}${String(n + 1).padStart(4, '0')}`;
}

function hashNum(s: string): number {
  return crypto.createHash('md5').update(s).digest().readUInt32BE(0);
}

function setRefund(o: Order, refund: OrderRefund) {
  if (refund === 'none') for (const i of o.items) i.refund = 'none';
  else if (refund === 'full') for (const i of o.items) i.refund = 'full';
  else if (refund === 'partial') {
    for (const i of o.items) i.refund = 'none';
    o.items[0].refund = 'full';
  } else {
    const open = o.items.find((i) => i.refund === 'none') ?? o.items[0];
    open.refund = 'in_progress';
  }
}

/** A scenario change: status and/or refund; the order's modified time moves to `at` (default now). */
export function changeOrder(o: Order, c: OrderChange, now: number): Order {
  const at = c.at ?? now;
  if (c.status) {
    o.status = c.status;
    if (c.status !== 'pending_payment' && c.status !== 'closed') o.paid_at ??= at;
    if (c.status === 'shipped' || c.status === 'completed') o.shipped_at ??= at;
    if (c.status === 'completed' || c.status === 'closed') o.finished_at ??= at;
  }
  if (c.refund) {
    setRefund(o, c.refund);
    // A fully refunded order is closed on every platform (TRADE_CLOSED, 已取消, status 200…).
    if (c.refund === 'full') {
      o.status = 'closed';
      o.finished_at ??= at;
    }
  }
  if (c.seller_memo !== undefined) o.seller_memo = c.seller_memo;
  o.modified = Math.max(at, o.modified + 1);
  return o;
}

/** What the scenario API shows of an order: the neutral shape plus derived money. */
export function orderView(o: Order) {
  const total = o.items.reduce((a, i) => a + i.price_fen * i.quantity, 0) + o.post_fen;
  const paid = o.items.reduce((a, i) => a + i.paid_fen, 0) + o.post_fen;
  const refunded = o.items.filter((i) => i.refund === 'full').reduce((a, i) => a + i.paid_fen, 0);
  return { ...o, total_fen: total, paid_fen: paid, refund_fen: refunded };
}
