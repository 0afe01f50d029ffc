// The real sample exports in /work/shared/fixtures/orders. Every expected number was counted from the
// files independently of this code, with the Python command in the comment beside it
// (F=/work/shared/fixtures/orders; D=Decimal; rows read with csv.DictReader, header cells stripped).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAll as read } from './testdata/read-all.ts';
import { orderFixtures } from './testdata/fixtures.ts';

const F = orderFixtures();
const readAll = (file: string) => read(`${F}/${file}`);

const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;

test('Taobao 订单报表 CSV (UTF-8 BOM, 46 columns)', async () => {
  const { opened, orders, rejects } = await readAll('taobao-orders-2017-05.csv');
  assert.deepEqual({ ...opened.detected, headers: opened.detected.headers.length }, {
    kind: 'taobao_orders', platform: 'taobao', format: 'csv', encoding: 'utf-8-bom', headers: 46,
  });
  assert.equal(opened.bytesRead(), opened.bytesTotal);
  // python3 -c "import csv;print(len(list(csv.reader(open('$F/taobao-orders-2017-05.csv',encoding='utf-8-sig'))))-1)" → 3989
  assert.equal(orders.length, 3989);
  assert.equal(rejects.length, 0);
  // Counter((len(id.strip()), id.strip()[-2:]) for id in ids) → 17-digit '00': 3928; 16-digit '50'/'30'/'40': 42+11+8 = 61
  assert.equal(count(orders, (o) => o.orderId.length === 17 && o.orderId.endsWith('00')), 3928);
  assert.equal(count(orders, (o) => o.orderId.length === 16 && o.orderId.endsWith('0')), 61);
  assert.equal(count(orders, (o) => o.idSuspect), 3989);
  assert.equal(new Set(orders.map((o) => o.orderId)).size, 3989);
  // len(set(r['买家会员名'].strip() for r in rows)) → 3411
  assert.equal(new Set(orders.map((o) => o.buyerKey)).size, 3411);
  assert.ok(orders.every((o) => o.buyerKey !== null && o.buyerKey === o.buyerNick));
  // sum(1 for r in rows if float(r['退款金额'])>0) → 46
  assert.equal(count(orders, (o) => (o.refundFen ?? 0) > 0), 46);
  // D(退款金额)>0 and D(买家实际支付金额)==0 → 1 ; D(退款金额)>0 and D(买家实际支付金额)>0 → 45
  assert.equal(count(orders, (o) => o.refundState === 'full'), 1);
  assert.equal(count(orders, (o) => o.refundState === 'partial'), 45);
  // sum(int(D(r['买家实际支付金额'])*100)) → 28965594 ; same for 退款金额 → 135549
  assert.equal(orders.reduce((a, o) => a + (o.paidFen ?? 0), 0), 28965594);
  assert.equal(orders.reduce((a, o) => a + (o.refundFen ?? 0), 0), 135549);
  // Counter(r['订单状态']) → {'交易成功': 3989}
  assert.ok(orders.every((o) => o.status === 'completed' && o.rawStatus === '交易成功'));
  // sum(1 for r in rows if r['收货地址'].split(' ')[2]=='') → 131 (东莞市, 中山市… have no district)
  assert.equal(count(orders, (o) => o.district === null), 131);
  assert.ok(orders.every((o) => o.province !== null && o.city !== null));
  // 联系手机 holds the publisher's opaque tokens (AC5CCC66557); 联系电话 is mostly landlines, but two rows
  // carry a mobile with odd dashes (`'186-17106-241`).
  // sum(1 for r in rows if re.fullmatch(r'1[3-9]\d{9}', re.sub(r"[\s'\-]", '', r['联系电话']))) → 2
  assert.deepEqual(orders.filter((o) => o.phone !== null).map((o) => [o.line, o.phone, o.receiverPhoneMasked]), [
    [1033, '18617106241', '186****6241'],
    [1156, '15900793758', '159****3758'],
  ]);
  assert.equal(count(orders, (o) => o.receiverPhoneMasked !== null), 2);
  assert.ok(orders.every((o) => o.items === null && o.shopExternalId === null));

  const first = orders[0];
  assert.equal(first.orderId, '21407300627014900'); // `21407300627014900 ` in the file
  assert.equal(first.line, 2);
  assert.equal(orders[3988].line, 3990); // wc -l → 3990 lines, no multi-line cells
  assert.equal(first.paidFen, 5851); // 买家实际支付金额 58.51
  assert.equal(first.totalFen, 5851);
  assert.equal(first.createdAt?.toISOString(), '2017-05-30T15:18:00.000Z'); // 2017/5/30 23:18 in Shanghai
  assert.equal(first.paidAt?.toISOString(), '2017-05-30T15:18:00.000Z');
  assert.deepEqual([first.province, first.city, first.district], ['广东省', '广州市', '越秀区']);
  assert.equal(first.buyerKey, '1425');
});

test('Taobao 订单报表 xls gives the same records as the CSV', async () => {
  const csv = await readAll('taobao-orders-2017-05.csv');
  const xls = await readAll('taobao-orders-2017-05.xls');
  assert.equal(xls.opened.detected.format, 'xls');
  assert.equal(xls.opened.detected.encoding, null);
  assert.equal(xls.opened.detected.kind, 'taobao_orders');
  assert.equal(xls.orders.length, 3989);
  assert.equal(xls.rejects.length, 0);
  // Every order, field by field (the xls has numbers where the CSV has text, and an extra index column).
  for (let i = 0; i < csv.orders.length; i++) assert.deepEqual(xls.orders[i], csv.orders[i], `order ${i}`);
});

test('Taobao 宝贝报表 CSV (10 columns)', async () => {
  const { opened, items, rejects } = await readAll('taobao-items-2017-05.csv');
  assert.equal(opened.detected.kind, 'taobao_items');
  assert.equal(opened.detected.encoding, 'utf-8-bom');
  // len(list(csv.DictReader(...Items))) → 21897 ; len(set(r['订单编号'].strip())) → 3989
  assert.equal(items.length, 21897);
  assert.equal(rejects.length, 0);
  assert.equal(new Set(items.map((i) => i.orderId)).size, 3989);
  // sum(int(r['购买数量'])) → 96111 ; sum(int(D(r['价格'])*100)*int(r['购买数量'])) → 31522643
  assert.equal(items.reduce((a, i) => a + i.quantity, 0), 96111);
  assert.equal(items.reduce((a, i) => a + (i.priceFen ?? 0) * i.quantity, 0), 31522643);
  // sum(1 for r in it if r['订单状态']=='交易关闭') → 73
  assert.equal(count(items, (i) => i.orderStatus === 'closed'), 73);
  assert.ok(items.every((i) => i.idSuspect));
  const first = items[0];
  assert.deepEqual(
    { orderId: first.orderId, title: first.title, priceFen: first.priceFen, quantity: first.quantity, properties: first.properties, outerCode: first.outerCode },
    { orderId: '21407300627014900', title: '发光玩具批发光纤手指灯闪光夜市热卖货源儿童玩具地摊义乌厂家', priceFen: 58, quantity: 12, properties: '颜色分类：小号', outerCode: 'WY013-2SZD0426' },
  );
  // The zero-tailed ids still join: every item's order is in the 订单报表.
  const orders = await readAll('taobao-orders-2017-05.csv');
  const ids = new Set(orders.orders.map((o) => o.orderId));
  assert.ok(items.every((i) => ids.has(i.orderId)));
});

test('reduced Tmall report (UTF-8, 7 columns)', async () => {
  const { opened, orders, rejects } = await readAll('tmall-order-report-2020-02.csv');
  assert.deepEqual([opened.detected.kind, opened.detected.platform, opened.detected.encoding], ['tmall_report', 'tmall', 'utf-8']);
  // len(rows) → 28010 ; sum(1 for r in tm if r['订单付款时间'].strip()) → 24087
  assert.equal(orders.length, 28010);
  assert.equal(rejects.length, 0);
  assert.equal(count(orders, (o) => o.paidAt !== null), 24087);
  // sum(1 for r in tm if D(r['退款金额'])>0) → 5646 ; of those D(买家实际支付金额)==0 → 5132, >0 → 514
  // (spec §5: 21.3% of paid orders fully refunded = 5132/24087, 2.1% partially = 514/24087)
  assert.equal(count(orders, (o) => (o.refundFen ?? 0) > 0), 5646);
  assert.equal(count(orders, (o) => o.refundState === 'full'), 5132);
  assert.equal(count(orders, (o) => o.refundState === 'partial'), 514);
  // sum(int(D(r['买家实际支付金额'])*100)) → 190248715 ; 总金额 → 299576061
  assert.equal(orders.reduce((a, o) => a + (o.paidFen ?? 0), 0), 190248715);
  assert.equal(orders.reduce((a, o) => a + (o.totalFen ?? 0), 0), 299576061);
  assert.ok(orders.every((o) => o.buyerKey === null && o.items === null && o.city === null));
  // Counter(r['收货地址'])['上海'] → 3353
  assert.equal(count(orders, (o) => o.province === '上海'), 3353);
  // No status column: unpaid → pending_payment (28010-24087 = 3923), fully refunded → closed, rest paid.
  assert.equal(count(orders, (o) => o.status === 'pending_payment'), 3923);
  assert.equal(count(orders, (o) => o.status === 'closed'), 5132);
  assert.equal(count(orders, (o) => o.status === 'paid'), 28010 - 3923 - 5132);
  assert.equal(orders[1].paidAt?.toISOString(), '2020-02-20T16:00:02.000Z'); // 2020-02-21 00:00:02
});
