import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectKind, headerKey, indexFields, rankKinds, type ExportKind, type Field } from './headers.ts';
import * as H from './testdata/spec-headers.ts';

const SETS: [string, string[], ExportKind][] = [
  ['订单报表 45', H.TAOBAO_ORDERS_45, 'taobao_orders'],
  ['订单报表 46 (fixture)', H.TAOBAO_ORDERS_46, 'taobao_orders'],
  ['订单报表 61', H.TAOBAO_ORDERS_61, 'taobao_orders'],
  ['reduced Tmall', H.TMALL_REPORT, 'tmall_report'],
  ['宝贝报表 10', H.TAOBAO_ITEMS_10, 'taobao_items'],
  ['宝贝报表 28', H.TAOBAO_ITEMS_28, 'taobao_items'],
  ['宝贝报表 2023+', H.TAOBAO_ITEMS_2023, 'taobao_items'],
  ['宝贝报表 2023+ A..W', H.TAOBAO_ITEMS_2023_AW, 'taobao_items'],
  ['抖店', H.DOUYIN, 'douyin_orders'],
  ['拼多多 core 23', H.PDD_CORE, 'pdd_orders'],
  ['拼多多 with every optional column', H.PDD_FULL, 'pdd_orders'],
  ['京东 POP', H.JD_POP, 'jd_orders'],
];

test('every header set of the spec is recognised', () => {
  assert.equal(H.TAOBAO_ORDERS_45.length, 45);
  assert.equal(H.TAOBAO_ORDERS_46.length, 46);
  assert.equal(H.TAOBAO_ORDERS_61.length, 61);
  assert.equal(H.PDD_CORE.length, 23);
  for (const [name, headers, kind] of SETS) {
    assert.equal(detectKind(headers)?.kind, kind, name);
    // Position never matters.
    assert.equal(detectKind([...headers].reverse())?.kind, kind, `${name} reversed`);
  }
});

test('the reduced Tmall report is exactly its 7 columns; the full report is not mistaken for it', () => {
  assert.deepEqual(H.TMALL_REPORT.map((h) => h.trim()), ['订单编号', '总金额', '买家实际支付金额', '收货地址', '订单创建时间', '订单付款时间', '退款金额']);
  assert.equal(detectKind(H.TAOBAO_ORDERS_46)?.kind, 'taobao_orders');
});

function fields(headers: string[]) {
  const spec = detectKind(headers);
  assert.ok(spec);
  const index = indexFields(headers, spec);
  return (f: Field) => index[f]?.header ?? null;
}

test('aliases map drifting names to one field', () => {
  const o61 = fields(H.TAOBAO_ORDERS_61);
  assert.equal(o61('orderId'), '订单编号'); // 订单编号 wins over the later 主订单编号
  assert.equal(o61('address'), '收货地址'); // found although the header is `收货地址 `
  assert.equal(o61('paidAt'), '订单付款时间');
  assert.equal(o61('finishedAt'), '确认收货时间');
  assert.equal(o61('paidFen'), '买家实际支付金额');

  const i28 = fields(H.TAOBAO_ITEMS_28);
  assert.equal(i28('orderId'), '主订单编号');
  assert.equal(i28('subOrderId'), '子订单编号');
  assert.equal(i28('productId'), '商品id');
  assert.equal(i28('title'), '标题');

  const i23 = fields(H.TAOBAO_ITEMS_2023);
  assert.equal(i23('title'), '商品标题');
  assert.equal(i23('price'), '商品价格');
  assert.equal(i23('paidFen'), '买家实付金额');
  assert.equal(i23('productId'), '商品ID');
  assert.equal(i23('sellerMemo'), '商家备注');

  const jd = fields(H.JD_POP);
  assert.equal(jd('buyerAccount'), '下单帐号');
  assert.equal(jd('buyerMessage'), '订单备注'); // JD's 订单备注 is the buyer's
  assert.equal(jd('sellerMemo'), '商家备注');
  assert.equal(jd('totalFen'), '订单金额');
  assert.equal(jd('paidFen'), '应付金额');
  assert.equal(jd('tel'), '联系电话');

  const dy = fields(H.DOUYIN);
  assert.equal(dy('orderId'), '主订单编号');
  assert.equal(dy('paidFen'), '订单应付金额');
  assert.equal(dy('mobile'), '收件人手机号');
  assert.equal(dy('province'), '省');

  const pdd = fields(H.PDD_FULL);
  assert.equal(pdd('paidFen'), '用户实付金额(元)');
  assert.equal(pdd('createdAt'), '订单成交时间');
  assert.equal(pdd('paidAt'), '支付时间');
  assert.equal(pdd('skuId'), '样式ID');
  assert.equal(pdd('mobile'), '用户购买手机号');
});

test('header keys ignore BOM, spaces, full-width brackets and case', () => {
  assert.equal(headerKey('\uFEFF订单编号'), headerKey('订单编号'));
  assert.equal(headerKey('订单付款时间 '), headerKey('订单付款时间'));
  assert.equal(headerKey('商品总价（元）'), headerKey('商品总价(元)'));
  assert.equal(headerKey('商品id'), headerKey('商品ID'));
  assert.equal(headerKey('="订单编号"'), headerKey('订单编号'));
  const renamed = H.TAOBAO_ORDERS_45.map((h) => (h === '买家实际支付金额' ? '买家实付金额' : h));
  assert.equal(detectKind(renamed)?.kind, 'taobao_orders');
  assert.equal(detectKind(H.PDD_CORE.map((h) => h.replace('(', '（').replace(')', '）')))?.kind, 'pdd_orders');
});

test('unknown headers: the closest kind and what it lacks', () => {
  assert.equal(detectKind(['姓名', '电话', '地址']), null);
  const withoutNick = H.TAOBAO_ORDERS_45.filter((h) => h !== '买家会员名' && h !== '订单状态');
  assert.equal(detectKind(withoutNick), null);
  const best = rankKinds(withoutNick)[0];
  assert.equal(best.spec.kind, 'taobao_orders');
  assert.deepEqual(best.missing, ['买家会员名', '订单状态']);
});
