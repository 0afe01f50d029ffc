// Youzan youzan.trades.sold.get 4.0.0: an access token from /auth/token (silent grant for the
// shop's kdt_id), then windows on update time of 1 day (the API allows 3 months), read from the
// last page backwards. page_no ≤ 100 × page_size ≤ 100: a window with more rows than that is
// halved by the driver. Money: yuan numbers. The buyer is yz_open_id (buyer_id / fans_id are not
// stable across Youzan's accounts). Receivers masked as given.
import type { ItemRecord, OrderRecord, OrderStatus, RefundState } from '@siyu/order-exports';
import type { Connector, ConnectorContext } from './types.ts';
import { ConnectorError, authError, fatalError, retryError } from './errors.ts';
import { postJson, withQuery } from './http.ts';
import { backwardPage, type PageCursor } from './paging.ts';
import { chinaTime, maskedPhone, parseChinaTime, text, yuanToFen } from './china-time.ts';

type Json = Record<string, any>;

const STATUS: Record<string, OrderStatus> = {
  WAIT_BUYER_PAY: 'pending_payment', TRADE_NO_CREATE_PAY: 'pending_payment', WAIT_PAY_RETURN: 'pending_payment',
  TRADE_PAID: 'paid', WAIT_CONFIRM: 'paid', WAIT_GROUP: 'paid', WAIT_SELLER_SEND_GOODS: 'paid',
  WAIT_BUYER_CONFIRM_GOODS: 'shipped', TRADE_BUYER_SIGNED: 'shipped', TRADE_SUCCESS: 'completed', TRADE_CLOSED: 'closed', TRADE_CLOSED_BY_USER: 'closed',
};
// v4 numbers and the v3 words.
const REFUND: Record<string, RefundState> = {
  0: 'none', 1: 'in_progress', 2: 'partial', 11: 'in_progress', 12: 'full',
  NO_REFUND: 'none', PARTIAL_REFUNDING: 'in_progress', PARTIAL_REFUNDED: 'partial', PARTIAL_REFUND_FAILED: 'none',
  FULL_REFUNDING: 'in_progress', FULL_REFUNDED: 'full', FULL_REFUND_FAILED: 'none',
};
const MAX_PAGE_NO = 100;
const CHECK = ' client_id、client_secret 与店铺 ID（kdt_id / grant_id）';

async function token(ctx: ConnectorContext): Promise<string> {
  const have = ctx.cache.get('youzan:token');
  if (typeof have === 'string') return have;
  const c = ctx.shop.credentials;
  const grantId = c.grantId || ctx.shop.externalId || '';
  // Called inside the paced, retried list call: no second ctx.call here.
  const body = await postJson('youzan', `${ctx.baseUrl}/auth/token`, { client_id: c.clientId, client_secret: c.clientSecret, authorize_type: 'silent', grant_id: grantId, refresh: false });
  if (body.success !== true) throw authError('youzan', `${body.code} ${body.message ?? ''}`.trim(), CHECK);
  const t = String((body.data as Json)?.access_token ?? '');
  ctx.cache.set('youzan:token', t);
  return t;
}

function youzanError(ctx: ConnectorContext, body: Json): Error {
  const gw = body.gw_err_resp as Json | undefined;
  if (gw) {
    const detail = `${gw.err_code} ${gw.err_msg ?? ''}`.trim();
    const code = Number(gw.err_code);
    if (code >= 4200 && code < 4300) {
      // A token that expired mid-run: fetch a new one once; twice in a row means the grant is gone.
      if (ctx.cache.get('youzan:renewed')) return authError('youzan', detail, CHECK);
      ctx.cache.delete('youzan:token');
      ctx.cache.set('youzan:renewed', true);
      return new ConnectorError('retry', `有赞 access_token 失效，重新获取（${detail}）`, detail);
    }
    return code === 4101 || code >= 5000 ? retryError('youzan', detail) : fatalError('youzan', detail);
  }
  return fatalError('youzan', `${body.code} ${body.message ?? ''}`.trim());
}

async function page(ctx: ConnectorContext, start: Date, end: Date, pageNo: number): Promise<Json> {
  const body = await ctx.call(async () => {
    const url = withQuery(`${ctx.baseUrl}/api/youzan.trades.sold.get/4.0.0`, { access_token: await token(ctx) });
    const b = await postJson('youzan', url, { start_update: chinaTime(start), end_update: chinaTime(end), page_no: pageNo, page_size: ctx.pageSize });
    if (b.success !== true) throw youzanError(ctx, b);
    ctx.cache.delete('youzan:renewed');
    return b;
  });
  return (body.data ?? {}) as Json;
}

function skuProps(v: unknown): string | null {
  const s = text(v);
  if (!s || !s.startsWith('[')) return s;
  try {
    const list = JSON.parse(s) as Array<{ k?: string; v?: string }>;
    return list.map((p) => `${p.k ?? ''}:${p.v ?? ''}`).join(';') || null;
  } catch {
    return s;
  }
}

function item(i: Json): ItemRecord {
  const amount = yuanToFen(i.payment);
  const refund = REFUND[String(i.refund_state ?? 0)] ?? 'none';
  return {
    subOrderId: text(i.oid), productId: text(i.item_id), skuId: text(i.sku_id), outerCode: text(i.outer_sku_id) ?? text(i.outer_item_id),
    title: text(i.title) ?? '', properties: skuProps(i.sku_properties_name), priceFen: yuanToFen(i.price), quantity: Number(i.num) || 1,
    amountFen: amount, refundState: refund === 'partial' ? 'full' : refund, refundFen: refund === 'full' ? amount : null, rawStatus: i.refund_state === undefined ? null : String(i.refund_state),
  };
}

export function mapFullOrder(entry: Json): OrderRecord {
  const f = (entry.full_order_info ?? entry) as Json;
  const oi = (f.order_info ?? {}) as Json;
  const bi = (f.buyer_info ?? {}) as Json;
  const ai = (f.address_info ?? {}) as Json;
  const pi = (f.pay_info ?? {}) as Json;
  const items = ((f.orders ?? []) as Json[]).map(item);
  const refundState = REFUND[String(oi.refund_state ?? 0)] ?? 'none';
  const paid = yuanToFen(pi.payment);
  const goods = yuanToFen(pi.total_fee);
  const post = yuanToFen(pi.post_fee);
  const refundedLines = items.filter((i) => i.refundState === 'full');
  return {
    platform: 'youzan', orderId: String(oi.tid), idSuspect: false, shopExternalId: null, shopName: null,
    status: STATUS[oi.status] ?? 'paid', rawStatus: String(oi.status ?? ''),
    createdAt: parseChinaTime(oi.created), paidAt: parseChinaTime(oi.pay_time), shippedAt: parseChinaTime(oi.consign_time),
    finishedAt: parseChinaTime(oi.success_time), modifiedAt: parseChinaTime(oi.update_time),
    totalFen: goods === null ? null : goods + (post ?? 0), paidFen: paid, postFen: post,
    discountFen: goods === null || paid === null ? null : Math.max(0, goods + (post ?? 0) - paid),
    refundFen: refundState === 'full' ? paid : refundedLines.length ? refundedLines.reduce((s, i) => s + (i.amountFen ?? 0), 0) : null, refundState,
    buyerKey: text(bi.yz_open_id), buyerNick: text(bi.fans_nickname), unionid: null, phone: null,
    receiverName: text(ai.receiver_name), receiverPhoneMasked: maskedPhone(ai.receiver_tel),
    province: text(ai.delivery_province), city: text(ai.delivery_city), district: text(ai.delivery_district),
    buyerMessage: text(f.remark_info?.buyer_message), sellerMemo: text(f.remark_info?.trade_memo), items, line: null,
  };
}

export const youzanConnector: Connector = {
  maxWindowMs: 92 * 86_400_000,
  windowMs: 86_400_000,
  minIntervalMs: 100,
  defaultBaseUrl: 'https://open.youzanyun.com',
  credentials: [
    { key: 'clientId', label: 'client_id', secret: false },
    { key: 'clientSecret', label: 'client_secret', secret: true },
    { key: 'grantId', label: '店铺 ID（kdt_id，留空用店铺外部 ID）', secret: false },
  ],
  async fetchPage(ctx, w, cursor) {
    const r = await backwardPage(cursor as PageCursor | null, ctx.pageSize, 1, MAX_PAGE_NO * ctx.pageSize, async (n) => {
      const d = await page(ctx, w.start, w.end, n);
      return { items: (d.full_order_info_list ?? []) as Json[], total: Number(d.total_results ?? 0) };
    });
    return { records: r.items.map(mapFullOrder), next: r.next, tooMany: r.tooMany };
  },
};
