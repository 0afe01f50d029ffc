// Data scope: staff see their own customers, leads their department subtree's, admins all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

before(async () => {
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
});
after(async () => srv?.close());

const namesOf = async (account: string) => {
  const c = await srv.login(account, PASSWORD);
  return ((await c.get('/api/customers?limit=100')).body.items as Array<{ name: string }>).map((x) => x.name).sort();
};

test('each role sees exactly its scope in the list', async () => {
  assert.deepEqual(await namesOf('s1@alpha'), ['王小芳']);
  assert.deepEqual(await namesOf('s3@alpha'), ['张伟']);
  // lead1 leads 私聊一组, which contains s1 and (through 一组A) s2, plus the lead's own customer
  assert.deepEqual(await namesOf('lead1@alpha'), ['李娜', '欧阳娜娜', '王小芳'].sort());
  assert.deepEqual(await namesOf('admin@alpha'), ['张伟', '李娜', '欧阳娜娜', '王小芳'].sort());
  assert.deepEqual(await namesOf('boss@alpha'), ['张伟', '李娜', '欧阳娜娜', '王小芳'].sort());
});

test('out-of-scope customers are 404 on detail and cannot be tagged or edited', async () => {
  const s1 = await srv.login('s1@alpha', PASSWORD);
  const { c1, c3 } = world.alpha.customers;
  assert.equal((await s1.get(`/api/customers/${c1.id}`)).status, 200);
  assert.equal((await s1.get(`/api/customers/${c3.id}`)).status, 404);
  assert.equal((await s1.patch(`/api/customers/${c3.id}`, { remark: 'x' })).status, 404);
  assert.equal((await s1.post(`/api/customers/${c3.id}/tags`, { add: [world.alpha.tags.tagAjiao.id] })).status, 404);
  assert.equal((await s1.get(`/api/customers/${c3.id}/timeline`)).status, 404);
  const lead = await srv.login('lead1@alpha', PASSWORD);
  assert.equal((await lead.get(`/api/customers/${world.alpha.customers.c2.id}`)).status, 200, 'grandchild department is in scope');
  assert.equal((await lead.get(`/api/customers/${c3.id}`)).status, 404, 'sibling department is not');
});

test('moving a staff member to another department moves their customers out of the lead scope', async () => {
  const boss = await srv.login('boss@alpha', PASSWORD);
  await boss.patch(`/api/staff/${world.alpha.s2.staffId}`, { departmentId: world.alpha.dept.team2.id });
  assert.deepEqual(await namesOf('lead1@alpha'), ['欧阳娜娜', '王小芳'].sort());
  await boss.patch(`/api/departments/${world.alpha.dept.team2.id}`, { parentId: world.alpha.dept.team1.id });
  assert.deepEqual(await namesOf('lead1@alpha'), ['张伟', '李娜', '欧阳娜娜', '王小芳'].sort(), 'a moved subtree comes along');
  const cyc = await boss.patch(`/api/departments/${world.alpha.dept.team1.id}`, { parentId: world.alpha.dept.team2.id });
  assert.equal(cyc.status, 400, 'no cycles');
});

test('staff only see the overview numbers of their scope', async () => {
  const s1 = await srv.login('s1@alpha', PASSWORD);
  const stats = (await s1.get('/api/customers/stats')).body;
  assert.equal(stats.total, 1);
  assert.equal(stats.ownedByMe, 1);
  const boss = await srv.login('boss@alpha', PASSWORD);
  assert.equal((await boss.get('/api/customers/stats')).body.total, 4);
});
