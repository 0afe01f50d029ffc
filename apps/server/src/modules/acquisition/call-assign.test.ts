import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assign, fillScript } from './call-assign.ts';

test('round-robin deals in turn', () => {
  assert.deepEqual(assign(5, [{ staffId: 'a', weight: 9 }, { staffId: 'b', weight: 1 }], 'round_robin'), ['a', 'b', 'a', 'b', 'a']);
  assert.deepEqual(assign(2, [], 'round_robin'), []);
});

test('weights deal in proportion, spread evenly', () => {
  assert.deepEqual(assign(6, [{ staffId: 'a', weight: 2 }, { staffId: 'b', weight: 1 }], 'weight'), ['a', 'b', 'a', 'a', 'b', 'a']);
  const many = assign(600, [{ staffId: 'a', weight: 3 }, { staffId: 'b', weight: 2 }, { staffId: 'c', weight: 1 }], 'weight');
  assert.deepEqual(['a', 'b', 'c'].map((s) => many.filter((x) => x === s).length), [300, 200, 100]);
});

test('the script is filled; unknown braces stay', () => {
  const s = fillScript('{客户姓名}您好，我是{员工姓名}，您{下单日期}买的{商品名}（{订单号}）收到了吗？{其他}', {
    customerName: '王女士', titles: '阿胶糕 500g，赠品', orderNo: 'D1', orderedAt: new Date('2026-11-30T17:00:00Z'), staffName: '小李',
  });
  assert.equal(s, '王女士您好，我是小李，您2026-12-01买的阿胶糕 500g（D1）收到了吗？{其他}');
});
