// WeChat Shop 微信小店 (real host https://api.weixin.qq.com; here under /wechat-shop):
//   GET  /cgi-bin/token?grant_type=client_credential&appid=&secret=  → access_token (7200 s)
//   POST /channels/ec/order/list/get?access_token=  {update_time_range{start_time,end_time} (≤ 7 days),
//        page_size ≤ 100, next_key}  → only order_id_list + next_key + has_more (a keyset: no skips)
//   POST /channels/ec/order/get?access_token=  {order_id}  → the order
// Errors as {errcode, errmsg}. Money: fen. Buyer: openid + unionid. Receivers masked, with a stable
// per-shop hash_code for the address.
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order, PlatformShop } from './state.ts';
import { admit, afterCursor, afterList, byModified, encodeCursor, flatParams, intParam, issueToken, perr, platformRoute, shopForIssuedToken } from './gateway.ts';
import { orderRefund, paidFen, shopsByAppKey, totalFen } from './state.ts';
import { addressHash, maskName, maskPhone } from './privacy.ts';
import { base62 } from '../ids.ts';

const ERRORS: Record<PlatformError['kind'], { errcode: number; errmsg: string }> = {
  app_key: { errcode: 40013, errmsg: 'invalid appid' },
  sign: { errcode: 40125, errmsg: 'invalid appsecret' },
  token: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  limit: { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
  busy: { errcode: -1, errmsg: 'system error' },
  param: { errcode: 40097, errmsg: 'invalid args' },
  window: { errcode: 40097, errmsg: 'invalid args' },
};

export function renderWechatError(err: PlatformError) {
  const e = ERRORS[err.kind];
  return { errcode: e.errcode, errmsg: `${e.errmsg}: ${err.message} rid: ${Date.now().toString(16)}` };
}

const STATUS = (o: Order) =>
  o.status === 'pending_payment' ? 10 : o.status === 'paid' ? 20 : o.status === 'shipped' ? 30 : o.status === 'completed' ? 100
  : o.paid_at ? 200 : 250;

export function renderWechatOrder(o: Order, shop: PlatformShop) {
  const r = o.receiver;
  const refund = orderRefund(o);
  return {
    order_id: o.order_id, status: STATUS(o), create_time: o.created, update_time: o.modified, openid: o.buyer.id, ...(o.buyer.unionid && { unionid: o.buyer.unionid }),
    order_detail: {
      product_infos: o.items.map((i) => ({
        product_id: i.product_id, sku_id: i.sku_id, title: i.title, sku_cnt: i.quantity, sale_price: i.price_fen, real_price: i.paid_fen,
        sku_code: i.outer_code, sku_attrs: i.properties ? i.properties.split(';').map((kv) => ({ attr_key: kv.split(':')[0], attr_value: kv.split(':')[1] ?? '' })) : [],
      })),
      price_info: { product_price: totalFen(o) - o.post_fen, order_price: paidFen(o), freight: o.post_fen, discounted_price: o.discount_fen },
      pay_info: o.paid_at ? { pay_time: o.paid_at, transaction_id: `4200${o.order_id.slice(-14)}` } : {},
      delivery_info: {
        address_info: {
          user_name: maskName(r.name), postal_code: '', province_name: r.province, city_name: r.city, county_name: r.district,
          detail_info: '****', tel_number: maskPhone(r.phone), hash_code: addressHash(r, shop.shop_id),
        },
        deliver_method: 0, delivery_product_info: o.shipped_at ? [{ delivery_time: o.shipped_at }] : [],
      },
      ext_info: { customer_notes: o.buyer_message, merchant_notes: o.seller_memo },
    },
    aftersale_detail: {
      on_aftersale_order_cnt: refund === 'in_progress' ? 1 : 0,
      aftersale_order_list: refund === 'none' ? [] : [{ aftersale_order_id: `${o.order_id}9`, status: refund === 'in_progress' ? 'MERCHANT_PROCESSING' : 'MERCHANT_REFUND_SUCCESS' }],
    },
  };
}

const TOKEN_SECONDS = 7200;

export function registerWechatShop(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['GET'], '/wechat-shop/cgi-bin/token', ({ query }) => {
    const q = flatParams(query, undefined);
    if (q.grant_type !== 'client_credential') throw perr('param', 'grant_type must be client_credential');
    const apps = shopsByAppKey(gate.sim, 'wechat_shop', q.appid ?? '');
    if (apps.length === 0) throw perr('app_key', `appid ${q.appid ?? ''}`);
    if (apps[0].app_secret !== q.secret) throw perr('sign', 'appsecret mismatch');
    const token = base62(64);
    issueToken(gate, apps[0], token, TOKEN_SECONDS);
    return { access_token: token, expires_in: TOKEN_SECONDS };
  }, renderWechatError);

  platformRoute(app, log, ['POST'], '/wechat-shop/channels/ec/order/list/get', ({ query, body }) => {
    const shop = shopForIssuedToken(gate, 'wechat_shop', String(query.access_token ?? ''));
    admit(gate, shop, 'list');
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const range = (b.update_time_range ?? {}) as Record<string, unknown>;
    const start = intParam(range, 'start_time', -1);
    const end = intParam(range, 'end_time', -1);
    if (start < 0 || end < 0 || end < start) throw perr('param', 'update_time_range.start_time/end_time required, start ≤ end');
    if (end - start > 7 * 86400) throw perr('window', 'time range must not exceed 7 days');
    const size = intParam(flatParams(undefined, b), 'page_size', 10);
    if (size < 1 || size > 100) throw perr('param', 'page_size must be 1..100');
    const all = byModified(shop, start, end).reverse(); // oldest first
    const rest = afterCursor(all, typeof b.next_key === 'string' ? b.next_key : '', false);
    const page = rest.slice(0, size);
    const out = { errcode: 0, errmsg: 'ok', order_id_list: page.map((o) => o.order_id), next_key: page.length ? encodeCursor(page[page.length - 1]) : String(b.next_key ?? ''), has_more: rest.length > size };
    afterList(gate, shop);
    return out;
  }, renderWechatError);

  platformRoute(app, log, ['POST'], '/wechat-shop/channels/ec/order/get', ({ query, body }) => {
    const shop = shopForIssuedToken(gate, 'wechat_shop', String(query.access_token ?? ''));
    admit(gate, shop, 'detail');
    const id = flatParams(undefined, body).order_id ?? '';
    const o = shop.orders[id];
    if (!o) throw perr('param', `order ${id} not found`);
    return { errcode: 0, errmsg: 'ok', order: renderWechatOrder(o, shop) };
  }, renderWechatError);
}
