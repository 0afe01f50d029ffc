// Taobao / Tmall (TOP) taobao.trades.sold.increment.get: windows on modified time ≤ 1 day, trades
// newest-modified first, read from the last page backwards (paging.ts), 100 a page. Signed with
// MD5 and the app secret; the shop's authorisation is the `session`. Money: yuan strings. The buyer
// is buyer_open_uid (stable per app) — never oaid, which changes every natural week. tid/oid are
// read from tid_str/oid_str: the numeric ones lose digits in JSON.
import type { ItemRecord, OrderRecord, OrderStatus, RefundState } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { authError, fatalError, retryError } from './errors.ts';
import { postForm, topSign } from './http.ts';
import { backwardPage, type PageCursor } from './paging.ts';
import { chinaTime, maskedPhone, parseChinaTime, text, yuanToFen } from './china-time.ts';
import { orderRefund } from './mapping.ts';

type Json = Record<string, any>;

const FIELDS = 'tid,tid_str,status,type,created,pay_time,modified,end_time,consign_time,payment,total_fee,post_fee,discount_fee,adjust_fee,'
  + 'buyer_nick,buyer_open_uid,buyer_message,seller_memo,receiver_name,receiver_mobile,receiver_state,receiver_city,receiver_district,orders';

const STATUS: Record<string, OrderStatus> = {
  TRADE_NO_CREATE_PAY: 'pending_payment', WAIT_BUYER_PAY: 'pending_payment', PAY_PENDING: 'pending_payment', WAIT_PRE_AUTH_CONFIRM: 'pending_payment',
  WAIT_SELLER_SEND_GOODS: 'paid', PAID_FORBID_CONSIGN: 'paid', SELLER_CONSIGNED_PART: 'shipped',
  WAIT_BUYER_CONFIRM_GOODS: 'shipped', TRADE_BUYER_SIGNED: 'shipped', TRADE_FINISHED: 'completed',
  TRADE_CLOSED: 'closed', TRADE_CLOSED_BY_TAOBAO: 'closed',
};
const ITEM_REFUND: Record<string, RefundState> = {
  WAIT_SELLER_AGREE: 'in_progress', WAIT_BUYER_RETURN_GOODS: 'in_progress', WAIT_SELLER_CONFIRM_GOODS: 'in_progress', SUCCESS: 'full',
};

// TOP codes: 25/26/27/28/29/53 = signature, session, app key; 11 = no permission; 7 and isp.* = limits and outages.
const AUTH_CODES = new Set([11, 25, 26, 27, 28, 29, 53]);

function topError(platform: 'taobao' | 'tmall', e: Json): Error {
  const detail = `${e.code} ${e.msg ?? ''}${e.sub_code ? ` ${e.sub_code}` : ''}${e.sub_msg ? `：${e.sub_msg}` : ''}`.trim();
  const sub = String(e.sub_code ?? '');
  if (AUTH_CODES.has(Number(e.code)) || sub.includes('sessionkey')) return authError(platform, detail, ' App Key、App Secret 与店铺授权 SessionKey ');
  if (Number(e.code) === 7 || Number(e.code) === 15 || Number(e.code) === 520 || sub.startsWith('isp.') || sub.startsWith('accesscontrol')) return retryError(platform, detail);
  return fatalError(platform, detail);
}

async function page(ctx: ConnectorContext, start: Date, end: Date, pageNo: number): Promise<Json> {
  const c = ctx.shop.credentials;
  const platform = ctx.shop.platform === 'tmall' ? 'tmall' : 'taobao';
  const params: Record<string, string> = {
    method: 'taobao.trades.sold.increment.get', app_key: c.appKey, session: c.session, timestamp: chinaTime(ctx.now()),
    format: 'json', v: '2.0', sign_method: 'md5', fields: FIELDS,
    start_modified: chinaTime(start), end_modified: chinaTime(end), page_no: String(pageNo), page_size: String(ctx.pageSize), use_has_next: 'false',
  };
  params.sign = topSign(params, c.appSecret);
  // The platform's refusals are HTTP 200 bodies: thrown inside the call so busy / limit are retried.
  const body = await ctx.call(async () => {
    const b = await postForm(platform, `${ctx.baseUrl}/router/rest`, params);
    if (b.error_response) throw topError(platform, b.error_response as Json);
    return b;
  });
  const r = body.trades_sold_increment_get_response as Json | undefined;
  if (!r) throw fatalError(platform, '响应缺少 trades_sold_increment_get_response');
  return r;
}

function item(o: Json): ItemRecord {
  const amount = yuanToFen(o.divide_order_fee) ?? yuanToFen(o.payment);
  const refund = ITEM_REFUND[o.refund_status] ?? 'none';
  return {
    subOrderId: text(o.oid_str) ?? text(o.oid), productId: text(o.num_iid), skuId: text(o.sku_id), outerCode: text(o.outer_sku_id) ?? text(o.outer_iid),
    title: text(o.title) ?? '', properties: text(o.sku_properties_name), priceFen: yuanToFen(o.price), quantity: Number(o.num) || 1,
    amountFen: amount, refundState: refund, refundFen: refund === 'full' ? amount : null, rawStatus: text(o.refund_status) ?? text(o.status),
  };
}

export function mapTrade(t: Json, platform: 'taobao' | 'tmall'): OrderRecord {
  const items = ((t.orders?.order ?? []) as Json[]).map(item);
  const refund = orderRefund(items);
  const post = yuanToFen(t.post_fee);
  const goods = yuanToFen(t.total_fee);
  return {
    platform, orderId: text(t.tid_str) ?? String(t.tid), idSuspect: false, shopExternalId: null, shopName: null,
    status: STATUS[t.status] ?? 'paid', rawStatus: String(t.status ?? ''),
    createdAt: parseChinaTime(t.created), paidAt: parseChinaTime(t.pay_time), shippedAt: parseChinaTime(t.consign_time),
    finishedAt: parseChinaTime(t.end_time), modifiedAt: parseChinaTime(t.modified),
    totalFen: goods === null ? null : goods + (post ?? 0), paidFen: yuanToFen(t.payment), postFen: post, discountFen: yuanToFen(t.discount_fee),
    refundFen: refund.fen, refundState: refund.state,
    buyerKey: text(t.buyer_open_uid), buyerNick: text(t.buyer_nick), unionid: null, phone: null,
    receiverName: text(t.receiver_name), receiverPhoneMasked: maskedPhone(t.receiver_mobile) ?? maskedPhone(t.receiver_phone),
    province: text(t.receiver_state), city: text(t.receiver_city), district: text(t.receiver_district),
    buyerMessage: text(t.buyer_message), sellerMemo: text(t.seller_memo), items, line: null,
  };
}

export const taobaoConnector: Connector = {
  maxWindowMs: 86_400_000,
  windowMs: 86_400_000,
  minIntervalMs: 100,
  defaultBaseUrl: 'https://eco.taobao.com',
  credentials: [
    { key: 'appKey', label: 'App Key', secret: false },
    { key: 'appSecret', label: 'App Secret', secret: true },
    { key: 'session', label: '店铺授权 SessionKey', secret: true },
  ],
  async fetchPage(ctx, w, cursor) {
    const platform = ctx.shop.platform === 'tmall' ? 'tmall' : 'taobao';
    const r = await backwardPage(cursor as PageCursor | null, ctx.pageSize, 1, Infinity, async (n) => {
      const resp = await page(ctx, w.start, w.end, n);
      return { items: (resp.trades?.trade ?? []) as Json[], total: Number(resp.total_results ?? 0) };
    });
    return { records: r.items.map((t) => mapTrade(t, platform)), next: r.next, tooMany: r.tooMany };
  },
};
