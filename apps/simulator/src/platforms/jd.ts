// JD JOS: POST /jd/routerjson (real: https://api.jd.com/routerjson), method jingdong.pop.order.search.
// Common params app_key, access_token, timestamp, v=2.0, 360buy_param_json, sign (MD5 as TOP's).
// Business: start_date/end_date (yyyy-MM-dd HH:mm:ss) span ≤ 30 days, dateType 0 = by modified,
// sortType 1 = newest first, page from 1, page_size ≤ 100. Gateway errors as
// {error_response:{code,zh_desc,en_desc}}; business errors inside apiResult (success false).
// Money: yuan strings. Buyer: open_id_buyer / xid_buyer (the pin is gone). Receivers masked.
// JD only lists paid orders here; a paid order that was cancelled is TRADE_CANCELED.
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order } from './state.ts';
import { admit, afterList, byModified, flatParams, intParam, perr, platformRoute, shopForApp } from './gateway.ts';
import { paidFen, shopsByAppKey, totalFen } from './state.ts';
import { chinaTime, maskAddress, maskName, maskPhone, parseChinaTime, yuan } from './privacy.ts';
import { topSign } from '@siyu/platform-sign';

const METHOD = 'jingdong.pop.order.search';
const RESPONSE = 'jingdong_pop_order_search_responce'; // sic: JD spells it so

const GATEWAY: Partial<Record<PlatformError['kind'], { code: string; zh_desc: string; en_desc: string }>> = {
  app_key: { code: '14', zh_desc: '无效的app_key', en_desc: 'Invalid app_key' },
  sign: { code: '12', zh_desc: '无效签名', en_desc: 'Invalid signature' },
  token: { code: '19', zh_desc: 'token已过期或者不存在，请重新授权访问', en_desc: 'Invalid access_token' },
  limit: { code: '85', zh_desc: '调用次数超过限制', en_desc: 'Call limited' },
  busy: { code: '66', zh_desc: '平台连接后端服务不可用', en_desc: 'Service unavailable' },
};

export function renderJdError(err: PlatformError) {
  const g = GATEWAY[err.kind];
  if (g) return { error_response: g };
  return { [RESPONSE]: { code: '0', searchorderinfo_result: { apiResult: { success: false, englishErrCode: err.kind, chineseErrCode: err.message, numberCode: 10100050 }, orderInfoList: [], orderTotal: 0 } } };
}

const STATE = (o: Order) =>
  o.status === 'paid' ? 'WAIT_SELLER_STOCK_OUT' : o.status === 'shipped' ? 'WAIT_GOODS_RECEIVE_CONFIRM' : o.status === 'completed' ? 'FINISHED_L' : 'TRADE_CANCELED';
const listed = (o: Order) => o.paid_at !== null && o.status !== 'pending_payment';

export function renderJdOrder(o: Order) {
  const r = o.receiver;
  return {
    orderId: o.order_id, venderId: '', orderType: '22', payType: '4-在线支付', orderState: STATE(o), orderStateRemark: '',
    orderTotalPrice: yuan(totalFen(o) - o.post_fen), orderSellerPrice: yuan(paidFen(o) - o.post_fen), orderPayment: yuan(paidFen(o)),
    freightPrice: yuan(o.post_fen), sellerDiscount: yuan(o.discount_fen), orderRemark: o.buyer_message, venderRemark: o.seller_memo,
    orderStartTime: chinaTime(o.created), modified: chinaTime(o.modified), paymentConfirmTime: o.paid_at ? chinaTime(o.paid_at) : '',
    orderEndTime: o.finished_at ? chinaTime(o.finished_at) : '', open_id_buyer: o.buyer.id, xid_buyer: `xid-${o.buyer.id}`,
    consigneeInfo: { fullname: maskName(r.name), mobile: maskPhone(r.phone), telephone: maskPhone(r.phone), fullAddress: `${r.province}${r.city}${r.district}${maskAddress(r.address)}`, province: r.province, city: r.city, county: r.district },
    itemInfoList: o.items.map((i) => ({ skuId: i.sku_id, wareId: i.product_id, skuName: i.title, outerSkuId: i.outer_code, productNo: i.outer_code, jdPrice: yuan(i.price_fen), itemTotal: String(i.quantity) })),
    couponDetailList: [],
  };
}

export function registerJd(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['POST'], '/jd/routerjson', ({ query, body }) => {
    const p = flatParams(query, body);
    if (p.method !== METHOD) throw perr('param', `不存在的方法名 ${p.method ?? ''}`);
    const apps = shopsByAppKey(gate.sim, 'jd', p.app_key ?? '');
    if (apps.length === 0) throw perr('app_key', `app_key ${p.app_key ?? ''}`);
    if (!p.sign || p.sign.toUpperCase() !== topSign(p, apps[0].app_secret)) throw perr('sign', '无效签名');
    const shop = shopForApp(gate, 'jd', p.app_key, p.access_token);
    admit(gate, shop, 'list');
    let biz: Record<string, unknown>;
    try {
      biz = JSON.parse(p['360buy_param_json'] ?? '{}') as Record<string, unknown>;
    } catch {
      throw perr('param', '360buy_param_json 不是合法的 JSON');
    }
    const start = parseChinaTime(biz.start_date);
    const end = parseChinaTime(biz.end_date);
    if (start === null || end === null || end < start) throw perr('param', 'start_date / end_date 必填 (yyyy-MM-dd HH:mm:ss)，且开始不晚于结束');
    if (end - start > 30 * 86400) throw perr('window', '查询时间跨度不能超过30天');
    if (String(biz.dateType ?? '0') !== '0') throw perr('param', '模拟器只支持 dateType=0（按修改时间）');
    const page = intParam(biz, 'page', 1);
    const size = intParam(biz, 'page_size', 20);
    if (page < 1 || size < 1 || size > 100) throw perr('param', 'page ≥ 1, page_size 1~100');
    const all = byModified(shop, start, end, listed);
    if (String(biz.sortType ?? '0') !== '1') all.reverse(); // JD: ascending unless sortType=1
    const out = {
      [RESPONSE]: {
        code: '0',
        searchorderinfo_result: { apiResult: { success: true, englishErrCode: '', chineseErrCode: '', numberCode: 10100000 }, orderInfoList: all.slice((page - 1) * size, page * size).map(renderJdOrder), orderTotal: all.length },
      },
    };
    afterList(gate, shop);
    return out;
  }, renderJdError);
}
