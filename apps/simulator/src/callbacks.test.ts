import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AES_KEY, CORP, TOKEN, field, startReceiver, startTestSim, waitFor, withCallback } from './test-support.ts';
import { SimControlError } from './control.ts';

test('setCallback verifies the URL first: a receiver with another token is refused with 400 and nothing is saved', async (t) => {
  const sim = await startTestSim();
  const wrong = await startReceiver({ token: 'someOtherToken' });
  const right = await startReceiver();
  t.after(async () => {
    await sim.stop();
    await wrong.close();
    await right.close();
  });
  await assert.rejects(
    sim.control.setCallback(CORP, { url: wrong.url, token: TOKEN, encoding_aes_key: AES_KEY }),
    (e: SimControlError) => e.status === 400 && /verification failed/.test(e.message),
  );
  await assert.rejects(sim.control.setCallback(CORP, { url: right.url, token: TOKEN, encoding_aes_key: 'short' }), (e: SimControlError) => e.status === 400);
  await assert.rejects(sim.control.setCallback(CORP, { url: 'http://127.0.0.1:1/none', token: TOKEN, encoding_aes_key: AES_KEY }), (e: SimControlError) => e.status === 400);
  await sim.control.setCallback(CORP, { url: right.url, token: TOKEN, encoding_aes_key: AES_KEY });
});

test('no answer within the timeout: retried with the same plaintext, then delivered; after the last retry: failed, queue moves on', async (t) => {
  const sim = await startTestSim({ callbackTimeoutMs: 400, callbackRetries: 3 });
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const u = await sim.control.createWechatUser(CORP, { name: '小李' });
  rx.hang(2);
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan', state: 'retry' });
  const log = await waitFor(async () => {
    const l = await sim.control.callbacks(CORP);
    return l[0]?.status === 'delivered' && l;
  });
  assert.equal(log[0].attempts, 3);
  assert.equal(rx.posts, 3);
  assert.equal(new Set(rx.attempts).size, 1, 'every retry carries the same plaintext');
  assert.equal(rx.received.length, 1);
  assert.equal(field(rx.received[0].xml, 'State'), 'retry');

  // A receiver that never answers: 1 + 3 attempts, failed, then the next event still goes out.
  rx.hang(4);
  await sim.control.deleteByMember(CORP, { userid: 'zhangsan', external_userid: u.external_userid });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'lisi' });
  const after = await waitFor(async () => {
    const l = await sim.control.callbacks(CORP);
    return l.length === 3 && l[2].status === 'delivered' && l;
  }, 8000);
  assert.equal(after[1].status, 'failed');
  assert.equal(after[1].attempts, 4);
  assert.match(after[1].last_error ?? '', /no answer within 400 ms/);
  assert.equal(field(rx.received[1].xml, 'UserID'), 'lisi', 'the queue moved on after the failure');
});

test('retries carry the same plaintext (compared across a timed-out and an answered attempt)', async (t) => {
  const sim = await startTestSim({ callbackTimeoutMs: 400 });
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  rx.hang(1);
  const before = await sim.control.now();
  const u = await sim.control.createWechatUser(CORP, { name: '小周' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  await sim.control.advanceClock(100);
  const got = await waitFor(() => rx.received[0]);
  assert.equal(rx.posts, 2);
  assert.equal(rx.attempts.length, 2);
  assert.equal(rx.attempts[0], rx.attempts[1], 'the same plaintext on the retry');
  assert.equal(rx.attempts[1], got.xml);
  const createTime = Number(field(got.xml, 'CreateTime'));
  assert.ok(createTime >= before && createTime < before + 100, 'CreateTime is the event time, not the retry time');
});

test('dropped deliveries are never sent and show as dropped; order within a corp is kept', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  await sim.control.dropCallbacks(CORP, 2);
  const ids: string[] = [];
  for (const name of ['一', '二', '三', '四']) {
    const u = await sim.control.createWechatUser(CORP, { name });
    ids.push(u.external_userid);
    await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  }
  const log = await waitFor(async () => {
    const l = await sim.control.callbacks(CORP);
    return l.filter((d) => d.status === 'delivered').length === 2 && l;
  });
  assert.deepEqual(log.map((d) => d.status), ['dropped', 'dropped', 'delivered', 'delivered']);
  assert.equal(rx.posts, 2);
  assert.deepEqual(rx.received.map((r) => field(r.xml, 'ExternalUserID')), ids.slice(2));
  assert.equal((await sim.control.snapshot(CORP)).callbacks_pending, 0);
});
