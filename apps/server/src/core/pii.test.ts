import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createPii, maskPhone, maskId, normalizePhone, parseMasterKey } from './pii.ts';

const pii = createPii(crypto.randomBytes(32));

test('phone encryption round-trips and never stores the plain number', () => {
  const sealed = pii.encrypt('13812345678');
  assert.ok(!sealed.includes('13812345678'));
  assert.notEqual(pii.encrypt('13812345678'), sealed, 'random IV: same input, different ciphertext');
  assert.equal(pii.decrypt(sealed), '13812345678');
});

test('tampered ciphertext is rejected', () => {
  const sealed = pii.encrypt('13812345678');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[raw.length - 1] ^= 1;
  assert.throws(() => pii.decrypt(`v1.${raw.toString('base64')}`));
});

test('phone hash is stable across formats and keyed', () => {
  assert.equal(pii.hashPhone('+86 138-1234-5678'), pii.hashPhone('13812345678'));
  assert.notEqual(createPii(crypto.randomBytes(32)).hashPhone('13812345678'), pii.hashPhone('13812345678'));
  assert.notEqual(pii.hashPhone('13812345679'), pii.hashPhone('13812345678'));
});

test('masking and normalising', () => {
  assert.equal(maskPhone('13800000000'), '138****0000');
  assert.equal(maskId('wmABCDEFGHIJ1234'), 'wmAB****1234');
  assert.equal(normalizePhone("'13812345678"), '13812345678');
  assert.equal(normalizePhone('0086 13812345678'), '13812345678');
  assert.equal(normalizePhone('138****5678'), null);
  assert.equal(normalizePhone('12345'), null);
});

test('master key must be 32 bytes', () => {
  assert.equal(parseMasterKey('00'.repeat(32)).length, 32);
  assert.throws(() => parseMasterKey('abcd'));
});
