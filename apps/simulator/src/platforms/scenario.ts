// Scenario API of the order platforms (/sim/platforms/*): shops and their app credentials, orders
// added and changed (each change bumps modified), population mode, faults (the platform's busy /
// limit answer for the next N calls) and triggers (order changes fired after a shop's Nth list call,
// to change orders "while a client is paging"). Amounts are fen and times Unix seconds here,
// whatever the platform's API renders them as.
import type { FastifyInstance } from 'fastify';
import type { ScenarioDeps } from '../scenario-http.ts';
import type { Gate } from './gateway.ts';
import type { PlatformPopulation } from './population.ts';
import type { PlatformShop, Product } from './state.ts';
import { simRoute } from '../scenario-http.ts';
import { optNum, optStr, str } from '../body-fields.ts';
import { badRequest, notFound } from '../errors.ts';
import { base62 } from '../ids.ts';
import { findShop, isPlatform, platformsState, shopKey, PLATFORM_NAMES } from './state.ts';
import { changeOrder, createOrder, orderView, parseBuyer, parseProduct, parseRefund, parseStatus, type OrderChange, type OrderInput } from './orders.ts';
import { shopRef } from './gateway.ts';
import { TONIC_PRODUCTS } from './catalogue.ts';

function requireShop(deps: ScenarioDeps, params: Record<string, string>): PlatformShop {
  if (!isPlatform(params.platform)) throw badRequest(`platform must be one of ${PLATFORM_NAMES.join(', ')}`);
  const shop = findShop(deps.sim, params.platform, params.shopId);
  if (!shop) throw notFound(`no ${params.platform} shop ${params.shopId}`);
  return shop;
}

function parseChange(b: Record<string, unknown>): OrderChange {
  const c: OrderChange = { status: parseStatus(b.status), refund: parseRefund(b.refund), seller_memo: optStr(b, 'seller_memo'), at: optNum(b, 'at') };
  if (!c.status && !c.refund && c.seller_memo === undefined) throw badRequest('a change needs status, refund or seller_memo');
  return c;
}

export function registerPlatformScenario(app: FastifyInstance, deps: ScenarioDeps, gate: Gate, population: PlatformPopulation) {
  const { sim } = deps;

  simRoute(app, deps, 'POST', '/sim/platforms/shops', ({ body }) => {
    const platform = body.platform;
    if (!isPlatform(platform)) throw badRequest(`platform must be one of ${PLATFORM_NAMES.join(', ')}`);
    const shopId = str(body, 'shop_id');
    const qps = optNum(body, 'qps') ?? 100;
    if (!Number.isInteger(qps) || qps < 1) throw badRequest('qps must be a positive integer');
    const st = platformsState(sim);
    const key = shopKey(platform, shopId);
    const have = st.shops[key];
    const shop: PlatformShop = {
      platform, shop_id: shopId, name: optStr(body, 'name') ?? have?.name ?? shopId, app_key: str(body, 'app_key'), app_secret: str(body, 'app_secret'),
      access_token: optStr(body, 'access_token') ?? have?.access_token ?? base62(40), qps,
      orders: have?.orders ?? {}, seq: have?.seq ?? 0, population: have?.population ?? null,
    };
    st.shops[key] = shop;
    return { platform, shop_id: shopId, access_token: shop.access_token, created: !have };
  });

  simRoute(app, deps, 'GET', '/sim/platforms/shops/:platform/:shopId', ({ params }) => {
    const shop = requireShop(deps, params);
    const orders = Object.values(shop.orders);
    return {
      platform: shop.platform, shop_id: shop.shop_id, name: shop.name, orders: orders.length,
      by_status: Object.fromEntries(['pending_payment', 'paid', 'shipped', 'completed', 'closed'].map((s) => [s, orders.filter((o) => o.status === s).length])),
      population: shop.population ? { rate_per_minute: shop.population.rate_per_minute, buyers: shop.population.buyers.length, products: shop.population.products.length } : null,
      calls: gate.calls.get(shopRef(shop)) ?? { list: 0, detail: 0 },
    };
  });

  simRoute(app, deps, 'POST', '/sim/platforms/shops/:platform/:shopId/orders', ({ params, body, rawBody }) => {
    const shop = requireShop(deps, params);
    const list = Array.isArray(rawBody) ? rawBody : body.orders;
    if (!Array.isArray(list) || list.length === 0) throw badRequest('orders: a non-empty array (or the body itself as an array)');
    // All or nothing: a bad order in the batch leaves the shop as it was.
    const made = list.map((o) => createOrder(shop, o as OrderInput, sim.now()));
    const ids = new Set<string>();
    for (const o of made) {
      if (ids.has(o.order_id)) throw badRequest(`order ${o.order_id} twice in one batch`);
      ids.add(o.order_id);
    }
    for (const o of made) shop.orders[o.order_id] = o;
    return { order_ids: made.map((o) => o.order_id) };
  });

  simRoute(app, deps, 'GET', '/sim/platforms/shops/:platform/:shopId/orders', ({ params }) =>
    Object.values(requireShop(deps, params).orders).map(orderView));

  simRoute(app, deps, 'GET', '/sim/platforms/shops/:platform/:shopId/orders/:orderId', ({ params }) => {
    const o = requireShop(deps, params).orders[params.orderId];
    if (!o) throw notFound(`no order ${params.orderId}`);
    return orderView(o);
  });

  simRoute(app, deps, 'POST', '/sim/platforms/shops/:platform/:shopId/orders/:orderId', ({ params, body }) => {
    const o = requireShop(deps, params).orders[params.orderId];
    if (!o) throw notFound(`no order ${params.orderId}`);
    return orderView(changeOrder(o, parseChange(body), sim.now()));
  });

  simRoute(app, deps, 'POST', '/sim/platforms/shops/:platform/:shopId/population', ({ params, body }) => {
    const shop = requireShop(deps, params);
    const rate = optNum(body, 'rate_per_minute') ?? 0;
    if (rate < 0) throw badRequest('rate_per_minute must be ≥ 0');
    if (rate === 0) {
      population.set(shop, null);
      return { rate_per_minute: 0 };
    }
    if (!Array.isArray(body.buyers) || body.buyers.length === 0) throw badRequest('buyers: a non-empty array of { id (or openId / buyer_open_uid / …), unionid?, nickname }');
    const products: Product[] = Array.isArray(body.products) && body.products.length > 0 ? body.products.map(parseProduct) : TONIC_PRODUCTS;
    const p = {
      rate_per_minute: rate, buyers: body.buyers.map(parseBuyer), products,
      ship_after_seconds: optNum(body, 'ship_after_seconds') ?? 120, complete_after_seconds: optNum(body, 'complete_after_seconds') ?? 600,
      refund_rate: optNum(body, 'refund_rate') ?? 0.1,
    };
    population.set(shop, p);
    return { rate_per_minute: rate, buyers: p.buyers.length, products: products.length };
  });

  simRoute(app, deps, 'POST', '/sim/platforms/shops/:platform/:shopId/triggers', ({ params, body }) => {
    const shop = requireShop(deps, params);
    const after = optNum(body, 'after_list_calls');
    if (after === undefined || !Number.isInteger(after) || after < 1) throw badRequest('after_list_calls must be a positive integer (counted from the shop\'s first list call)');
    if (!Array.isArray(body.modify) || body.modify.length === 0) throw badRequest('modify: a non-empty array of { order_id, status?, refund?, seller_memo?, at? }');
    const modify = body.modify.map((m: Record<string, unknown>) => {
      const id = str(m, 'order_id');
      if (!shop.orders[id]) throw badRequest(`no order ${id}`);
      return { order_id: id, ...parseChange(m) };
    });
    const list = gate.triggers.get(shopRef(shop)) ?? [];
    list.push({ after_list_calls: after, modify, fired: false });
    gate.triggers.set(shopRef(shop), list);
    return { ok: true };
  });

  simRoute(app, deps, 'POST', '/sim/platforms/faults', ({ body }) => {
    if (!isPlatform(body.platform)) throw badRequest(`platform must be one of ${PLATFORM_NAMES.join(', ')}`);
    const kind = body.kind;
    if (kind !== 'busy' && kind !== 'limit') throw badRequest('kind must be busy or limit');
    const count = optNum(body, 'count') ?? 1;
    if (!Number.isInteger(count) || count < 1) throw badRequest('count must be a positive integer');
    const skip = optNum(body, 'after_calls') ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw badRequest('after_calls must be a non-negative integer');
    gate.faults.push({ platform: body.platform, shop_id: optStr(body, 'shop_id'), kind, remaining: count, skip });
    return { ok: true };
  });

  simRoute(app, deps, 'DELETE', '/sim/platforms/faults', () => {
    gate.faults.length = 0;
    return { ok: true };
  });
}
