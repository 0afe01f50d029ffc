import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, SECRET, startTestSim } from './test-support.ts';

test('gettoken: same token while valid, 42001 after expiry by sim clock, 40014 after invalidation', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const get = async (q: string) => (await fetch(`${sim.url}/cgi-bin/gettoken?${q}`)).json() as Promise<Record<string, any>>;

  const a = await get(`corpid=${CORP}&corpsecret=${SECRET}`);
  assert.equal(a.errcode, 0);
  assert.equal(a.expires_in, 7200);
  assert.ok(a.access_token.length >= 64);
  const b = await get(`corpid=${CORP}&corpsecret=${SECRET}`);
  assert.equal(b.access_token, a.access_token, 'the same token while it is valid');
  const other = await get(`corpid=${CORP}&corpsecret=app-secret-2`);
  assert.notEqual(other.access_token, a.access_token, 'each app secret has its own token');

  const call = async (token: string) => (await fetch(`${sim.url}/cgi-bin/externalcontact/get_follow_user_list?access_token=${token}`)).json() as Promise<Record<string, any>>;
  assert.equal((await call(a.access_token)).errcode, 0);
  assert.deepEqual((await call(a.access_token)).follow_user, ['zhangsan', 'lisi']);

  await sim.control.advanceClock(7200);
  const expired = await call(a.access_token);
  assert.equal(expired.errcode, 42001);
  assert.match(expired.errmsg, /expired/);
  const fresh = await get(`corpid=${CORP}&corpsecret=${SECRET}`);
  assert.notEqual(fresh.access_token, a.access_token, 'a new token after expiry');
  assert.equal((await call(fresh.access_token)).errcode, 0);

  const { invalidated } = await sim.control.invalidateTokens(CORP);
  assert.ok(invalidated >= 1);
  assert.equal((await call(fresh.access_token)).errcode, 40014);
  assert.equal((await call('not-a-token')).errcode, 40014);
});

test('gettoken: wrong secret 40001, unknown corp 40013; token in the body is 41001; POST-only APIs refuse GET', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const get = async (q: string) => (await fetch(`${sim.url}/cgi-bin/gettoken?${q}`)).json() as Promise<Record<string, any>>;
  assert.equal((await get(`corpid=${CORP}&corpsecret=wrong`)).errcode, 40001);
  assert.equal((await get(`corpid=wwnobody&corpsecret=${SECRET}`)).errcode, 40013);
  assert.equal((await get(`corpsecret=${SECRET}`)).errcode, 41002);

  const token = await sim.api.token();
  const inBody = await fetch(`${sim.url}/cgi-bin/externalcontact/batch/get_by_user`, {
    method: 'POST', body: JSON.stringify({ access_token: token, userid_list: ['zhangsan'] }), headers: { 'content-type': 'application/json' },
  });
  assert.equal(inBody.status, 200, 'errors come back with HTTP 200');
  assert.equal(((await inBody.json()) as Record<string, any>).errcode, 41001);

  const viaGet = await fetch(`${sim.url}/cgi-bin/externalcontact/batch/get_by_user?access_token=${token}`);
  assert.equal(((await viaGet.json()) as Record<string, any>).errcode, 40058);

  const badJson = await fetch(`${sim.url}/cgi-bin/externalcontact/get_corp_tag_list?access_token=${token}`, { method: 'POST', body: '{oops' });
  assert.equal(((await badJson.json()) as Record<string, any>).errcode, 47001);
});

test('directory: departments, user list with children, user/get 60111', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  await sim.control.addDepartments(CORP, [{ id: 2, name: '销售部', parentid: 1 }, { id: 3, name: '华东组', parentid: 2, order: 5 }]);
  await sim.control.addMember(CORP, { userid: 'wangwu', name: '王五', department: [3], position: '店长', gender: 1 });
  const deps = await sim.api.get('/cgi-bin/department/list', { id: 2 });
  assert.deepEqual(deps.department.map((d: { id: number }) => d.id), [2, 3]);
  const direct = await sim.api.get('/cgi-bin/user/list', { department_id: 2 });
  assert.deepEqual(direct.userlist, []);
  const all = await sim.api.get('/cgi-bin/user/list', { department_id: 2, fetch_child: 1 });
  assert.equal(all.userlist[0].userid, 'wangwu');
  assert.equal(all.userlist[0].gender, '1');
  assert.equal((await sim.api.get('/cgi-bin/user/get', { userid: 'wangwu' })).position, '店长');
  await sim.control.resignMember(CORP, 'wangwu');
  assert.equal((await sim.api.get('/cgi-bin/user/get', { userid: 'wangwu' })).errcode, 60111);
  assert.equal((await sim.api.get('/cgi-bin/user/get', { userid: 'ghost' })).errcode, 60111);
});
