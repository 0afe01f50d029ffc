// Taobao / Tmall TOP: POST|GET /taobao/router/rest (real: https://eco.taobao.com/router/rest),
// method taobao.trades.sold.increment.get. Checks in TOP's order: method, app_key (29), sign (25,
// MD5 with the app secret), session (27), then faults and the per-app limit (7). start_modified /
// end_modified span ≤ 1 day; trades newest-modified first; page_no from 1, page_size ≤ 100;
// use_has_next=true answers has_next instead of total_results. Money: yuan strings. Receivers:
// masked, plus an oaid that changes every natural week. tid/oid go out as JSON numbers beyond 2^53
// (as TOP's do) with tid_str/oid_str beside them: a client must read the strings.
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order, PlatformShop } from './state.ts';
import { admit, afterList, byModified, flatParams, intParam, perr, platformRoute, requestId, shopForApp } from './gateway.ts';
import { shopsByAppKey, paidFen, totalFen } from './state.ts';
import { chinaTime, maskAddress, maskName, maskPhoneTail, parseChinaTime, taobaoOaid, yuan } from './privacy.ts';
import { topSign } from '@siyu/platform-sign';

const METHOD = 'taobao.trades.sold.increment.get';

const ERRORS: Record<PlatformError['kind'], { code: number; msg: string; sub_code?: string }> = {
  app_key: { code: 29, msg: 'Invalid app Key', sub_code: 'isv.appkey-not-exists' },
  sign: { code: 25, msg: 'Invalid signature' },
  token: { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey' },
  limit: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count' },
  busy: { code: 15, msg: 'Remote service error', sub_code: 'isp.top-remote-service-unavailable' },
  param: { code: 41, msg: 'Invalid arguments', sub_code: 'isv.invalid-parameter' },
  window: { code: 41, msg: 'Invalid arguments', sub_code: 'isv.invalid-parameter' },
};

export function renderTopError(err: PlatformError) {
  const e = ERRORS[err.kind];
  return { error_response: { code: e.code, msg: e.msg, ...(e.sub_code && { sub_code: e.sub_code, sub_msg: err.message }), request_id: requestId() } };
}

const STATUS = (o: Order) =>
  o.status === 'pending_payment' ? 'WAIT_BUYER_PAY'
  : o.status === 'paid' ? 'WAIT_SELLER_SEND_GOODS'
  : o.status === 'shipped' ? 'WAIT_BUYER_CONFIRM_GOODS'
  : o.status === 'completed' ? 'TRADE_FINISHED'
  : o.paid_at ? 'TRADE_CLOSED' : 'TRADE_CLOSED_BY_TAOBAO';
const REFUND = { none: 'NO_REFUND', in_progress: 'WAIT_SELLER_AGREE', full: 'SUCCESS' } as const;

const big = (digits: string) => `__BIG__${digits}__`;
const opt = (k: string, unix: number | null) => (unix ? { [k]: chinaTime(unix) } : {});

export function renderTrade(o: Order, shop: PlatformShop) {
  const status = STATUS(o);
  return {
    tid: big(o.order_id), tid_str: o.order_id, status, type: 'fixed', created: chinaTime(o.created), modified: chinaTime(o.modified),
    ...opt('pay_time', o.paid_at), ...opt('consign_time', o.shipped_at), ...opt('end_time', o.finished_at),
    total_fee: yuan(totalFen(o) - o.post_fen), post_fee: yuan(o.post_fen), discount_fee: yuan(o.discount_fen), adjust_fee: '0.00',
    payment: yuan(paidFen(o)), received_payment: o.status === 'completed' ? yuan(paidFen(o)) : '0.00',
    buyer_nick: o.buyer.nickname ? `${Array.from(o.buyer.nickname)[0]}**` : '', buyer_open_uid: o.buyer.id,
    buyer_message: o.buyer_message, seller_memo: o.seller_memo, seller_flag: 0,
    receiver_name: maskName(o.receiver.name), receiver_mobile: maskPhoneTail(o.receiver.phone), receiver_phone: '',
    receiver_address: maskAddress(o.receiver.address), receiver_state: o.receiver.province, receiver_city: o.receiver.city,
    receiver_district: o.receiver.district, receiver_town: '', receiver_zip: '000000',
    oaid: taobaoOaid(o.receiver, shop.shop_id, shop.app_key, o.created), trade_from: 'WAP,WAP',
    orders: {
      order: o.items.map((i) => ({
        oid: big(i.sub_id), oid_str: i.sub_id, status, refund_status: REFUND[i.refund], title: i.title, price: yuan(i.price_fen), num: i.quantity,
        num_iid: big(i.product_id), sku_id: i.sku_id, outer_iid: i.outer_code, outer_sku_id: i.outer_code, sku_properties_name: i.properties,
        total_fee: yuan(i.price_fen * i.quantity), payment: yuan(i.paid_fen), discount_fee: yuan(i.price_fen * i.quantity - i.paid_fen),
        adjust_fee: '0.00', divide_order_fee: yuan(i.paid_fen), ...opt('consign_time', o.shipped_at), ...opt('end_time', o.finished_at),
      })),
    },
  };
}

/** JSON with the placeholders turned into bare numbers (precision beyond 2^53, as TOP sends). */
const rawJson = (v: unknown) => JSON.stringify(v).replace(/"__BIG__(\d+)__"/g, '$1');

export function registerTaobao(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['GET', 'POST'], '/taobao/router/rest', ({ query, body }) => {
    const p = flatParams(query, body);
    if (p.method !== METHOD) throw perr('param', `the simulator has no TOP method ${p.method ?? '(none)'}`);
    const apps = shopsByAppKey(gate.sim, 'taobao', p.app_key ?? '');
    if (apps.length === 0) throw perr('app_key', `app_key ${p.app_key ?? ''} does not exist`);
    if (!p.sign || p.sign.toUpperCase() !== topSign(p, apps[0].app_secret)) throw perr('sign', 'Invalid signature');
    const shop = shopForApp(gate, 'taobao', p.app_key, p.session);
    admit(gate, shop, 'list');
    const start = parseChinaTime(p.start_modified);
    const end = parseChinaTime(p.end_modified);
    if (start === null || end === null) throw perr('param', 'start_modified and end_modified are required (yyyy-MM-dd HH:mm:ss)');
    if (end < start) throw perr('window', 'end_modified must not be before start_modified');
    if (end - start > 86400) throw perr('window', '查询时间跨度不能超过一天 (start_modified..end_modified ≤ 1 day)');
    const pageNo = intParam(p, 'page_no', 1);
    const pageSize = intParam(p, 'page_size', 40);
    if (pageNo < 1 || pageSize < 1 || pageSize > 100) throw perr('param', 'page_no ≥ 1, page_size 1..100');
    const all = byModified(shop, start, end);
    const page = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    const useHasNext = p.use_has_next === 'true';
    const resp: Record<string, unknown> = useHasNext ? { has_next: all.length > pageNo * pageSize } : { total_results: all.length };
    if (page.length > 0) resp.trades = { trade: page.map((o) => renderTrade(o, shop)) };
    resp.request_id = requestId();
    const out = rawJson({ trades_sold_increment_get_response: resp });
    afterList(gate, shop);
    return out;
  }, renderTopError);
}
