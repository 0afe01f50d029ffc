// Tenant isolation: a user of tenant A naming tenant B's ids gets 404 on every customer route,
// and nothing of B changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let alphaOwner: Client;

before(async () => {
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  alphaOwner = await srv.login('boss@alpha', PASSWORD);
});
after(async () => srv?.close());

test("tenant A's owner gets 404 for tenant B's customer on every customer route", async () => {
  const b1 = world.beta.customers.b1.id;
  const aTag = world.alpha.tags.tagAjiao.id;
  const routes: Array<[string, () => Promise<{ status: number }>]> = [
    ['GET detail', () => alphaOwner.get(`/api/customers/${b1}`)],
    ['PATCH', () => alphaOwner.patch(`/api/customers/${b1}`, { remark: '越权修改' })],
    ['GET timeline', () => alphaOwner.get(`/api/customers/${b1}/timeline`)],
    ['POST tags', () => alphaOwner.post(`/api/customers/${b1}/tags`, { add: [aTag] })],
    ['POST reveal-phone', () => alphaOwner.post(`/api/customers/${b1}/reveal-phone`, { reason: '越权查看' })],
  ];
  for (const [name, call] of routes) assert.equal((await call()).status, 404, name);
  const row = await srv.deps.db.selectFrom('customers').select('remark').where('id', '=', b1).executeTakeFirstOrThrow();
  assert.equal(row.remark, null, 'B unchanged');
  const tags = await srv.deps.db.selectFrom('customer_tags').selectAll().where('customer_id', '=', b1).execute();
  assert.equal(tags.length, 0);
});

test("tenant B's tags, staff and departments are invisible and unusable from A", async () => {
  const { c1 } = world.alpha.customers;
  assert.equal((await alphaOwner.post(`/api/customers/${c1.id}/tags`, { add: [world.beta.tags.bTag.id] })).status, 404, "B's tag cannot be put on A's customer");
  assert.equal((await alphaOwner.patch(`/api/tags/${world.beta.tags.bTag.id}`, { name: '改名' })).status, 404);
  assert.equal((await alphaOwner.del(`/api/tag-groups/${world.beta.group.id}`)).status, 404);
  assert.equal((await alphaOwner.patch(`/api/staff/${world.beta.owner.staffId}`, { name: '越权' })).status, 404);
  const groups = (await alphaOwner.get('/api/tag-groups')).body as Array<{ name: string }>;
  assert.ok(!groups.some((g) => g.name === '体质'));
  const list = (await alphaOwner.get('/api/customers?limit=100')).body.items as Array<{ id: string }>;
  assert.ok(!list.some((c) => c.id === world.beta.customers.b1.id));
  assert.equal((await alphaOwner.get(`/api/customers?q=${encodeURIComponent('赵敏')}`)).body.items.length, 0);
  const staff = (await alphaOwner.get('/api/staff')).body as Array<{ id: string }>;
  assert.ok(!staff.some((s) => s.id === world.beta.owner.staffId));
});

test('a session cookie naming another tenant is not a session there', async () => {
  const [tenant, secret] = alphaOwner.cookie.replace('siyu_session=', '').split('.');
  assert.ok(secret);
  const forged = `siyu_session=${world.beta.tenantId}.${secret}`;
  const res = await fetch(`${srv.url}/api/customers`, { headers: { cookie: forged } });
  assert.equal(res.status, 401);
  assert.notEqual(tenant, world.beta.tenantId);
});
