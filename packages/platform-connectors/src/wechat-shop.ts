// WeChat Shop 微信小店: access_token from /cgi-bin/token (appid + secret), then
// /channels/ec/order/list/get on update_time_range (1-day windows; the API allows 7 days) which
// returns ONLY order ids and a next_key, then /channels/ec/order/get per id. A next_key is a
// cursor, not a page number. Money: fen; times: Unix seconds. The buyer is openid, and unionid when
// the shop is bound to an open platform account: that is how an order reaches a WeCom friend.
import type { ItemRecord, OrderRecord, OrderStatus } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { ConnectorError, authError, fatalError, retryError } from './errors.ts';
import { postJson, requestJson, withQuery } from './http.ts';
import { fen, fromUnix, maskedPhone, text, unix } from './china-time.ts';
import { props } from './mapping.ts';

type Json = Record<string, any>;

// 10 待付款, 12 礼物待收下, 13 凑单买凑团中, 20 待发货, 21 部分发货, 30 待收货, 100 完成, 190/200/250 取消.
const STATUS: Record<number, OrderStatus> = { 10: 'pending_payment', 12: 'paid', 13: 'paid', 20: 'paid', 21: 'shipped', 30: 'shipped', 100: 'completed', 190: 'closed', 200: 'closed', 250: 'closed' };
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
const AUTH = new Set([40013, 40125, 40164, 41002, 41004, 48001, 61024]);
const BUSY = new Set([-1, 45009, 45011, 45033]);
const CHECK = ' AppID、AppSecret（及接口 IP 白名单）';

async function token(ctx: ConnectorContext): Promise<string> {
  const have = ctx.cache.get('wx:token');
  if (typeof have === 'string') return have;
  const c = ctx.shop.credentials;
  const body = await requestJson('wechat_shop', withQuery(`${ctx.baseUrl}/cgi-bin/token`, { grant_type: 'client_credential', appid: c.appId, secret: c.appSecret }));
  if (!body.access_token) throw wxError(ctx, body);
  ctx.cache.set('wx:token', String(body.access_token));
  return String(body.access_token);
}

function wxError(ctx: ConnectorContext, body: Json): Error {
  const code = Number(body.errcode);
  const detail = `${body.errcode} ${body.errmsg ?? ''}`.trim();
  if (TOKEN_ERRORS.has(code)) {
    if (ctx.cache.get('wx:renewed')) return authError('wechat_shop', detail, CHECK);
    ctx.cache.delete('wx:token');
    ctx.cache.set('wx:renewed', true);
    return new ConnectorError('retry', `微信小店 access_token 失效，重新获取（${detail}）`, detail);
  }
  if (AUTH.has(code)) return authError('wechat_shop', detail, CHECK);
  if (BUSY.has(code)) return retryError('wechat_shop', detail);
  return fatalError('wechat_shop', detail);
}

/** One authorised POST: the token is fetched (again) inside the retried call. */
const post = (ctx: ConnectorContext, path: string, body: unknown) =>
  ctx.call(async () => {
    const r = await postJson('wechat_shop', withQuery(`${ctx.baseUrl}${path}`, { access_token: await token(ctx) }), body);
    if (Number(r.errcode ?? 0) !== 0) throw wxError(ctx, r);
    ctx.cache.delete('wx:renewed');
    return r;
  });

function item(p: Json): ItemRecord {
  return {
    subOrderId: null, productId: text(p.product_id), skuId: text(p.sku_id), outerCode: text(p.sku_code), title: text(p.title) ?? '',
    properties: props(p.sku_attrs, 'attr_key', 'attr_value'), priceFen: fen(p.sale_price), quantity: Number(p.sku_cnt) || 1,
    amountFen: fen(p.real_price), refundState: 'none', refundFen: null, rawStatus: null,
  };
}

export function mapWechatOrder(o: Json): OrderRecord {
  const d = (o.order_detail ?? {}) as Json;
  const price = (d.price_info ?? {}) as Json;
  const addr = (d.delivery_info?.address_info ?? {}) as Json;
  const status = Number(o.status);
  const paid = fen(price.order_price);
  const goods = fen(price.product_price);
  const post = fen(price.freight);
  // 200 = every item went through after-sales and the order was cancelled: a full refund.
  const refundState = status === 200 ? 'full' : Number(o.aftersale_detail?.on_aftersale_order_cnt ?? 0) > 0 ? 'in_progress' : 'none';
  const delivered = (d.delivery_info?.delivery_product_info ?? []) as Json[];
  return {
    platform: 'wechat_shop', orderId: String(o.order_id), idSuspect: false, shopExternalId: null, shopName: null,
    status: STATUS[status] ?? 'paid', rawStatus: String(o.status ?? ''),
    createdAt: fromUnix(o.create_time), paidAt: fromUnix(d.pay_info?.pay_time), shippedAt: fromUnix(delivered[0]?.delivery_time),
    finishedAt: status === 100 ? fromUnix(o.update_time) : null, modifiedAt: fromUnix(o.update_time),
    totalFen: goods === null ? null : goods + (post ?? 0), paidFen: paid, postFen: post, discountFen: fen(price.discounted_price),
    refundFen: refundState === 'full' ? paid : null, refundState,
    buyerKey: text(o.openid), buyerNick: null, unionid: text(o.unionid), phone: null,
    receiverName: text(addr.user_name), receiverPhoneMasked: maskedPhone(addr.tel_number),
    province: text(addr.province_name), city: text(addr.city_name), district: text(addr.county_name),
    buyerMessage: text(d.ext_info?.customer_notes), sellerMemo: text(d.ext_info?.merchant_notes),
    items: ((d.product_infos ?? []) as Json[]).map(item), line: null,
  };
}

export const wechatShopConnector: Connector = {
  maxWindowMs: 7 * 86_400_000,
  windowMs: 86_400_000,
  minIntervalMs: 50,
  defaultBaseUrl: 'https://api.weixin.qq.com',
  credentials: [
    { key: 'appId', label: 'AppID', secret: false },
    { key: 'appSecret', label: 'AppSecret', secret: true },
  ],
  async fetchPage(ctx, w, cursor) {
    const nextKey = typeof cursor?.nextKey === 'string' ? cursor.nextKey : undefined;
    const list = await post(ctx, '/channels/ec/order/list/get', { update_time_range: { start_time: unix(w.start), end_time: unix(w.end) }, page_size: ctx.pageSize, ...(nextKey && { next_key: nextKey }) });
    const records: OrderRecord[] = [];
    for (const id of (list.order_id_list ?? []) as string[]) {
      const r = await post(ctx, '/channels/ec/order/get', { order_id: id });
      records.push(mapWechatOrder(r.order as Json));
    }
    return { records, next: list.has_more && list.next_key ? { nextKey: String(list.next_key) } : null };
  },
};
