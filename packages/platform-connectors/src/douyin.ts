// Douyin 抖店 /order/searchList: windows on update_time (1 day; searchList documents no limit),
// newest first (order_asc false), pages from 0, size ≤ 100, read backwards (paging.ts). Signed
// MD5 v2 with the app secret over the key-sorted param_json. Money: fen; times: Unix seconds. The
// buyer is doudian_open_id; receivers come as ciphertext (encrypt_post_*) and masks (mask_post_*):
// only the masks are kept.
import type { ItemRecord, OrderRecord, OrderStatus, RefundState } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { authError, fatalError, retryError } from './errors.ts';
import { douyinSign, postJson, sortedJson, withQuery } from './http.ts';
import { backwardPage, type PageCursor } from './paging.ts';
import { fen, fromUnix, maskedPhone, text, unix } from './china-time.ts';
import { orderRefund, props, unitFen } from './mapping.ts';

type Json = Record<string, any>;

const STATUS: Record<number, OrderStatus> = { 1: 'pending_payment', 105: 'paid', 2: 'paid', 101: 'shipped', 3: 'shipped', 5: 'completed', 4: 'closed' };
// after_sale_status: 6 申请, 7 退货中, 11/29/13/14 in the middle; 12 售后成功; 27/28 refused/failed; 51/53 cancelled/done-reverse.
const AFTER_SALE_OPEN = new Set([6, 7, 11, 13, 14, 29]);

function skuRefund(a: Json | undefined): RefundState {
  const refund = Number(a?.refund_status ?? 0);
  if (refund === 3 || Number(a?.after_sale_status) === 12) return 'full';
  if (refund === 1 || AFTER_SALE_OPEN.has(Number(a?.after_sale_status))) return 'in_progress';
  return 'none';
}

function douyinError(e: Json): Error {
  const detail = `${e.code} ${e.msg ?? ''}${e.sub_code ? ` ${e.sub_code}` : ''}${e.sub_msg ? `：${e.sub_msg}` : ''}`.trim();
  const code = Number(e.code);
  if (code >= 30000 && code < 40000) return authError('douyin', detail, ' App Key、App Secret 与店铺授权 access_token ');
  if (code === 20000 || code === 90000 || String(e.sub_code ?? '').startsWith('isp.')) return retryError('douyin', detail);
  return fatalError('douyin', detail);
}

async function page(ctx: ConnectorContext, start: Date, end: Date, pageNo: number): Promise<Json> {
  const c = ctx.shop.credentials;
  const paramJson = sortedJson({ page: pageNo, size: ctx.pageSize, update_time_start: unix(start), update_time_end: unix(end), order_by: 'update_time', order_asc: false });
  const q: Record<string, string> = { app_key: c.appKey, method: 'order.searchList', access_token: c.accessToken, timestamp: String(unix(ctx.now())), v: '2' };
  q.sign = douyinSign({ app_key: q.app_key, method: q.method, param_json: paramJson, timestamp: q.timestamp, v: q.v }, c.appSecret);
  q.sign_method = 'md5';
  const body = await ctx.call(async () => {
    const b = await postJson('douyin', withQuery(`${ctx.baseUrl}/order/searchList`, q), paramJson);
    if (Number(b.code) !== 10000) throw douyinError(b);
    return b;
  });
  return (body.data ?? {}) as Json;
}

function item(s: Json): ItemRecord {
  const quantity = Number(s.item_num) || 1;
  const amount = fen(s.pay_amount);
  const refund = skuRefund(s.after_sale_info);
  return {
    subOrderId: text(s.order_id), productId: text(s.product_id), skuId: text(s.sku_id), outerCode: text(s.code) ?? text(s.out_sku_id),
    title: text(s.product_name) ?? '', properties: props(s.spec, 'name', 'value'), priceFen: unitFen(fen(s.origin_amount), quantity), quantity,
    amountFen: amount, refundState: refund, refundFen: refund === 'full' ? amount : null, rawStatus: s.after_sale_info ? String(s.after_sale_info.after_sale_status ?? '') : null,
  };
}

export function mapShopOrder(o: Json): OrderRecord {
  const items = ((o.sku_order_list ?? []) as Json[]).map(item);
  const refund = orderRefund(items);
  const addr = (o.mask_post_addr ?? o.post_addr ?? {}) as Json;
  return {
    platform: 'douyin', orderId: String(o.order_id), idSuspect: false, shopExternalId: null, shopName: null,
    status: STATUS[Number(o.order_status)] ?? 'paid', rawStatus: String(o.order_status ?? ''),
    createdAt: fromUnix(o.create_time), paidAt: fromUnix(o.pay_time), shippedAt: fromUnix(o.ship_time), finishedAt: fromUnix(o.finish_time), modifiedAt: fromUnix(o.update_time),
    totalFen: fen(o.order_amount), paidFen: fen(o.pay_amount), postFen: fen(o.post_amount), discountFen: fen(o.promotion_amount),
    refundFen: refund.fen, refundState: refund.state,
    buyerKey: text(o.doudian_open_id), buyerNick: null, unionid: null, phone: null,
    receiverName: text(o.mask_post_receiver), receiverPhoneMasked: maskedPhone(o.mask_post_tel),
    province: text(addr.province?.name), city: text(addr.city?.name), district: text(addr.town?.name),
    buyerMessage: text(o.buyer_words), sellerMemo: text(o.seller_words), items, line: null,
  };
}

export const douyinConnector: Connector = {
  maxWindowMs: Infinity,
  windowMs: 86_400_000,
  minIntervalMs: 100,
  defaultBaseUrl: 'https://openapi-fxg.jinritemai.com',
  credentials: [
    { key: 'appKey', label: 'App Key', secret: false },
    { key: 'appSecret', label: 'App Secret', secret: true },
    { key: 'accessToken', label: '店铺授权 access_token', secret: true },
  ],
  async fetchPage(ctx, w, cursor) {
    const r = await backwardPage(cursor as PageCursor | null, ctx.pageSize, 0, Infinity, async (n) => {
      const d = await page(ctx, w.start, w.end, n);
      return { items: (d.shop_order_list ?? []) as Json[], total: Number(d.total ?? 0) };
    });
    return { records: r.items.map(mapShopOrder), next: r.next, tooMany: r.tooMany };
  },
};
