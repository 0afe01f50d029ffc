import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrderIdSet } from './id-set.ts';

test('remembers ids exactly, with the line of their first sighting', () => {
  const set = new OrderIdSet();
  const n = 50_000;
  // Zero-tailed ids (as Excel leaves them) share their low bits: the table must still work.
  for (let i = 0; i < n; i++) assert.equal(set.seen(`214073006270${String(i).padStart(5, '0')}00`, i + 2), 0);
  for (let i = 0; i < n; i += 997) assert.equal(set.seen(`214073006270${String(i).padStart(5, '0')}00`, 99), i + 2);
  assert.equal(set.seen('9999999999999999999', 5), 0); // 19 digits, the largest that fits
  assert.equal(set.seen('9999999999999999999', 6), 5);
  assert.equal(set.seen('99999999999999999999', 7), 0); // 20 digits: the Map fallback
  assert.equal(set.seen('99999999999999999999', 8), 7);
  assert.equal(set.seen('200101-1234', 9), 0);
  assert.equal(set.seen('200101-1234', 10), 9);
  assert.equal(set.seen('0123', 11), 0); // a leading zero is not the number 123
  assert.equal(set.seen('123', 12), 0);
});
