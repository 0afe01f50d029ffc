// Each platform gateway: its signature / credential checks and window limits answered in the
// platform's own error format, its money unit, its statuses, its privacy rules, its paging.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../server.ts';
import { douyinCall, jdCall, kuaishouCall, makeShop, nowSec, pddCall, spreadOrders, startPlatformSim, taobaoCall, taobaoRaw, wechatPost, wechatToken, youzanCall, youzanToken } from './test-support.ts';
import { chinaTime } from './privacy.ts';

let sim: RunningSimulator;
const T0 = nowSec() - 3 * 3600;
const one = (price_fen: number, extra: Record<string, unknown> = {}) => ({
  buyer: { id: 'buyer-x', unionid: 'union-x', nickname: '林小姐' }, items: [{ title: '燕窝 6瓶', price_fen, outer_code: 'YW-6' }],
  receiver: { name: '林小坤', phone: '13812345678', province: '广东省', city: '广州市', district: '天河区', address: '中山路12号' },
  created_at: T0, modified_at: T0 + 60, ...extra,
});

before(async () => {
  sim = await startPlatformSim();
});
after(() => sim.stop());

test('Taobao: MD5 sign with the app secret, session, 1-day window, yuan strings, masked receiver + oaid, tid beyond 2^53 as raw JSON', async () => {
  const c = await makeShop(sim, 'taobao');
  const { order_ids } = await sim.control.platforms.addOrders('taobao', c.shopId, [one(12_345, { post_fen: 1000 })]);
  const win = { start_modified: chinaTime(T0 - 60), end_modified: chinaTime(T0 + 3600), page_size: '100', fields: 'tid' };
  assert.equal((await taobaoCall(sim.url, c, win, 'wrong-secret')).error_response.code, 25);
  const badSession = await taobaoCall(sim.url, c, { ...win, session: 'nope' });
  assert.equal(badSession.error_response.code, 27);
  const wide = await taobaoCall(sim.url, c, { ...win, end_modified: chinaTime(T0 + 86400 + 1) });
  assert.equal(wide.error_response.code, 41);
  assert.match(wide.error_response.sub_msg, /一天/);
  const ok = await taobaoCall(sim.url, c, win);
  const r = ok.trades_sold_increment_get_response;
  assert.equal(r.total_results, 1);
  const t = r.trades.trade[0];
  assert.equal(t.tid_str, order_ids[0]);
  assert.equal(t.payment, '133.45');
  assert.equal(t.total_fee, '123.45');
  assert.equal(t.post_fee, '10.00');
  assert.equal(t.status, 'WAIT_SELLER_SEND_GOODS');
  assert.equal(t.buyer_open_uid, 'buyer-x');
  assert.equal(t.receiver_name, '林**');
  assert.equal(t.receiver_mobile, '*******5678');
  assert.equal(t.receiver_state, '广东省');
  assert.ok(t.oaid && t.oaid.length > 20);
  const raw = await taobaoRaw(sim.url, c, win);
  assert.ok(raw.includes(`"tid":${order_ids[0]},`), 'tid goes out as a bare number, exactly as its digits');
});

test('Taobao: oaid is the same within a natural week and changes the next; buyer_open_uid never changes', async () => {
  const c = await makeShop(sim, 'taobao', 'tb-oaid');
  // 2024-01-01 was a Monday (Beijing time).
  const monday = Date.UTC(2024, 0, 1, 2) / 1000 - 8 * 3600 + 8 * 3600; // 10:00 Beijing
  const at = [monday, monday + 3 * 86400, monday + 7 * 86400];
  await sim.control.platforms.addOrders('taobao', c.shopId, at.map((t) => ({ ...one(1000), created_at: t, modified_at: t + 60 })));
  const trades: any[] = [];
  for (const t of at) {
    const r = await taobaoCall(sim.url, c, { start_modified: chinaTime(t), end_modified: chinaTime(t + 120) });
    trades.push(r.trades_sold_increment_get_response.trades.trade[0]);
  }
  assert.equal(trades[0].oaid, trades[1].oaid, 'same week, same receiver → same oaid');
  assert.notEqual(trades[1].oaid, trades[2].oaid, 'next natural week → a new oaid');
  assert.deepEqual(new Set(trades.map((t) => t.buyer_open_uid)), new Set(['buyer-x']));
});

test('Douyin: fen integers, page from 0, size ≤ 100, encrypt_post_* and mask_post_*, bad sign in Douyin format', async () => {
  const c = await makeShop(sim, 'douyin');
  await sim.control.platforms.addOrders('douyin', c.shopId, [one(12_345)]);
  const biz = { page: 0, size: 100, update_time_start: T0 - 60, update_time_end: T0 + 600, order_by: 'update_time', order_asc: false };
  const bad = await douyinCall(sim.url, c, biz, 'wrong');
  assert.equal(bad.code, 30002);
  assert.equal(bad.sub_code, 'isv.sign-invalid');
  assert.equal((await douyinCall(sim.url, c, { ...biz, size: 101 })).code, 40004);
  const ok = await douyinCall(sim.url, c, biz);
  assert.equal(ok.code, 10000);
  const o = ok.data.shop_order_list[0];
  assert.equal(o.pay_amount, 12_345);
  assert.equal(o.order_amount, 12_345);
  assert.equal(o.doudian_open_id, 'buyer-x');
  assert.match(o.encrypt_post_tel, /^\$.*\$\$$/);
  assert.equal(o.mask_post_tel, '138****5678');
  assert.equal(o.mask_post_receiver, '林**');
  assert.equal(o.post_addr.province.name, '广东省');
  assert.equal(o.sku_order_list[0].pay_amount, 12_345);
  assert.equal((await douyinCall(sim.url, c, { ...biz, page: 1 })).data.shop_order_list.length, 0);
});

test('PDD: window ≤ 30 min, ciphertext only while 待发货, masks always, yuan', async () => {
  const c = await makeShop(sim, 'pinduoduo');
  const [paid, shipped] = (await sim.control.platforms.addOrders('pinduoduo', c.shopId, [one(9_990), { ...one(5_000), status: 'shipped', shipped_at: T0 + 40 }])).order_ids;
  const base = { start_updated_at: String(T0), end_updated_at: String(T0 + 1800), page: '1', page_size: '100', order_status: '5', refund_status: '5' };
  assert.equal((await pddCall(sim.url, c, { ...base, end_updated_at: String(T0 + 1801) })).error_response.error_code, 10000);
  assert.equal((await pddCall(sim.url, c, base, 'wrong')).error_response.error_code, 10011);
  const list = (await pddCall(sim.url, c, base)).order_sn_increment_get_response;
  assert.equal(list.total_count, 2);
  const byId = new Map<string, any>(list.order_sn_list.map((o: any) => [o.order_sn, o]));
  assert.match(byId.get(paid).receiver_phone, /^\$/);
  assert.equal(byId.get(paid).receiver_name_mask, '林*坤');
  assert.equal(byId.get(paid).pay_amount, '99.90');
  assert.equal(byId.get(shipped).receiver_phone, '', 'no ciphertext once shipped');
  assert.equal(byId.get(shipped).receiver_phone_mask, '1*********8');
});

test('JD: 30-day window, open_id_buyer, yuan strings; gateway errors as error_response, business ones in apiResult', async () => {
  const c = await makeShop(sim, 'jd');
  await sim.control.platforms.addOrders('jd', c.shopId, [one(12_345)]);
  const biz = { start_date: chinaTime(T0 - 60), end_date: chinaTime(T0 + 600), page: '1', page_size: '100', dateType: '0', sortType: '1' };
  assert.equal((await jdCall(sim.url, c, biz, 'wrong')).error_response.code, '12');
  const wide = await jdCall(sim.url, c, { ...biz, end_date: chinaTime(T0 + 31 * 86400) });
  assert.equal(wide.jingdong_pop_order_search_responce.searchorderinfo_result.apiResult.success, false);
  const r = (await jdCall(sim.url, c, biz)).jingdong_pop_order_search_responce.searchorderinfo_result;
  assert.equal(r.orderTotal, 1);
  assert.equal(r.orderInfoList[0].orderPayment, '123.45');
  assert.equal(r.orderInfoList[0].open_id_buyer, 'buyer-x');
  assert.equal(r.orderInfoList[0].consigneeInfo.mobile, '138****5678');
});

test('Kuaishou: signSecret MD5, 7-day window, a cursor walk to "nomore", fen', async () => {
  const c = await makeShop(sim, 'kuaishou');
  await sim.control.platforms.addOrders('kuaishou', c.shopId, spreadOrders(250, T0, T0 + 3600, { price: 12_345 }));
  const param = { queryType: 2, beginTime: T0 * 1000, endTime: (T0 + 7200) * 1000, pageSize: 100, sort: 1, orderViewStatus: 1, cursor: '' };
  assert.equal((await kuaishouCall(sim.url, c, param, 'wrong')).result, 28);
  assert.equal((await kuaishouCall(sim.url, c, { ...param, endTime: (T0 + 8 * 86400) * 1000 })).result, 12);
  const seen = new Set<number>();
  let cursor = '';
  for (let i = 0; i < 10; i++) {
    const r = await kuaishouCall(sim.url, c, { ...param, cursor });
    assert.equal(r.result, 1);
    for (const o of r.data.orderList) seen.add(o.orderBaseInfo.oid);
    assert.equal(r.data.orderList[0].orderBaseInfo.totalFee, 12_345);
    cursor = r.data.cursor;
    if (cursor === 'nomore') break;
  }
  assert.equal(cursor, 'nomore');
  assert.equal(seen.size, 250);
});

test('Youzan: token by silent grant, page_no ≤ 100, 3-month window, yuan numbers, yz_open_id', async () => {
  const c = await makeShop(sim, 'youzan', '90001');
  await sim.control.platforms.addOrders('youzan', c.shopId, [one(12_345)]);
  assert.equal((await youzanToken(sim.url, c, c.shopId, 'wrong')).success, false);
  const tok = await youzanToken(sim.url, c, c.shopId);
  assert.equal(tok.success, true);
  const token = tok.data.access_token;
  const biz = { start_update: chinaTime(T0 - 60), end_update: chinaTime(T0 + 600), page_no: 1, page_size: 100 };
  assert.equal((await youzanCall(sim.url, 'bad-token', biz)).gw_err_resp.err_code, 4202);
  assert.equal((await youzanCall(sim.url, token, { ...biz, page_no: 101 })).success, false);
  assert.equal((await youzanCall(sim.url, token, { ...biz, end_update: chinaTime(T0 + 93 * 86400) })).code, 141500101);
  const r = await youzanCall(sim.url, token, biz);
  const f = r.data.full_order_info_list[0].full_order_info;
  assert.equal(f.pay_info.payment, 123.45);
  assert.equal(f.buyer_info.yz_open_id, 'buyer-x');
  assert.equal(f.address_info.receiver_tel, '138****5678');
});

test('WeChat Shop: token, list gives only ids + next_key within 7 days, get per id, fen, openid + unionid, masked address', async () => {
  const c = await makeShop(sim, 'wechat_shop', 'wx-shop-1', 1000); // 150 detail calls in well under a second
  await sim.control.platforms.addOrders('wechat_shop', c.shopId, [...spreadOrders(150, T0, T0 + 3600), one(12_345)]);
  assert.equal((await wechatToken(sim.url, c, 'wrong')).errcode, 40125);
  const token = (await wechatToken(sim.url, c)).access_token;
  const range = { start_time: T0 - 60, end_time: T0 + 7200 };
  assert.equal((await wechatPost(sim.url, token, '/channels/ec/order/list/get', { update_time_range: { ...range, end_time: T0 + 8 * 86400 }, page_size: 100 })).errcode, 40097);
  assert.equal((await wechatPost(sim.url, 'bad', '/channels/ec/order/list/get', { update_time_range: range, page_size: 100 })).errcode, 40001);
  const ids: string[] = [];
  let next = '';
  for (;;) {
    const r = await wechatPost(sim.url, token, '/channels/ec/order/list/get', { update_time_range: range, page_size: 100, ...(next && { next_key: next }) });
    assert.equal(r.errcode, 0);
    assert.equal(r.order_list, undefined);
    ids.push(...r.order_id_list);
    next = r.next_key;
    if (!r.has_more) break;
  }
  assert.equal(new Set(ids).size, 151);
  const details: any[] = [];
  for (const id of ids) details.push(await wechatPost(sim.url, token, '/channels/ec/order/get', { order_id: id }));
  assert.ok(details.every((d) => d.errcode === 0));
  const o = details.map((d) => d.order).find((x) => x.openid === 'buyer-x');
  assert.equal(o.unionid, 'union-x');
  assert.equal(o.order_detail.price_info.order_price, 12_345);
  assert.equal(o.order_detail.delivery_info.address_info.tel_number, '138****5678');
  assert.equal(o.order_detail.delivery_info.address_info.detail_info, '****');
});

test('faults answer in the platform format and count down; the per-app QPS limit answers "limit"', async () => {
  const c = await makeShop(sim, 'douyin', 'dy-faults', 3);
  const biz = { page: 0, size: 10, update_time_start: T0, update_time_end: T0 + 60 };
  await sim.control.platforms.addFault({ platform: 'douyin', shop_id: c.shopId, kind: 'busy', count: 1, after_calls: 1 });
  assert.equal((await douyinCall(sim.url, c, biz)).code, 10000, 'after_calls lets the first one through');
  assert.equal((await douyinCall(sim.url, c, biz)).code, 20000);
  await new Promise((r) => setTimeout(r, 1100));
  const burst = await Promise.all([1, 2, 3, 4, 5].map(() => douyinCall(sim.url, c, biz)));
  assert.ok(burst.some((r) => r.code === 90000), 'over 3 calls a second for this app');
  await sim.control.platforms.clearFaults();
});
