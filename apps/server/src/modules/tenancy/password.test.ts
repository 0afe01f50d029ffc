import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from './password.ts';

test('passwords verify only with the right input', async () => {
  const h = await hashPassword('正确的密码123');
  assert.match(h, /^scrypt\$/);
  assert.equal(await verifyPassword('正确的密码123', h), true);
  assert.equal(await verifyPassword('正确的密码124', h), false);
  assert.equal(await verifyPassword('x', 'garbage'), false);
  assert.notEqual(await hashPassword('same'), await hashPassword('same'), 'salted');
});
