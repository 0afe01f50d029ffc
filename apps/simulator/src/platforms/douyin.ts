// Douyin 抖店: POST /douyin/order/searchList (real: https://openapi-fxg.jinritemai.com/order/searchList).
// Query: app_key, method=order.searchList, access_token, timestamp, v=2, sign (MD5, see sign.ts),
// sign_method=md5; body: the business JSON (param_json). page from 0, size 1..100,
// update_time_start/end (Unix s), order_asc (false = newest first). Money: fen integers; times:
// Unix seconds. Buyer: doudian_open_id. Receivers: encrypt_post_* ciphertext + mask_post_*.
// No window limit is documented for searchList, so none is enforced (only page/size).
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order } from './state.ts';
import { admit, afterList, byModified, flatParams, intParam, perr, platformRoute, requestId, shopForApp } from './gateway.ts';
import { paidFen, shopsByAppKey, totalFen } from './state.ts';
import { douyinCipher, maskAddress, maskName, maskPhone } from './privacy.ts';
import { douyinSign, sortedJson } from '@siyu/platform-sign';

// Douyin's gateway codes (category-level: 10000 ok, 2xxxx service, 3xxxx auth, 4xxxx params, 9xxxx limits).
const ERRORS: Record<PlatformError['kind'], { code: number; msg: string; sub_code: string }> = {
  app_key: { code: 30001, msg: '应用不存在', sub_code: 'isv.app-not-exist' },
  sign: { code: 30002, msg: '签名校验失败', sub_code: 'isv.sign-invalid' },
  token: { code: 30001, msg: 'access_token不存在或已过期', sub_code: 'isv.access-token-expired' },
  limit: { code: 90000, msg: '接口调用频率超限', sub_code: 'isv.api-call-limit' },
  busy: { code: 20000, msg: '服务不可用', sub_code: 'isp.service-error' },
  param: { code: 40004, msg: '参数校验失败', sub_code: 'isv.parameter-invalid' },
  window: { code: 40004, msg: '参数校验失败', sub_code: 'isv.parameter-invalid' },
};

export function renderDouyinError(err: PlatformError) {
  const e = ERRORS[err.kind];
  return { code: e.code, msg: e.msg, sub_code: e.sub_code, sub_msg: err.message, log_id: requestId(), data: null };
}

const STATUS = { pending_payment: [1, '待支付'], paid: [2, '备货中'], shipped: [3, '已发货'], completed: [5, '已完成'], closed: [4, '已取消'] } as const;
const AFTER_SALE = { none: { after_sale_status: 0, refund_status: 0 }, in_progress: { after_sale_status: 6, refund_status: 1 }, full: { after_sale_status: 12, refund_status: 3 } } as const;
const place = (name: string) => ({ name, id: '' });

export function renderShopOrder(o: Order) {
  const [status, desc] = STATUS[o.status];
  const r = o.receiver;
  return {
    order_id: o.order_id, order_status: status, order_status_desc: desc, main_status: status, main_status_desc: desc,
    create_time: o.created, update_time: o.modified, pay_time: o.paid_at ?? 0, finish_time: o.finished_at ?? 0, ship_time: o.shipped_at ?? 0,
    order_amount: totalFen(o), pay_amount: paidFen(o), post_amount: o.post_fen, promotion_amount: o.discount_fen,
    buyer_words: o.buyer_message, seller_words: o.seller_memo, seller_remark_stars: 0, doudian_open_id: o.buyer.id,
    encrypt_post_tel: douyinCipher('phone', r.phone), encrypt_post_receiver: douyinCipher('text', r.name),
    post_addr: {
      province: place(r.province), city: place(r.city), town: place(r.district), street: place(''),
      detail: douyinCipher('text', r.address), encrypt_detail: douyinCipher('text', r.address),
    },
    mask_post_tel: maskPhone(r.phone), mask_post_receiver: maskName(r.name),
    mask_post_addr: { province: place(r.province), city: place(r.city), town: place(r.district), street: place(''), detail: maskAddress(r.address) },
    logistics_info: [],
    sku_order_list: o.items.map((i) => ({
      order_id: i.sub_id, parent_order_id: o.order_id, product_id: i.product_id, product_name: i.title, sku_id: i.sku_id,
      spec: i.properties ? i.properties.split(';').map((kv) => ({ name: kv.split(':')[0], value: kv.split(':')[1] ?? '' })) : [],
      code: i.outer_code, out_sku_id: i.outer_code, item_num: i.quantity, origin_amount: i.price_fen * i.quantity, pay_amount: i.paid_fen,
      given_product_type: 'MASTER', order_status: status, after_sale_info: AFTER_SALE[i.refund],
    })),
  };
}

export function registerDouyin(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['POST'], '/douyin/order/searchList', ({ query, body }) => {
    const q = flatParams(query, undefined);
    if (q.method !== 'order.searchList') throw perr('param', `method must be order.searchList, got ${q.method ?? '(none)'}`);
    const apps = shopsByAppKey(gate.sim, 'douyin', q.app_key ?? '');
    if (apps.length === 0) throw perr('app_key', `app_key ${q.app_key ?? ''} does not exist`);
    const paramJson = sortedJson(body && typeof body === 'object' ? body : {});
    const expected = douyinSign({ app_key: q.app_key, method: q.method, param_json: paramJson, timestamp: q.timestamp ?? '', v: q.v ?? '' }, apps[0].app_secret);
    if (q.sign !== expected) throw perr('sign', 'sign 校验失败');
    const shop = shopForApp(gate, 'douyin', q.app_key, q.access_token);
    admit(gate, shop, 'list');
    const p = flatParams(undefined, body);
    const page = intParam(p, 'page', 0);
    const size = intParam(p, 'size', 10);
    if (page < 0 || size < 1 || size > 100) throw perr('param', 'page 从 0 开始，size 取值 1~100');
    const start = intParam(p, 'update_time_start', -1);
    const end = intParam(p, 'update_time_end', -1);
    if (start < 0 || end < 0 || end < start) throw perr('window', 'update_time_start / update_time_end 必填且 start ≤ end');
    const all = byModified(shop, start, end);
    if (p.order_asc === 'true') all.reverse();
    const out = {
      code: 10000, msg: 'success', sub_code: '', sub_msg: '', log_id: requestId(),
      data: { page, size, total: all.length, shop_order_list: all.slice(page * size, (page + 1) * size).map(renderShopOrder) },
    };
    afterList(gate, shop);
    return out;
  }, renderDouyinError);
}
