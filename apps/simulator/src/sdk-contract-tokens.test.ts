// Contract, spec §0 and §1: access_token handling of the SDK against the simulator's gettoken —
// one token reused, exactly one refresh when WeCom revokes (40014) or expires (42001) it, and a
// wrong secret (40001) thrown without ever being repeated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallEvent } from '@siyu/wecom';
import { CORP, SECRET_2, gettokens, rejectsWith, startContract } from './sdk-contract-support.ts';

const FOLLOW = '/cgi-bin/externalcontact/get_follow_user_list';

test('one gettoken serves many calls, also concurrent ones', async (t) => {
  const { client, calls } = await startContract(t);
  const results = await Promise.all(Array.from({ length: 5 }, () => client.getFollowUserList()));
  for (const r of results) assert.deepEqual(r.follow_user, ['zhangsan', 'lisi']);
  await client.getFollowUserList();
  assert.equal(gettokens(calls).length, 1, 'the token is fetched once and shared by concurrent callers');
  assert.equal(calls.filter((c) => c.api === FOLLOW).length, 6);
  const token = await client.getAccessToken();
  assert.ok(token.length >= 16, 'a real access_token string');
  assert.equal(gettokens(calls).length, 1);
});

test('control.invalidateTokens: the next SDK call still succeeds after exactly one new gettoken', async (t) => {
  const { sim, client, calls } = await startContract(t);
  await client.getFollowUserList();
  const before = await client.getAccessToken();
  const { invalidated } = await sim.control.invalidateTokens(CORP);
  assert.ok(invalidated >= 1);
  const mark = calls.length;
  const r = await client.getFollowUserList();
  assert.deepEqual(r.follow_user, ['zhangsan', 'lisi']);
  const after = calls.slice(mark);
  assert.deepEqual(after.map((c) => [c.api, c.errcode]), [[FOLLOW, 40014], ['/cgi-bin/gettoken', 0], [FOLLOW, 0]]);
  assert.notEqual(await client.getAccessToken(), before, 'a new token replaced the revoked one');
  // And the new token is kept: no further gettoken.
  await client.getFollowUserList();
  assert.equal(gettokens(calls).length, 2);
});

test('expiry on the sim clock (42001): one refresh, then the call succeeds', async (t) => {
  const { sim, client, calls } = await startContract(t);
  await client.getFollowUserList();
  await sim.control.advanceClock(7200); // WeCom's expires_in
  const mark = calls.length;
  assert.deepEqual((await client.getFollowUserList()).follow_user, ['zhangsan', 'lisi']);
  assert.deepEqual(calls.slice(mark).map((c) => [c.api, c.errcode]), [[FOLLOW, 42001], ['/cgi-bin/gettoken', 0], [FOLLOW, 0]]);
});

test('a second token error in a row is thrown: refresh once, repeat once, no loop', async (t) => {
  const { sim, client, calls } = await startContract(t);
  await client.getFollowUserList();
  await sim.control.addFault({ corpid: CORP, api: FOLLOW, errcode: 40014, count: 5 });
  const mark = calls.length;
  await rejectsWith(client.getFollowUserList(), 40014, 'token_invalid');
  assert.deepEqual(calls.slice(mark).map((c) => [c.api, c.errcode]), [[FOLLOW, 40014], ['/cgi-bin/gettoken', 0], [FOLLOW, 40014]]);
});

test('wrong secret: 40001 invalid_secret thrown after one gettoken, and not asked again', async (t) => {
  const { sdk } = await startContract(t);
  const calls: CallEvent[] = [];
  const wrong = sdk({ secret: 'not-the-secret' }, calls);
  await rejectsWith(wrong.getFollowUserList(), 40001, 'invalid_secret');
  assert.deepEqual(calls.map((c) => [c.api, c.errcode]), [['/cgi-bin/gettoken', 40001]], 'one attempt, no retry, no API call');
  // Repeated wrong-secret calls get the IP banned (spec §1): the SDK remembers the refusal.
  await rejectsWith(wrong.listExternalContacts('zhangsan'), 40001, 'invalid_secret');
  await rejectsWith(wrong.getAccessToken(), 40001, 'invalid_secret');
  assert.equal(calls.length, 1, 'no further gettoken');
});

test('unknown corpid: 40013 invalid_corpid, not repeated either', async (t) => {
  const { sdk } = await startContract(t);
  const calls: CallEvent[] = [];
  const stranger = sdk({ corpId: 'wwnosuchcorp' }, calls);
  await rejectsWith(stranger.getFollowUserList(), 40013, 'invalid_corpid');
  await rejectsWith(stranger.getFollowUserList(), 40013, 'invalid_corpid');
  assert.equal(calls.length, 1);
});

test('each app (secret) has its own token; a POST-only endpoint called with GET is 40058', async (t) => {
  const { sdk, client, calls } = await startContract(t);
  const other: CallEvent[] = [];
  const app2 = sdk({ secret: SECRET_2, agentId: 1000003 }, other);
  assert.notEqual(await client.getAccessToken(), await app2.getAccessToken());
  assert.equal(gettokens(calls).length, 1);
  assert.equal(gettokens(other).length, 1);
  // Spec §0: the body of a POST-only endpoint is not read on GET.
  await rejectsWith(client.call('GET', '/cgi-bin/externalcontact/add_contact_way'), 40058, 'invalid_param');
});

test('retries only where WeCom says so: -1 and 45033 are repeated, a business errcode is not', async (t) => {
  const { sim, client, calls } = await startContract(t);
  const api = '/cgi-bin/externalcontact/add_contact_way';
  await sim.control.addFault({ corpid: CORP, api, errcode: -1, count: 1 });
  await sim.control.addFault({ corpid: CORP, api, errcode: 45033, count: 1 });
  const way = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'] });
  assert.ok(way.config_id);
  assert.deepEqual(calls.filter((c) => c.api === api).map((c) => c.errcode), [-1, 45033, 0]);
  const mark = calls.length;
  await rejectsWith(client.addContactWay({ type: 1, scene: 2, user: ['ghost'] }), 60111, 'userid_not_found');
  assert.equal(calls.length - mark, 1, 'one attempt');
  await sim.control.addFault({ corpid: CORP, api, errcode: -1, count: 10 });
  await rejectsWith(client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'] }), -1, 'system_busy');
  assert.equal(calls.length - mark, 4, 'the configured 3 attempts, then the error');
});
