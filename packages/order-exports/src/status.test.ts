import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateRefund, lineRefundState, normalizeStatus, refundStateOfAmounts, refundStateOfText } from './status.ts';

test('Taobao 订单状态 texts (spec §1c), half-width comma variants, 退款成功, contains 关闭', () => {
  const cases: [string, string][] = [
    ['等待买家付款', 'pending_payment'],
    ['买家已付款，等待卖家发货', 'paid'],
    ['买家已付款,等待卖家发货', 'paid'],
    ['卖家已发货，等待买家确认', 'shipped'],
    ['卖家已发货,等待买家确认', 'shipped'],
    ['交易成功', 'completed'],
    ['交易关闭', 'closed'],
    ['退款成功', 'closed'],
    ['付款以后用户退款成功，交易自动关闭', 'closed'],
    ['交易被淘宝关闭', 'closed'],
    ['TRADE_FINISHED', 'completed'],
    ['WAIT_SELLER_SEND_GOODS', 'paid'],
  ];
  for (const [text, status] of cases) assert.equal(normalizeStatus('taobao', text), status, text);
  assert.equal(normalizeStatus('taobao', '火星状态'), null);
  assert.equal(normalizeStatus('taobao', null), null);
});

test('Douyin texts and codes', () => {
  const cases: [string, string][] = [
    ['待支付', 'pending_payment'], ['备货中', 'paid'], ['待发货', 'paid'], ['部分发货', 'shipped'], ['已发货', 'shipped'],
    ['已完成', 'completed'], ['已关闭', 'closed'], ['已取消', 'closed'], ['105', 'paid'], ['5', 'completed'], ['4', 'closed'],
  ];
  for (const [text, status] of cases) assert.equal(normalizeStatus('douyin', text), status, text);
});

test('Pinduoduo texts', () => {
  const cases: [string, string][] = [['待发货', 'paid'], ['已发货，待收货', 'shipped'], ['已发货,待收货', 'shipped'], ['已收货', 'completed'], ['已取消', 'closed']];
  for (const [text, status] of cases) assert.equal(normalizeStatus('pinduoduo', text), status, text);
});

test('JD texts, including (删除) prefixes', () => {
  const cases: [string, string][] = [
    ['(删除)等待出库', 'paid'], ['（删除）等待出库', 'paid'], ['等待出库', 'paid'], ['等待确认收货', 'shipped'], ['完成', 'completed'],
    ['(删除)完成', 'completed'], ['已取消', 'closed'], ['锁定', 'closed'], ['等待付款', 'pending_payment'], ['暂停', 'paid'],
  ];
  for (const [text, status] of cases) assert.equal(normalizeStatus('jd', text), status, text);
});

test('售后状态 / 退款状态 texts', () => {
  const cases: [string | null, string][] = [
    [null, 'none'], ['-', 'none'], ['无售后或售后取消', 'none'], ['没有申请退款', 'none'], ['退款关闭', 'none'], ['售后关闭', 'none'],
    ['售后已拒绝', 'none'], ['换货成功', 'none'], ['补寄成功', 'none'], ['卖家拒绝退款', 'none'],
    ['退款成功', 'full'], ['售后成功', 'full'], ['SUCCESS', 'full'],
    ['待收退货', 'in_progress'], ['待退货', 'in_progress'], ['售后待处理', 'in_progress'], ['退款中', 'in_progress'],
    ['买家已经申请退款，等待卖家同意', 'in_progress'], ['WAIT_BUYER_RETURN_GOODS', 'in_progress'],
  ];
  for (const [text, state] of cases) assert.equal(refundStateOfText(text), state, String(text));
});

test('Taobao money is net of refunds: nothing left paid = full, something left = partial', () => {
  assert.equal(refundStateOfAmounts(0, 5851), 'none');
  assert.equal(refundStateOfAmounts(null, 5851), 'none');
  assert.equal(refundStateOfAmounts(1390, 0), 'full'); // 总金额 13.90, 买家实际支付金额 0, 退款金额 13.90
  assert.equal(refundStateOfAmounts(298, 10410), 'partial'); // 107.08 = 104.10 + 2.98
  assert.equal(refundStateOfAmounts(100, null), 'partial');
});

test('a line: in-progress text wins, amounts narrow a success', () => {
  assert.equal(lineRefundState('退款成功', 3000, 0), 'full');
  assert.equal(lineRefundState('退款成功', 3000, 7000), 'partial');
  assert.equal(lineRefundState('退款成功', null, null), 'full');
  assert.equal(lineRefundState('退款中', 3000, 7000), 'in_progress');
  assert.equal(lineRefundState('没有申请退款', 0, 7000), 'none');
});

test('an order from its lines: gifts do not spoil a full refund', () => {
  assert.equal(aggregateRefund([{ refundState: 'full', amountFen: 5000 }, { refundState: 'none', amountFen: 0 }]), 'full');
  assert.equal(aggregateRefund([{ refundState: 'full', amountFen: 5000 }, { refundState: 'none', amountFen: 100 }]), 'partial');
  assert.equal(aggregateRefund([{ refundState: 'in_progress', amountFen: 5000 }, { refundState: 'none', amountFen: 100 }]), 'in_progress');
  assert.equal(aggregateRefund([{ refundState: 'none', amountFen: null }]), 'none');
  assert.equal(aggregateRefund([]), 'none');
});
