// Kuaishou open.order.cursor.list: windows on update time (queryType 2) of 1 day, a cursor walk
// ("nomore" at the end) — a cursor does not shift when orders change, so no backwards trick is
// needed. Signed MD5 with the signSecret. Money: fen; times: ms. The buyer is buyerOpenId (no
// userId is given). One item per order, as Kuaishou orders are. Receivers: only the desensitised
// fields are kept, never the encrypted ones.
import type { OrderRecord, OrderStatus, RefundState } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { authError, fatalError, retryError } from './errors.ts';
import { kuaishouSign, requestJson, withQuery } from './http.ts';
import { fen, fromMs, maskedPhone, text } from './china-time.ts';

type Json = Record<string, any>;

// 10 待付款, 30 已付款, 40 已发货, 50 已签收, 70 交易成功, 80 交易关闭.
const STATUS: Record<number, OrderStatus> = { 10: 'pending_payment', 30: 'paid', 40: 'shipped', 50: 'shipped', 70: 'completed', 80: 'closed' };
const REFUND_DONE = 60;
const AUTH = new Set([22, 24, 25, 28]);
const BUSY = new Set([2, 60, 803]);

function kuaishouError(e: Json): Error {
  const detail = `${e.result} ${e.error_msg ?? ''}`.trim();
  if (AUTH.has(Number(e.result))) return authError('kuaishou', detail, ' App Key、signSecret 与店铺授权 access_token ');
  if (BUSY.has(Number(e.result))) return retryError('kuaishou', detail);
  return fatalError('kuaishou', detail);
}

async function list(ctx: ConnectorContext, start: Date, end: Date, cursor: string): Promise<Json> {
  const c = ctx.shop.credentials;
  const param = JSON.stringify({ queryType: 2, beginTime: start.getTime(), endTime: end.getTime(), orderViewStatus: 1, pageSize: ctx.pageSize, sort: 1, cpsType: 0, cursor });
  const q: Record<string, string> = {
    appkey: c.appKey, method: 'open.order.cursor.list', version: '1', access_token: c.accessToken, timestamp: String(ctx.now().getTime()), signMethod: 'MD5', param,
  };
  q.sign = kuaishouSign(q, c.signSecret);
  const body = await ctx.call(async () => {
    const b = await requestJson('kuaishou', withQuery(`${ctx.baseUrl}/open/order/cursor/list`, q));
    if (Number(b.result) !== 1) throw kuaishouError(b);
    return b;
  });
  return (body.data ?? {}) as Json;
}

export function mapKuaishouOrder(o: Json): OrderRecord {
  const b = (o.orderBaseInfo ?? {}) as Json;
  const i = (o.orderItemInfo ?? null) as Json | null;
  const a = (o.orderAddress ?? {}) as Json;
  const refunds = (o.orderRefundList ?? []) as Json[];
  const refundDone = refunds.filter((r) => Number(r.refundStatus) === REFUND_DONE);
  const refundState: RefundState = refundDone.length ? 'full' : refunds.length ? 'in_progress' : 'none';
  const paid = fen(b.totalFee);
  const discount = fen(b.discountFee);
  const post = fen(b.expressFee);
  const quantity = Number(i?.num) || 1;
  return {
    platform: 'kuaishou', orderId: String(b.oid), idSuspect: false, shopExternalId: null, shopName: null,
    status: STATUS[Number(b.status)] ?? 'paid', rawStatus: String(b.status ?? ''),
    createdAt: fromMs(b.createTime), paidAt: fromMs(b.payTime), shippedAt: fromMs(b.sendTime), finishedAt: fromMs(b.recvTime), modifiedAt: fromMs(b.updateTime),
    totalFen: paid === null ? null : paid + (discount ?? 0), paidFen: paid, postFen: post, discountFen: discount,
    refundFen: refundDone.length ? refundDone.reduce((s, r) => s + (fen(r.refundFee) ?? 0), 0) : null, refundState,
    buyerKey: text(b.buyerOpenId), buyerNick: text(b.buyerNick), unionid: null, phone: null,
    receiverName: text(a.desensitiseConsignee), receiverPhoneMasked: maskedPhone(a.desensitiseMobile),
    province: text(a.province), city: text(a.city), district: text(a.district),
    buyerMessage: text(b.remark), sellerMemo: text(b.sellerNote),
    items: i ? [{
      subOrderId: text(i.orderItemId), productId: text(i.itemId), skuId: text(i.skuId), outerCode: text(i.skuNick), title: text(i.itemTitle) ?? '',
      properties: text(i.skuDesc), priceFen: fen(i.price), quantity, amountFen: paid === null ? null : paid - (post ?? 0),
      refundState, refundFen: refundDone.length ? (paid ?? 0) - (post ?? 0) : null, rawStatus: refunds.length ? String(refunds[0].refundStatus) : null,
    }] : [],
    line: null,
  };
}

export const kuaishouConnector: Connector = {
  maxWindowMs: 7 * 86_400_000,
  windowMs: 86_400_000,
  minIntervalMs: 100,
  defaultBaseUrl: 'https://openapi.kwaixiaodian.com',
  credentials: [
    { key: 'appKey', label: 'App Key', secret: false },
    { key: 'signSecret', label: 'signSecret（签名密钥）', secret: true },
    { key: 'accessToken', label: '店铺授权 access_token', secret: true },
  ],
  async fetchPage(ctx, w, cursor) {
    const d = await list(ctx, w.start, w.end, typeof cursor?.cursor === 'string' ? cursor.cursor : '');
    const next = typeof d.cursor === 'string' && d.cursor !== '' && d.cursor !== 'nomore' ? { cursor: d.cursor } : null;
    return { records: ((d.orderList ?? []) as Json[]).map(mapKuaishouOrder), next };
  },
};
