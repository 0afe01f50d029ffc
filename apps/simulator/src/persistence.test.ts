import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator } from './server.ts';
import { AES_KEY, CORP, SECRET, TOKEN, startReceiver, waitFor, wecomCaller } from './test-support.ts';

test('state survives stop + start with the same stateFile: corp, token, clock, contacts, pending callbacks', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-sim-'));
  const stateFile = path.join(dir, 'state.json');
  const rx = await startReceiver();
  t.after(async () => {
    await rx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const first = await startSimulator({ stateFile, callbackTimeoutMs: 5000 });
  const c1 = first.control;
  await c1.createCorp({ corpid: CORP, name: '持久', apps: [{ agentid: 1, secret: SECRET }] });
  await c1.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [1] });
  await c1.setCallback(CORP, { url: rx.url, token: TOKEN, encoding_aes_key: AES_KEY });
  const api1 = wecomCaller(first.url);
  const token = await api1.token();
  const way = await api1.post('/cgi-bin/externalcontact/add_contact_way', { type: 1, scene: 2, user: ['zhangsan'], state: 'persist' });
  const { external_userid } = await c1.createWechatUser(CORP, { name: '老王' });
  await c1.advanceClock(1000);
  const clock = await c1.now();
  // The receiver stops answering: the callback stays pending across the restart.
  rx.hang(1000);
  await c1.scanContactWay(CORP, { external_userid, config_id: way.config_id });
  await waitFor(() => rx.posts >= 1);
  assert.equal((await c1.snapshot(CORP)).callbacks_pending, 1);
  await first.stop();
  assert.ok(fs.existsSync(stateFile));
  assert.deepEqual(fs.readdirSync(dir), ['state.json'], 'no temporary file left behind');

  rx.hang(0);
  const second = await startSimulator({ stateFile, callbackTimeoutMs: 2000 });
  t.after(() => second.stop());
  const now = await second.control.now();
  assert.ok(now >= clock && now < clock + 30, `the sim clock offset survives: ${now} vs ${clock}`);
  const api2 = wecomCaller(second.url);
  assert.equal(await api2.token(), token, 'the token survives');
  const detail = await api2.get('/cgi-bin/externalcontact/get', { external_userid });
  assert.equal(detail.follow_user[0].state, 'persist');
  assert.equal((await api2.post('/cgi-bin/externalcontact/get_contact_way', { config_id: way.config_id })).contact_way.state, 'persist');
  const delivered = await waitFor(() => rx.received[0]);
  assert.match(delivered.xml, /add_external_contact/);
  const log = await waitFor(async () => {
    const l = await second.control.callbacks(CORP);
    return l[0]?.status === 'delivered' && l;
  });
  // The attempt cut short by stop() is not counted: the delivery resumed as if never tried.
  assert.equal(log[0].attempts, 1);
  assert.equal(rx.posts, 2);
});
