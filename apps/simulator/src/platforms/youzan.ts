// Youzan 有赞云: POST /youzan/auth/token (client_id, client_secret, authorize_type=silent, grant_id =
// the shop's kdt_id) → access_token; then POST /youzan/api/youzan.trades.sold.get/4.0.0?access_token=
// with start_update/end_update (yyyy-MM-dd HH:mm:ss, span ≤ 3 months), page_no ≤ 100, page_size ≤ 100
// (so ≤ 10,000 rows a window: slice by time). Real host: https://open.youzanyun.com. No request
// signature: the token is the credential. Gateway errors as gw_err_resp, business ones as
// {success:false, code, message}. Money: yuan decimals (JSON numbers). Buyer: yz_open_id.
import type { FastifyInstance } from 'fastify';
import type { Gate, PlatformError } from './gateway.ts';
import type { Order } from './state.ts';
import { admit, afterList, byModified, flatParams, intParam, issueToken, perr, platformRoute, shopForIssuedToken } from './gateway.ts';
import { orderRefund, paidFen, shopsByAppKey, totalFen } from './state.ts';
import { chinaTime, maskAddress, maskName, maskPhone, parseChinaTime } from './privacy.ts';
import { base62 } from '../ids.ts';

const GATEWAY: Partial<Record<PlatformError['kind'], { err_code: number; err_msg: string }>> = {
  token: { err_code: 4202, err_msg: 'access_token 无效或已过期' },
  limit: { err_code: 4101, err_msg: '调用频率超过限制' },
  busy: { err_code: 5001, err_msg: '服务繁忙' },
};
const AUTH: Partial<Record<PlatformError['kind'], number>> = { app_key: 40003, sign: 40004, token: 40005 };

export function renderYouzanError(err: PlatformError) {
  const g = GATEWAY[err.kind];
  if (g) return { gw_err_resp: { ...g, err_msg: `${g.err_msg}: ${err.message}` } };
  return { success: false, code: err.kind === 'window' ? 141500101 : 141500100, message: err.message, data: null };
}
const renderTokenError = (err: PlatformError) => ({ success: false, code: AUTH[err.kind] ?? 50000, message: err.message, data: null });

const STATUS = { pending_payment: ['WAIT_BUYER_PAY', '待付款'], paid: ['WAIT_SELLER_SEND_GOODS', '待发货'], shipped: ['WAIT_BUYER_CONFIRM_GOODS', '已发货'], completed: ['TRADE_SUCCESS', '已完成'], closed: ['TRADE_CLOSED', '已关闭'] } as const;
const REFUND_STATE = { none: 0, in_progress: 1, partial: 2, full: 12 } as const;
const money = (fen: number) => Math.round(fen) / 100;
const time = (unix: number | null) => (unix ? chinaTime(unix) : '');

export function renderFullOrder(o: Order) {
  const [status, statusStr] = STATUS[o.status];
  const r = o.receiver;
  return {
    full_order_info: {
      order_info: {
        tid: o.order_id, status, status_str: statusStr, type: 0, created: chinaTime(o.created), update_time: chinaTime(o.modified),
        pay_time: time(o.paid_at), consign_time: time(o.shipped_at), success_time: o.status === 'completed' ? time(o.finished_at) : '',
        refund_state: REFUND_STATE[orderRefund(o)],
      },
      buyer_info: { buyer_id: 0, yz_open_id: o.buyer.id, fans_type: 1, fans_id: 0, fans_nickname: o.buyer.nickname, outer_user_id: '', buyer_phone: maskPhone(r.phone) },
      address_info: {
        receiver_name: maskName(r.name), receiver_tel: maskPhone(r.phone), delivery_province: r.province, delivery_city: r.city,
        delivery_district: r.district, delivery_address: maskAddress(r.address), delivery_postal_code: '',
      },
      remark_info: { buyer_message: o.buyer_message, trade_memo: o.seller_memo, star: 0 },
      pay_info: { total_fee: money(totalFen(o) - o.post_fen), post_fee: money(o.post_fen), payment: money(paidFen(o)) },
      orders: o.items.map((i) => ({
        oid: i.sub_id, item_id: Number(i.product_id), sku_id: Number(i.sku_id), title: i.title, num: i.quantity, price: money(i.price_fen),
        total_fee: money(i.price_fen * i.quantity), payment: money(i.paid_fen), outer_sku_id: i.outer_code, outer_item_id: i.outer_code,
        sku_properties_name: i.properties ? JSON.stringify(i.properties.split(';').map((kv) => ({ k: kv.split(':')[0], v: kv.split(':')[1] ?? '' }))) : '',
        refund_state: i.refund === 'full' ? 12 : i.refund === 'in_progress' ? 11 : 0,
      })),
    },
  };
}

const TOKEN_SECONDS = 7 * 86400;

export function registerYouzan(app: FastifyInstance, gate: Gate, log: (err: unknown) => void) {
  platformRoute(app, log, ['POST'], '/youzan/auth/token', ({ body }) => {
    const p = flatParams(undefined, body);
    const apps = shopsByAppKey(gate.sim, 'youzan', p.client_id ?? '');
    if (apps.length === 0) throw perr('app_key', 'client_id 无效');
    if (apps[0].app_secret !== p.client_secret) throw perr('sign', 'client_secret 错误');
    const shop = apps.find((s) => s.shop_id === p.grant_id);
    if (!shop) throw perr('token', `店铺 ${p.grant_id ?? ''} 未授权此应用`);
    const token = base62(32);
    const expires = issueToken(gate, shop, token, TOKEN_SECONDS);
    return { success: true, code: 200, message: null, data: { access_token: token, expires: expires * 1000, scope: 'trade', authority_id: shop.shop_id } };
  }, renderTokenError);

  platformRoute(app, log, ['POST'], '/youzan/api/youzan.trades.sold.get/4.0.0', ({ query, body }) => {
    const q = flatParams(query, undefined);
    const shop = shopForIssuedToken(gate, 'youzan', q.access_token ?? '');
    admit(gate, shop, 'list');
    const p = flatParams(undefined, body);
    const start = parseChinaTime(p.start_update);
    const end = parseChinaTime(p.end_update);
    if (start === null || end === null || end < start) throw perr('param', 'start_update / end_update 需成对传入 (yyyy-MM-dd HH:mm:ss)');
    if (end - start > 92 * 86400) throw perr('window', '更新时间跨度不能超过3个月');
    const pageNo = intParam(p, 'page_no', 1);
    const pageSize = intParam(p, 'page_size', 20);
    if (pageNo < 1 || pageNo > 100) throw perr('param', 'page_no 取值 1~100');
    if (pageSize < 1 || pageSize > 100) throw perr('param', 'page_size 取值 1~100');
    const all = byModified(shop, start, end);
    const out = { success: true, code: 200, message: 'successful', data: { total_results: all.length, full_order_info_list: all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(renderFullOrder) } };
    afterList(gate, shop);
    return out;
  }, renderYouzanError);
}
