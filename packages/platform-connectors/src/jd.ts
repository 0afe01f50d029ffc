// JD jingdong.pop.order.search: windows on modified time (dateType 0) of 1 day (the API allows a
// month), newest first (sortType 1), read from the last page backwards, 100 a page. Signed as TOP
// (MD5, app secret) with the business params in 360buy_param_json. Money: yuan strings. The buyer
// is open_id_buyer (the pin is gone from JOS). Receivers masked as given.
import type { ItemRecord, OrderRecord, OrderStatus } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { authError, fatalError, retryError } from './errors.ts';
import { postForm, topSign } from './http.ts';
import { backwardPage, type PageCursor } from './paging.ts';
import { chinaTime, maskedPhone, parseChinaTime, text, yuanToFen } from './china-time.ts';

type Json = Record<string, any>;

const STATUS: Record<string, OrderStatus> = {
  WAIT_SELLER_STOCK_OUT: 'paid', WAIT_SELLER_DELIVERY: 'paid', POP_ORDER_PAUSE: 'paid', PAUSE: 'paid', WAIT_SEND_CODE: 'paid', LOCKED: 'paid',
  WAIT_GOODS_RECEIVE_CONFIRM: 'shipped', FINISHED_L: 'completed', TRADE_CANCELED: 'closed',
};
const STATES = Object.keys(STATUS).join(',');
const FIELDS = 'orderId,orderState,orderTotalPrice,orderSellerPrice,orderPayment,freightPrice,sellerDiscount,orderRemark,venderRemark,'
  + 'orderStartTime,modified,paymentConfirmTime,orderEndTime,open_id_buyer,consigneeInfo,itemInfoList';
// 12 bad sign, 14 app key, 19 token; 85 call limit, 66/67 backend unavailable.
const AUTH = new Set(['12', '14', '19', '20', '21']);
const BUSY = new Set(['66', '67', '85']);

function jdError(e: Json): Error {
  const detail = `${e.code} ${e.zh_desc ?? e.en_desc ?? ''}`.trim();
  if (AUTH.has(String(e.code))) return authError('jd', detail, ' App Key、App Secret 与店铺授权 access_token ');
  if (BUSY.has(String(e.code))) return retryError('jd', detail);
  return fatalError('jd', detail);
}

async function page(ctx: ConnectorContext, start: Date, end: Date, pageNo: number): Promise<Json> {
  const c = ctx.shop.credentials;
  const biz = { start_date: chinaTime(start), end_date: chinaTime(end), order_state: STATES, optional_fields: FIELDS, page: String(pageNo), page_size: String(ctx.pageSize), dateType: '0', sortType: '1' };
  const params: Record<string, string> = {
    method: 'jingdong.pop.order.search', app_key: c.appKey, access_token: c.accessToken, timestamp: chinaTime(ctx.now()), v: '2.0',
    '360buy_param_json': JSON.stringify(biz),
  };
  params.sign = topSign(params, c.appSecret);
  const body = await ctx.call(async () => {
    const b = await postForm('jd', `${ctx.baseUrl}/routerjson`, params);
    if (b.error_response) throw jdError(b.error_response as Json);
    return b;
  });
  const r = (body.jingdong_pop_order_search_responce as Json | undefined)?.searchorderinfo_result as Json | undefined;
  if (!r) throw fatalError('jd', '响应缺少 searchorderinfo_result');
  if (r.apiResult && r.apiResult.success === false) throw fatalError('jd', `${r.apiResult.englishErrCode ?? ''} ${r.apiResult.chineseErrCode ?? ''}`.trim());
  return r;
}

function item(i: Json): ItemRecord {
  return {
    subOrderId: null, productId: text(i.wareId), skuId: text(i.skuId), outerCode: text(i.outerSkuId) ?? text(i.productNo),
    title: text(i.skuName) ?? '', properties: null, priceFen: yuanToFen(i.jdPrice), quantity: Number(i.itemTotal) || 1,
    amountFen: null, refundState: 'none', refundFen: null, rawStatus: null,
  };
}

export function mapJdOrder(o: Json): OrderRecord {
  const state = String(o.orderState ?? '');
  const paid = yuanToFen(o.orderPayment);
  const post = yuanToFen(o.freightPrice);
  const goods = yuanToFen(o.orderTotalPrice);
  // A paid order JD cancelled was refunded in full; LOCKED is an order held for a refund request.
  const paidAt = parseChinaTime(o.paymentConfirmTime);
  const refundState = state === 'TRADE_CANCELED' && paidAt ? 'full' : state === 'LOCKED' ? 'in_progress' : 'none';
  const ci = (o.consigneeInfo ?? {}) as Json;
  return {
    platform: 'jd', orderId: String(o.orderId), idSuspect: false, shopExternalId: null, shopName: null,
    status: STATUS[state] ?? 'paid', rawStatus: state,
    createdAt: parseChinaTime(o.orderStartTime), paidAt, shippedAt: null, finishedAt: parseChinaTime(o.orderEndTime), modifiedAt: parseChinaTime(o.modified),
    totalFen: goods === null ? null : goods + (post ?? 0), paidFen: paid, postFen: post, discountFen: yuanToFen(o.sellerDiscount),
    refundFen: refundState === 'full' ? paid : null, refundState,
    buyerKey: text(o.open_id_buyer), buyerNick: null, unionid: null, phone: null,
    receiverName: text(ci.fullname), receiverPhoneMasked: maskedPhone(ci.mobile) ?? maskedPhone(ci.telephone),
    province: text(ci.province), city: text(ci.city), district: text(ci.county),
    buyerMessage: text(o.orderRemark), sellerMemo: text(o.venderRemark), items: ((o.itemInfoList ?? []) as Json[]).map(item), line: null,
  };
}

export const jdConnector: Connector = {
  maxWindowMs: 30 * 86_400_000,
  windowMs: 86_400_000,
  minIntervalMs: 100,
  defaultBaseUrl: 'https://api.jd.com',
  credentials: [
    { key: 'appKey', label: 'App Key', secret: false },
    { key: 'appSecret', label: 'App Secret', secret: true },
    { key: 'accessToken', label: '店铺授权 access_token', secret: true },
  ],
  async fetchPage(ctx, w, cursor) {
    const r = await backwardPage(cursor as PageCursor | null, ctx.pageSize, 1, Infinity, async (n) => {
      const resp = await page(ctx, w.start, w.end, n);
      return { items: (resp.orderInfoList ?? []) as Json[], total: Number(resp.orderTotal ?? 0) };
    });
    return { records: r.items.map(mapJdOrder), next: r.next, tooMany: r.tooMany };
  },
};
