import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gramsOf, customerGrams, queryGrams } from './search-grams.ts';

test('grams cover every 1- and 2-character substring', () => {
  assert.deepEqual(gramsOf('王小明').sort(), ['小', '小明', '明', '王', '王小'].sort());
  assert.deepEqual(gramsOf(null), []);
});

test('every query substring of a name is found through its grams', () => {
  const grams = new Set(customerGrams({ name: '欧阳娜娜', nickname: 'Nana 酱', phoneLast4: '5678' }));
  for (const q of ['欧', '欧阳', '阳娜娜', '欧阳娜娜', 'nana', 'NA', '酱']) {
    assert.ok(queryGrams(q).every((g) => grams.has(g)), q);
  }
  assert.ok(grams.has('p:5678'));
  assert.ok(!queryGrams('李四').every((g) => grams.has(g)));
});
