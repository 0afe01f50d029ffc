// One generated file per header set of the spec (testdata/make-testdata.ts), each in the encoding
// such files come in: detection, field mapping, grouping, status and refund normalisation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAll, TESTDATA } from './testdata/read-all.ts';

const open = (name: string) => readAll(`${TESTDATA}${name}`);
const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

test('Taobao 订单报表 45 columns, GBK', async () => {
  const { detected, orders, rejects } = await open('taobao-orders-45.gbk.csv');
  assert.deepEqual([detected.kind, detected.platform, detected.format, detected.encoding, detected.headers.length], ['taobao_orders', 'taobao', 'csv', 'gbk', 45]);
  assert.equal(rejects.length, 0);
  assert.deepEqual(orders.map((o) => [o.line, o.status, o.rawStatus, o.refundState]), [
    [2, 'paid', '买家已付款,等待卖家发货', 'none'],
    [3, 'completed', '交易成功', 'partial'],
    [4, 'closed', '交易关闭', 'full'],
    [5, 'pending_payment', '等待买家付款', 'none'],
    [6, 'shipped', '卖家已发货,等待买家确认', 'none'],
    [7, 'closed', '退款成功', 'full'],
  ]);
  const [a, b, c, d, e, f] = orders;
  assert.deepEqual(pick(a, ['orderId', 'idSuspect', 'buyerKey', 'buyerNick', 'phone', 'receiverPhoneMasked', 'receiverName', 'province', 'city', 'district', 'shopExternalId', 'shopName', 'buyerMessage', 'sellerMemo', 'items']), {
    orderId: '1398462750138467213', idSuspect: false, buyerKey: 'tb_小鱼儿', buyerNick: 'tb_小鱼儿', phone: '13857112345', receiverPhoneMasked: '138****2345', receiverName: '王小鱼',
    province: '浙江省', city: '杭州市', district: '西湖区', shopExternalId: '103759488', shopName: '小鱼家居旗舰店', buyerMessage: '请尽快发货', sellerMemo: '老客户 送小礼品', items: null,
  });
  assert.deepEqual(pick(a, ['totalFen', 'paidFen', 'postFen', 'refundFen']), { totalFen: 13800, paidFen: 13800, postFen: 1000, refundFen: 0 });
  assert.equal(a.createdAt?.toISOString(), '2016-11-10T16:03:12.000Z');
  assert.deepEqual(pick(b, ['totalFen', 'paidFen', 'refundFen', 'phone']), { totalFen: 120000, paidFen: 115000, refundFen: 5000, phone: '13905712222' });
  assert.equal(b.paidAt?.toISOString(), '2016-11-12T01:06:00.000Z'); // 2016/11/12 9:06, no seconds
  assert.deepEqual([c.phone, c.receiverPhoneMasked, c.province, c.city], [null, '138****5678', '内蒙古自治区', '呼和浩特市']);
  assert.deepEqual([d.paidAt, d.district], [null, null]); // 东莞市 has no district
  assert.deepEqual([e.totalFen, e.paidFen, e.phone, e.receiverPhoneMasked], [8800, 8800, null, null]); // ￥, 元, ciphertext phone
  assert.deepEqual([f.orderId, f.idSuspect], ['21407300627014900', true]);
  // 买家支付宝账号 is never an identity and never copied anywhere.
  assert.ok(!JSON.stringify(orders).includes('xiaoyu@163.com'));
  // Only 省/市/区 leave the parser, never the street.
  assert.ok(!JSON.stringify(orders).includes('文三路'));
});

test('Taobao 订单报表 61 columns: UTF-8 BOM CSV and xlsx', async () => {
  const csv = await open('taobao-orders-61.csv');
  assert.deepEqual([csv.detected.kind, csv.detected.encoding, csv.detected.headers.length], ['taobao_orders', 'utf-8-bom', 61]);
  const [a, b] = csv.orders;
  assert.equal(a.orderId, '2071653429817364512');
  assert.equal(a.finishedAt?.toISOString(), '2021-11-18T02:00:00.000Z'); // 确认收货时间
  assert.equal(a.createdAt?.toISOString(), '2021-11-10T16:05:00.000Z'); // 2021/11/11 0:05
  assert.deepEqual([b.status, b.phone, b.receiverPhoneMasked], ['paid', null, '1******6198']);

  const xlsx = await open('taobao-orders-61.xlsx');
  assert.deepEqual([xlsx.detected.kind, xlsx.detected.format, xlsx.detected.encoding], ['taobao_orders', 'xlsx', null]);
  assert.equal(xlsx.rejects.length, 0);
  const [x] = xlsx.orders;
  assert.deepEqual(pick(x, ['orderId', 'line', 'totalFen', 'paidFen', 'refundFen', 'refundState', 'phone', 'shopExternalId']), {
    orderId: '2071653429817364599', line: 2, totalFen: 19900, paidFen: 17950, refundFen: 1950, refundState: 'partial', phone: '13857112345', shopExternalId: null,
  });
  assert.equal(x.createdAt?.toISOString(), '2022-06-18T12:01:02.000Z'); // a Date cell holding 20:01:02 wall time
  assert.equal(x.paidAt?.toISOString(), '2022-06-18T12:01:40.000Z'); // the bare serial 44730.834490…
});

test('宝贝报表 28 columns (sub-orders), GBK', async () => {
  const { detected, items, rejects } = await open('taobao-items-28.gbk.csv');
  assert.deepEqual([detected.kind, detected.encoding], ['taobao_items', 'gbk']);
  assert.equal(rejects.length, 0);
  assert.deepEqual(items.map((i) => [i.orderId, i.subOrderId, i.productId, i.outerCode, i.priceFen, i.quantity, i.amountFen, i.refundState, i.orderStatus]), [
    ['1398462750138467213', '1398462750138467213', '612345678901', 'BWB-500-W', 9900, 1, 9900, 'none', 'paid'],
    ['1398462750138467213', '1398462750138467299', '612345678902', 'BT-G', 1450, 2, 2900, 'in_progress', 'paid'],
    ['1398462750138467215', '1398462750138467215', '612345678903', null, 5990, 1, 0, 'full', 'closed'],
  ]);
  assert.equal(items[0].properties, '颜色分类：白色;容量：500ml');
  assert.equal(items[0].title, '316不锈钢保温杯');
});

test('宝贝报表 2023+ xlsx behind an instructions sheet', async () => {
  const { detected, items, rejects } = await open('taobao-items-2023.xlsx');
  assert.deepEqual([detected.kind, detected.format, detected.headers.length], ['taobao_items', 'xlsx', 27]);
  assert.equal(rejects.length, 0);
  const [a, b] = items;
  assert.deepEqual(pick(a, ['orderId', 'subOrderId', 'title', 'priceFen', 'quantity', 'amountFen', 'productId', 'line']), {
    orderId: '3215846501234567890', subOrderId: '3215846501234567891', title: '真丝围巾', priceFen: 25990, quantity: 2, amountFen: 49980, productId: '612345678904', line: 2,
  });
  // A 19-digit id stored as a number cell: Excel precision is gone, the id is flagged.
  assert.deepEqual([b.orderId, b.idSuspect, b.refundState, b.refundFen], ['3215846501234570000', true, 'full', 1990]);
});

test('抖店: UTF-8 BOM, TAB-quoted ids, sub-orders grouped, a free gift, ciphertext receivers', async () => {
  const { detected, orders, rejects } = await open('douyin-orders.csv');
  assert.deepEqual([detected.kind, detected.platform, detected.encoding, detected.headers.length], ['douyin_orders', 'douyin', 'utf-8-bom', 65]);
  assert.deepEqual(rejects.map((r) => [r.line, r.reason]), [[7, '订单编号已被 Excel 改成科学计数法']]);
  assert.deepEqual(orders.map((o) => [o.orderId, o.line, o.items?.length, o.status, o.refundState, o.paidFen, o.totalFen]), [
    ['6917926768823643751', 2, 2, 'shipped', 'none', 11900, 12900],
    ['6917926768823643800', 4, 1, 'closed', 'full', 5900, 5900],
    ['6917926768823643900', 5, 2, 'completed', 'partial', 5980, 6480], // freight 5.00 on both lines, counted once
  ]);
  const [a, b, c] = orders;
  assert.deepEqual(a.items?.map((i) => [i.subOrderId, i.title, i.priceFen, i.amountFen]), [
    ['6917926768823643752', '【直播专享】保温杯 500ml', 12900, 11900],
    ['6917926768823643753', '赠品 杯刷', 0, 0],
  ]);
  assert.deepEqual(pick(a, ['buyerKey', 'phone', 'receiverPhoneMasked', 'receiverName', 'province', 'city', 'district', 'discountFen', 'sellerMemo', 'buyerMessage']), {
    buyerKey: null, phone: null, receiverPhoneMasked: '138****1234', receiverName: '王*鱼', province: '浙江省', city: '杭州市', district: '西湖区', discountFen: 1000, sellerMemo: '直播间', buyerMessage: null,
  });
  assert.equal(a.items?.[0].productId, '3456789012345678901');
  assert.equal(a.shippedAt?.toISOString(), '2023-06-19T02:00:00.000Z');
  assert.deepEqual([b.receiverName, b.receiverPhoneMasked], [null, null]); // $$密文
  assert.equal(c.finishedAt?.toISOString(), '2023-06-28T01:00:00.000Z');
});

test('拼多多 core 23 columns (UTF-8 BOM) and with optional columns (GB18030)', async () => {
  const core = await open('pdd-orders-core.csv');
  assert.deepEqual([core.detected.kind, core.detected.platform, core.detected.encoding], ['pdd_orders', 'pinduoduo', 'utf-8-bom']);
  assert.deepEqual(core.orders.map((o) => [o.orderId, o.status, o.refundState, o.paidFen, o.totalFen, o.discountFen]), [
    ['230520-123456789012345', 'completed', 'none', 2440, 2990, 550],
    ['230521-223456789012345', 'shipped', 'none', 5980, 5980, 0],
    ['230522-323456789012345', 'closed', 'full', 990, 990, 0],
  ]);
  const [a] = core.orders;
  assert.deepEqual(a.items?.[0], {
    subOrderId: null, productId: '123456789', skuId: '987654321', outerCode: 'CZ-100-6', title: '【买2送1】抽纸 3层 100抽', properties: '3层100抽*6包',
    priceFen: 2990, quantity: 1, amountFen: 2440, refundState: 'none', refundFen: null, rawStatus: '已收货',
  });
  assert.deepEqual([a.buyerKey, a.phone, a.province, a.paidAt?.toISOString()], [null, null, null, '2023-05-20T05:14:00.000Z']);
  assert.equal(core.orders[1].items?.[0].priceFen, 2990); // 商品总价 59.80 / 2

  const full = await open('pdd-orders-full.gb18030.csv');
  assert.deepEqual([full.detected.kind, full.detected.encoding, full.detected.headers.length], ['pdd_orders', 'gb18030', 82]);
  const [f] = full.orders;
  assert.deepEqual([f.province, f.city, f.district, f.buyerMessage, f.phone, f.receiverPhoneMasked], ['福建省', '泉州市', '安溪县', '包装好一点', '13712345678', '137****5678']);
  assert.equal(f.paidAt?.toISOString(), '2023-05-20T05:13:30.000Z'); // 支付时间, not 订单成交时间
  assert.equal(f.items?.[0].title, '𫟅 茶具套装'); // the 4-byte GB18030 character survived
});

test('京东 POP: GBK, one row per SKU, order money taken once, non-consecutive rows are another record', async () => {
  const { detected, orders, rejects } = await open('jd-orders.gbk.csv');
  assert.deepEqual([detected.kind, detected.platform, detected.encoding, detected.headers.length], ['jd_orders', 'jd', 'gbk', 35]);
  assert.equal(rejects.length, 0);
  assert.deepEqual(orders.map((o) => [o.orderId, o.line, o.items?.length, o.status, o.rawStatus, o.totalFen, o.paidFen]), [
    ['230123456789', 2, 2, 'paid', '(删除)等待出库', 138800, 136800],
    ['230123456790', 4, 1, 'completed', '完成', 3900, 3900],
    ['230123456791', 5, 1, 'closed', '已取消', 5900, 5900],
    ['230123456789', 6, 1, 'paid', '(删除)等待出库', 138800, 136800],
  ]);
  const [a, b] = orders;
  assert.deepEqual(pick(a, ['buyerKey', 'phone', 'receiverPhoneMasked', 'receiverName', 'province', 'city', 'district', 'buyerMessage', 'sellerMemo']), {
    buyerKey: 'jd_buyer_001', phone: '13912345678', receiverPhoneMasked: '139****5678', receiverName: '李四', province: '北京', city: '北京市', district: '朝阳区', buyerMessage: '周末送货', sellerMemo: null,
  });
  assert.deepEqual(a.items?.map((i) => [i.productId, i.outerCode, i.priceFen, i.quantity, i.amountFen]), [
    ['100012345678', 'AP-2', 128800, 1, null],
    ['100000000001', 'AP-CASE', 5000, 2, null],
  ]);
  assert.deepEqual([b.phone, b.receiverPhoneMasked, b.province, b.city, b.district, b.sellerMemo], [null, '1******6198', '广东', '广州市', '天河区', '已回访']);
  assert.equal(a.createdAt?.toISOString(), '2015-12-31T15:19:56.000Z');
});

test('a title line above the header is skipped; lines still count from the top of the file', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-')), 'with-title.csv');
  const header = '订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额';
  fs.writeFileSync(file, `天猫订单报表 导出时间：2020-02-21\n\n${header}\n7,21.0,21.0,内蒙古自治区,2020-02-20 23:59:54,2020-02-21 00:00:02,0.0\n`);
  const { detected, orders } = await readAll(file);
  assert.equal(detected.kind, 'tmall_report');
  assert.deepEqual(detected.headers, ['订单编号', '总金额', '买家实际支付金额', '收货地址', '订单创建时间', '订单付款时间', '退款金额']);
  assert.deepEqual(orders.map((o) => [o.orderId, o.line, o.province, o.status]), [['7', 4, '内蒙古自治区', 'paid']]);
});
