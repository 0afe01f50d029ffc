// Pinduoduo: POST /pdd/api/router (real: https://gw-api.pinduoduo.com/api/router), type
// pdd.order.number.list.increment.get. Common params client_id, access_token, timestamp, data_type,
// sign (MD5 as TOP's). start_updated_at/end_updated_at (Unix s) span ≤ 30 min; page from 1,
// page_size ≤ 100; newest first ("page backwards to avoid misses", as the doc says). Only paid
// orders exist for this API (order_status 1 待发货, 2 已发货待签收, 3 已签收). Money: yuan strings.
// Receivers: ciphertext only while 待发货 (else ''), *_mask always. No buyer id: PDD gives none.
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order } from './state.ts';
import { admit, afterList, byModified, flatParams, intParam, perr, platformRoute, requestId, shopForApp } from './gateway.ts';
import { orderRefund, paidFen, shopsByAppKey, totalFen } from './state.ts';
import { chinaTime, maskAddress, maskNameEnds, maskPhonePdd, pddCipher, yuan } from './privacy.ts';
import { topSign } from '@siyu/platform-sign';

const TYPE = 'pdd.order.number.list.increment.get';

const ERRORS: Record<PlatformError['kind'], { error_code: number; error_msg: string; sub_code: string }> = {
  app_key: { error_code: 10016, error_msg: 'client_id不存在', sub_code: '10016' },
  sign: { error_code: 10011, error_msg: 'sign签名校验失败', sub_code: '10011' },
  token: { error_code: 10019, error_msg: 'access_token已过期', sub_code: '10019' },
  limit: { error_code: 70031, error_msg: '调用过于频繁，请调整调用频率', sub_code: '70031' },
  busy: { error_code: 70032, error_msg: '服务繁忙，请稍后重试', sub_code: '70032' },
  param: { error_code: 10000, error_msg: '参数错误', sub_code: '10000' },
  window: { error_code: 10000, error_msg: '参数错误', sub_code: '10000' },
};

export function renderPddError(err: PlatformError) {
  const e = ERRORS[err.kind];
  return { error_response: { ...e, sub_msg: err.message, request_id: requestId() } };
}

const STATUS = { paid: 1, shipped: 2, completed: 3 } as const;
const listed = (o: Order) => o.paid_at !== null && o.status !== 'pending_payment';
// A closed order that was paid is one whose money went back: 退款成功.
const REFUND = (o: Order) => (o.status === 'closed' || orderRefund(o) === 'full' ? 4 : orderRefund(o) === 'none' ? 1 : 3);
const AFTER_SALES = (o: Order) => (REFUND(o) === 4 ? 10 : REFUND(o) === 3 ? 2 : 0);
const opt = (unix: number | null) => (unix ? chinaTime(unix) : '');

export function renderPddOrder(o: Order) {
  const r = o.receiver;
  const status = o.status === 'closed' ? (o.shipped_at ? 2 : 1) : STATUS[o.status as keyof typeof STATUS];
  const plain = status === 1 && REFUND(o) === 1; // ciphertext only while waiting to ship
  return {
    order_sn: o.order_id, order_status: status, refund_status: REFUND(o), after_sales_status: AFTER_SALES(o), confirm_status: 1,
    risk_control_status: 0, trade_type: 0, created_time: chinaTime(o.created), confirm_time: opt(o.paid_at), pay_time: opt(o.paid_at),
    shipping_time: opt(o.shipped_at), receive_time: opt(o.finished_at), updated_at: chinaTime(o.modified),
    goods_amount: yuan(totalFen(o) - o.post_fen), discount_amount: yuan(o.discount_fen), seller_discount: yuan(o.discount_fen),
    platform_discount: '0.00', postage: yuan(o.post_fen), pay_amount: yuan(paidFen(o)),
    receiver_name: plain ? pddCipher('text', r.name) : '', receiver_phone: plain ? pddCipher('phone', r.phone) : '',
    receiver_address: plain ? pddCipher('text', r.address) : '', address: plain ? pddCipher('text', `${r.province}${r.city}${r.district}${r.address}`) : '',
    receiver_name_mask: maskNameEnds(r.name), receiver_phone_mask: maskPhonePdd(r.phone), receiver_address_mask: maskAddress(r.address),
    country: '中国', province: r.province, city: r.city, town: r.district,
    buyer_memo: o.buyer_message, remark: o.seller_memo,
    item_list: o.items.map((i) => ({
      goods_id: Number(i.product_id), sku_id: Number(i.sku_id), outer_id: i.outer_code, outer_goods_id: i.outer_code,
      goods_name: i.title, goods_price: Number(yuan(i.price_fen)), goods_spec: i.properties.replace(/^[^:]*:/, ''), goods_count: i.quantity,
    })),
  };
}

export function registerPdd(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['POST'], '/pdd/api/router', ({ query, body }) => {
    const p = flatParams(query, body);
    if (p.type !== TYPE) throw perr('param', `the simulator has no PDD type ${p.type ?? '(none)'}`);
    const apps = shopsByAppKey(gate.sim, 'pinduoduo', p.client_id ?? '');
    if (apps.length === 0) throw perr('app_key', `client_id ${p.client_id ?? ''} 不存在`);
    if (!p.sign || p.sign.toUpperCase() !== topSign(p, apps[0].app_secret)) throw perr('sign', 'sign签名校验失败');
    const shop = shopForApp(gate, 'pinduoduo', p.client_id, p.access_token);
    admit(gate, shop, 'list');
    const start = intParam(p, 'start_updated_at', -1);
    const end = intParam(p, 'end_updated_at', -1);
    if (start < 0 || end < 0 || end < start) throw perr('window', 'start_updated_at / end_updated_at 必填且开始不晚于结束');
    if (end - start > 1800) throw perr('window', '开始时间结束时间间距不超过 30 分钟');
    const page = intParam(p, 'page', 1);
    const size = intParam(p, 'page_size', 100);
    if (page < 1 || size < 1 || size > 100) throw perr('param', 'page ≥ 1, page_size 1~100');
    const all = byModified(shop, start, end, listed);
    const resp: Record<string, unknown> = { order_sn_list: all.slice((page - 1) * size, page * size).map(renderPddOrder) };
    if (p.use_has_next === 'true') resp.has_next = all.length > page * size;
    else resp.total_count = all.length;
    afterList(gate, shop);
    return { order_sn_increment_get_response: { ...resp, request_id: requestId() } };
  }, renderPddError);
}
