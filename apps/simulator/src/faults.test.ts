import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, SECRET, startTestSim } from './test-support.ts';

const API = '/cgi-bin/externalcontact/get_follow_user_list';

test('an injected 45009 with count 2 hits exactly the next two matching calls', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  await sim.api.token();
  await sim.control.addFault({ corpid: CORP, api: API, errcode: 45009, count: 2 });
  const codes = [];
  for (let i = 0; i < 3; i++) codes.push((await sim.api.get(API)).errcode);
  assert.deepEqual(codes, [45009, 45009, 0]);
  assert.equal((await sim.api.post('/cgi-bin/externalcontact/get_corp_tag_list', {})).errcode, 0, 'other APIs are untouched');

  await sim.control.addFault({ api: API, errcode: -1 });
  assert.equal((await sim.api.get(API)).errcode, -1);
  await sim.control.addFault({ corpid: 'wwother', api: API, errcode: 45033 });
  assert.equal((await sim.api.get(API)).errcode, 0, 'a fault for another corp does not apply');
  await sim.control.clearFaults();

  await sim.control.addFault({ api: '/cgi-bin/gettoken', errcode: 45009 });
  const tok = (await (await fetch(`${sim.url}/cgi-bin/gettoken?corpid=${CORP}&corpsecret=${SECRET}`)).json()) as Record<string, any>;
  assert.equal(tok.errcode, 45009);

  await sim.control.addFault({ api: API, delay_ms: 300 });
  const t0 = Date.now();
  assert.equal((await sim.api.get(API)).errcode, 0);
  assert.ok(Date.now() - t0 >= 280, 'a delay-only fault slows the call down');
});

test('frequency limits per (corp, api) give 45009 past the configured number; advancing the clock past the window lifts it', async (t) => {
  const sim = await startTestSim({ limits: { corpApiPerMinute: 5 } });
  t.after(() => sim.stop());
  await sim.api.token();
  const codes = [];
  for (let i = 0; i < 7; i++) codes.push((await sim.api.get(API)).errcode);
  assert.deepEqual(codes, [0, 0, 0, 0, 0, 45009, 45009]);
  assert.equal((await sim.api.post('/cgi-bin/externalcontact/get_corp_tag_list', {})).errcode, 0, 'limits are per API');
  await sim.control.advanceClock(60);
  assert.equal((await sim.api.get(API)).errcode, 0);
});

test('the per-IP limit applies across corps', async (t) => {
  const sim = await startTestSim({ limits: { ipApiPerMinute: 3 } });
  t.after(() => sim.stop());
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push(((await (await fetch(`${sim.url}/cgi-bin/gettoken?corpid=${CORP}&corpsecret=${SECRET}`)).json()) as Record<string, any>).errcode);
  assert.deepEqual(codes, [0, 0, 0, 45009]);
});
