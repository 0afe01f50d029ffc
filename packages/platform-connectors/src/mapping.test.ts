// Pure rules of the connectors: units, Beijing times, what counts as a masked phone, buyer keys
// (never an oaid), status normalisation, pacing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chinaTime, fen, maskedPhone, parseChinaTime, yuanToFen } from './china-time.ts';
import { mapTrade } from './taobao.ts';
import { mapShopOrder } from './douyin.ts';
import { mapPddOrder } from './pinduoduo.ts';
import { mapWechatOrder } from './wechat-shop.ts';
import { pace } from './throttle.ts';

test('yuan → fen without float error; fen stays fen', () => {
  assert.equal(yuanToFen('123.45'), 12_345);
  assert.equal(yuanToFen('0.1'), 10);
  assert.equal(yuanToFen('58.51元'), 5_851);
  assert.equal(yuanToFen('200'), 20_000);
  assert.equal(yuanToFen(123.45), 12_345);
  assert.equal(yuanToFen(0.29), 29); // 0.29 * 100 = 28.999… in floats
  assert.equal(yuanToFen('-3.50'), -350);
  assert.equal(yuanToFen(''), null);
  assert.equal(yuanToFen('abc'), null);
  assert.equal(fen(12_345), 12_345);
  assert.equal(fen('12345'), 12_345);
  assert.equal(fen('12.3'), null);
});

test('Beijing wall time both ways', () => {
  assert.equal(parseChinaTime('2024-01-01 08:00:00')?.toISOString(), '2024-01-01T00:00:00.000Z');
  assert.equal(chinaTime(new Date('2024-01-01T00:00:00Z')), '2024-01-01 08:00:00');
  assert.equal(parseChinaTime('2024/1/1 8:00'), null);
});

test('a receiver phone is kept only when visibly masked: never ciphertext, never a full number', () => {
  assert.equal(maskedPhone('138****5678'), '138****5678');
  assert.equal(maskedPhone('*******5678'), '*******5678');
  assert.equal(maskedPhone('13812345678'), null);
  assert.equal(maskedPhone('$Y/YKpKSij9Re$AgAAAAKj5K0G=$0$$'), null);
  assert.equal(maskedPhone(''), null);
});

test('Taobao: buyer_open_uid is the key, the oaid never is — not even as a fallback', () => {
  const base = { tid: 1, tid_str: '3412345678901234567', status: 'TRADE_FINISHED', created: '2024-03-01 10:00:00', modified: '2024-03-05 10:00:00', payment: '99.00', total_fee: '99.00', post_fee: '0.00', oaid: '1abcOAIDxyz', orders: { order: [] } };
  assert.equal(mapTrade({ ...base, buyer_open_uid: 'AAH-uid' }, 'tmall').buyerKey, 'AAH-uid');
  const none = mapTrade(base, 'taobao');
  assert.equal(none.buyerKey, null);
  assert.ok(!JSON.stringify(none).includes('1abcOAIDxyz'));
  assert.equal(none.orderId, '3412345678901234567');
  assert.equal(none.status, 'completed');
  assert.equal(none.paidFen, 9_900);
});

test('Douyin: fen as given; a sku refunded in full makes the order refunded; masks kept, ciphertext not', () => {
  const r = mapShopOrder({
    order_id: '6920000000000000001', order_status: 4, create_time: 1_700_000_000, update_time: 1_700_000_600, pay_time: 1_700_000_030,
    order_amount: 12_345, pay_amount: 12_345, post_amount: 0, promotion_amount: 0, doudian_open_id: 'dy-open',
    encrypt_post_tel: '$x$y$1$$', mask_post_tel: '138****5678', mask_post_receiver: '林**', post_addr: { province: { name: '广东省' }, city: { name: '广州市' }, town: { name: '天河区' } },
    sku_order_list: [{ order_id: 's1', product_id: 'p1', sku_id: 'k1', product_name: '燕窝', item_num: 1, origin_amount: 12_345, pay_amount: 12_345, after_sale_info: { after_sale_status: 12, refund_status: 3 } }],
  });
  assert.equal(r.paidFen, 12_345);
  assert.equal(r.status, 'closed');
  assert.equal(r.refundState, 'full');
  assert.equal(r.refundFen, 12_345);
  assert.equal(r.receiverPhoneMasked, '138****5678');
  assert.equal(r.phone, null);
  assert.equal(r.district, '天河区');
});

test('PDD: no buyer key; 退款成功 closes the order; masks, not ciphertext', () => {
  const r = mapPddOrder({ order_sn: '240101-123', order_status: 2, refund_status: 4, pay_amount: '99.90', goods_amount: '99.90', postage: '0.00', updated_at: '2024-01-02 10:00:00', receiver_phone: '$abc$def$0$$', receiver_phone_mask: '1*********8', receiver_name_mask: '林*坤', item_list: [] });
  assert.equal(r.buyerKey, null);
  assert.equal(r.status, 'closed');
  assert.equal(r.refundFen, 9_990);
  assert.equal(r.receiverPhoneMasked, '1*********8');
});

test('WeChat Shop: openid is the buyer key and the unionid rides along', () => {
  const r = mapWechatOrder({ order_id: '3700000000000000001', status: 100, create_time: 1_700_000_000, update_time: 1_700_100_000, openid: 'o-1', unionid: 'u-1', order_detail: { price_info: { product_price: 5_000, order_price: 5_000, freight: 0 }, product_infos: [] } });
  assert.equal(r.buyerKey, 'o-1');
  assert.equal(r.unionid, 'u-1');
  assert.equal(r.status, 'completed');
  assert.equal(r.paidFen, 5_000);
});

test('pace spaces calls of one key, not of different keys', async () => {
  const t0 = Date.now();
  for (let i = 0; i < 4; i++) await pace('pace-test-a', 50);
  assert.ok(Date.now() - t0 >= 140, `four calls 50 ms apart (${Date.now() - t0} ms)`);
  const t1 = Date.now();
  await Promise.all(['x', 'y', 'z'].map((k) => pace(`pace-test-${k}`, 200)));
  assert.ok(Date.now() - t1 < 100, 'first calls of different keys do not wait');
});
