// Job requests for one tenant are coalesced, and none asked for is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coalesce } from './intake.ts';

test('one request in flight per tenant, one more after it, none lost', async () => {
  const calls: string[] = [];
  const pending = new Map<string, () => void>();
  const release = (t: string) => pending.get(t)!();
  const kick = coalesce(async (t) => {
    calls.push(t);
    await new Promise<void>((r) => pending.set(t, r));
  }, () => assert.fail('no error expected'));
  kick('a'); kick('a'); kick('a'); kick('b');
  assert.deepEqual(calls, ['a', 'b'], 'the repeats of a wait for the first');
  release('b');
  await new Promise((r) => setImmediate(r));
  release('a'); // the first call of a ends; the repeats become one more call
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(calls, ['a', 'b', 'a'], 'the three requests of a made two calls: the one running and one after it');
  release('a');
  await new Promise((r) => setImmediate(r));
  kick('a');
  assert.equal(calls.length, 4, 'idle again: a new request runs at once');
});
