// Pinduoduo pdd.order.number.list.increment.get: windows on updated_at ≤ 30 minutes (the API's
// limit), newest first, read from the last page backwards as PDD's doc requires, 100 a page.
// Signed as TOP (MD5, client secret). Money: yuan (strings or numbers). PDD gives no buyer id at
// all, so buyerKey stays null: these orders count, but join customers only through bindings.
// Receiver name/phone/address are ciphertext (or empty after shipping): only the *_mask fields are kept.
import type { ItemRecord, OrderRecord, OrderStatus, RefundState } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { authError, fatalError, retryError } from './errors.ts';
import { postForm, topSign } from './http.ts';
import { backwardPage, type PageCursor } from './paging.ts';
import { maskedPhone, parseChinaTime, text, unix, yuanToFen } from './china-time.ts';

type Json = Record<string, any>;

const STATUS: Record<number, OrderStatus> = { 1: 'paid', 2: 'shipped', 3: 'completed' };
const REFUND: Record<number, RefundState> = { 1: 'none', 2: 'in_progress', 3: 'in_progress', 4: 'full' };
// 10019 token expired, 10016 unknown client, 10011 bad sign, 10021…: auth. 70031 limit, 70032/5xxxx busy.
const AUTH_CODES = new Set([10011, 10016, 10019, 10020, 10021, 10022]);

function pddError(e: Json): Error {
  const detail = `${e.error_code} ${e.error_msg ?? ''}${e.sub_msg ? `：${e.sub_msg}` : ''}`.trim();
  const code = Number(e.error_code);
  if (AUTH_CODES.has(code)) return authError('pinduoduo', detail, ' client_id、client_secret 与店铺授权 access_token ');
  if (code === 70031 || code === 70032 || code >= 50000 && code < 60000) return retryError('pinduoduo', detail);
  return fatalError('pinduoduo', detail);
}

async function page(ctx: ConnectorContext, start: Date, end: Date, pageNo: number): Promise<Json> {
  const c = ctx.shop.credentials;
  const params: Record<string, string> = {
    type: 'pdd.order.number.list.increment.get', client_id: c.clientId, access_token: c.accessToken, timestamp: String(unix(ctx.now())),
    data_type: 'JSON', version: 'V1', start_updated_at: String(unix(start)), end_updated_at: String(unix(end)),
    order_status: '5', refund_status: '5', is_lucky_flag: '0', page: String(pageNo), page_size: String(ctx.pageSize), use_has_next: 'false',
  };
  params.sign = topSign(params, c.clientSecret);
  const body = await ctx.call(async () => {
    const b = await postForm('pinduoduo', `${ctx.baseUrl}/api/router`, params);
    if (b.error_response) throw pddError(b.error_response as Json);
    return b;
  });
  const r = body.order_sn_increment_get_response as Json | undefined;
  if (!r) throw fatalError('pinduoduo', '响应缺少 order_sn_increment_get_response');
  return r;
}

function item(i: Json): ItemRecord {
  const quantity = Number(i.goods_count) || 1;
  return {
    subOrderId: null, productId: text(i.goods_id), skuId: text(i.sku_id), outerCode: text(i.outer_id) ?? text(i.outer_goods_id),
    title: text(i.goods_name) ?? '', properties: text(i.goods_spec), priceFen: yuanToFen(i.goods_price), quantity,
    amountFen: null, refundState: 'none', refundFen: null, rawStatus: null,
  };
}

export function mapPddOrder(o: Json): OrderRecord {
  const refund = REFUND[Number(o.refund_status)] ?? 'none';
  const paid = yuanToFen(o.pay_amount);
  const goods = yuanToFen(o.goods_amount);
  const post = yuanToFen(o.postage);
  return {
    platform: 'pinduoduo', orderId: String(o.order_sn), idSuspect: false, shopExternalId: null, shopName: null,
    // 退款成功 on the whole order: the money went back, the order is over.
    status: refund === 'full' ? 'closed' : STATUS[Number(o.order_status)] ?? 'paid', rawStatus: `${o.order_status}/${o.refund_status}`,
    createdAt: parseChinaTime(o.created_time), paidAt: parseChinaTime(o.pay_time) ?? parseChinaTime(o.confirm_time), shippedAt: parseChinaTime(o.shipping_time),
    finishedAt: parseChinaTime(o.receive_time), modifiedAt: parseChinaTime(o.updated_at),
    totalFen: goods === null ? null : goods + (post ?? 0), paidFen: paid, postFen: post, discountFen: yuanToFen(o.discount_amount),
    refundFen: refund === 'full' ? paid : null, refundState: refund,
    buyerKey: null, buyerNick: null, unionid: null, phone: null,
    receiverName: text(o.receiver_name_mask), receiverPhoneMasked: maskedPhone(o.receiver_phone_mask),
    province: text(o.province), city: text(o.city), district: text(o.town),
    buyerMessage: text(o.buyer_memo), sellerMemo: text(o.remark), items: ((o.item_list ?? []) as Json[]).map(item), line: null,
  };
}

export const pinduoduoConnector: Connector = {
  maxWindowMs: 30 * 60_000,
  windowMs: 30 * 60_000,
  minIntervalMs: 100,
  defaultBaseUrl: 'https://gw-api.pinduoduo.com',
  credentials: [
    { key: 'clientId', label: 'client_id', secret: false },
    { key: 'clientSecret', label: 'client_secret', secret: true },
    { key: 'accessToken', label: '店铺授权 access_token', secret: true },
  ],
  async fetchPage(ctx, w, cursor) {
    const r = await backwardPage(cursor as PageCursor | null, ctx.pageSize, 1, Infinity, async (n) => {
      const resp = await page(ctx, w.start, w.end, n);
      return { items: (resp.order_sn_list ?? []) as Json[], total: Number(resp.total_count ?? 0) };
    });
    return { records: r.items.map(mapPddOrder), next: r.next, tooMany: r.tooMany };
  },
};
