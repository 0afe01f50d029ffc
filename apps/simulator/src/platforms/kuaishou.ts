// Kuaishou 快手小店: GET|POST /kuaishou/open/order/cursor/list (real: https://openapi.kwaixiaodian.com
// /open/order/cursor/list — the method name with dots as slashes). Query: appkey,
// method=open.order.cursor.list, version=1, access_token, timestamp (ms), signMethod=MD5, param
// (the business JSON), sign (see sign.ts; the secret is the app's signSecret). Business: queryType
// 2 = by update time, beginTime/endTime (ms) span ≤ 7 days, pageSize ≤ 100, sort 1 = newest first,
// cursor ('' first; the answer's cursor is "nomore" at the end — a keyset, so it never skips).
// Money: fen. Buyer: buyerOpenId. One item per order, as Kuaishou orders are.
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order } from './state.ts';
import { admit, afterCursor, afterList, byModified, encodeCursor, flatParams, intParam, perr, platformRoute, shopForApp } from './gateway.ts';
import { orderRefund, paidFen, refundFen, shopsByAppKey } from './state.ts';
import { maskAddress, maskName, maskPhone, opaqueCipher } from './privacy.ts';
import { kuaishouSign } from '@siyu/platform-sign';

const ERRORS: Record<PlatformError['kind'], { result: number; error_msg: string }> = {
  app_key: { result: 22, error_msg: 'appkey无效' },
  sign: { result: 28, error_msg: '签名验证失败' },
  token: { result: 24, error_msg: 'access_token无效或已过期' },
  limit: { result: 60, error_msg: '接口调用超过频率限制' },
  busy: { result: 2, error_msg: '服务繁忙，请稍后再试' },
  param: { result: 12, error_msg: '参数错误' },
  window: { result: 12, error_msg: '参数错误' },
};

export function renderKuaishouError(err: PlatformError) {
  const e = ERRORS[err.kind];
  return { result: e.result, error_msg: `${e.error_msg}: ${err.message}`, code: String(e.result) };
}

const STATUS = { pending_payment: 10, paid: 30, shipped: 40, completed: 70, closed: 80 } as const;
const ms = (unix: number | null) => (unix ? unix * 1000 : 0);

export function renderKuaishouOrder(o: Order) {
  const i = o.items[0];
  const r = o.receiver;
  const refund = orderRefund(o);
  return {
    orderBaseInfo: {
      oid: Number(o.order_id), status: STATUS[o.status], buyerOpenId: o.buyer.id, buyerNick: o.buyer.nickname,
      totalFee: paidFen(o), discountFee: o.discount_fen, expressFee: o.post_fen,
      createTime: ms(o.created), payTime: ms(o.paid_at), sendTime: ms(o.shipped_at), recvTime: ms(o.finished_at), updateTime: ms(o.modified),
      remark: o.buyer_message, sellerNote: o.seller_memo,
    },
    orderItemInfo: {
      orderItemId: Number(i.sub_id), itemId: Number(i.product_id), skuId: Number(i.sku_id), relSkuId: 0, skuNick: i.outer_code,
      itemTitle: i.title, skuDesc: i.properties, num: i.quantity, price: i.price_fen, originalPrice: i.price_fen,
    },
    orderRefundList: refund === 'none' ? [] : [{ refundId: Number(i.sub_id) + 7, refundStatus: refund === 'in_progress' ? 10 : 60, refundFee: refund === 'in_progress' ? 0 : refundFen(o) }],
    orderAddress: {
      encryptedConsignee: opaqueCipher(r.name), encryptedMobile: opaqueCipher(r.phone), encryptedAddress: opaqueCipher(r.address),
      desensitiseConsignee: maskName(r.name), desensitiseMobile: maskPhone(r.phone), desensitiseAddress: maskAddress(r.address),
      province: r.province, city: r.city, district: r.district,
    },
  };
}

export function registerKuaishou(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['GET', 'POST'], '/kuaishou/open/order/cursor/list', ({ query, body }) => {
    const q = flatParams(query, body);
    if (q.method !== 'open.order.cursor.list') throw perr('param', `method must be open.order.cursor.list`);
    const apps = shopsByAppKey(gate.sim, 'kuaishou', q.appkey ?? '');
    if (apps.length === 0) throw perr('app_key', `appkey ${q.appkey ?? ''} 不存在`);
    if (q.sign !== kuaishouSign(q, apps[0].app_secret)) throw perr('sign', 'sign 不正确');
    const shop = shopForApp(gate, 'kuaishou', q.appkey, q.access_token);
    admit(gate, shop, 'list');
    let p: Record<string, unknown>;
    try {
      p = JSON.parse(q.param ?? '{}') as Record<string, unknown>;
    } catch {
      throw perr('param', 'param 不是合法的 JSON');
    }
    if (intParam(p, 'queryType', 1) !== 2) throw perr('param', '模拟器只支持 queryType=2（按更新时间）');
    const begin = intParam(p, 'beginTime', -1);
    const end = intParam(p, 'endTime', -1);
    if (begin < 0 || end < 0 || end < begin) throw perr('window', 'beginTime / endTime 必填（毫秒）且开始不晚于结束');
    if (end - begin > 7 * 86400_000) throw perr('window', '查询时间范围不能超过7天');
    const size = intParam(p, 'pageSize', 20);
    if (size < 1 || size > 100) throw perr('param', 'pageSize 取值 1~100');
    const desc = intParam(p, 'sort', 1) !== 2;
    const all = byModified(shop, Math.ceil(begin / 1000), Math.floor(end / 1000));
    if (!desc) all.reverse();
    const cursor = typeof p.cursor === 'string' ? p.cursor : '';
    if (cursor === 'nomore') throw perr('param', 'cursor 已到末尾');
    const rest = afterCursor(all, cursor, desc);
    const page = rest.slice(0, size);
    const out = { result: 1, error_msg: '', data: { pageSize: size, cursor: rest.length > size ? encodeCursor(page[page.length - 1]) : 'nomore', orderList: page.map(renderKuaishouOrder) } };
    afterList(gate, shop);
    return out;
  }, renderKuaishouError);
}
