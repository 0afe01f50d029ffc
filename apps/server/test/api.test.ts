// The HTTP API as an integration would use it: login, errors, customers, tags, masking, tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, client, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let boss: Client;

before(async () => {
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  boss = await srv.login('boss@alpha', PASSWORD);
});
after(async () => srv?.close());

test('health, OpenAPI and readable docs', async () => {
  const anon = client(srv.url);
  assert.deepEqual((await anon.get('/healthz')).body, { ok: true });
  const spec = (await anon.get('/api/openapi.json')).body;
  assert.equal(spec.openapi.startsWith('3.'), true);
  assert.ok(spec.paths['/api/customers'].get, 'customers list documented');
  assert.ok(spec.paths['/api/customers/{id}/tags'].post, 'tag assignment documented');
  const docs = await fetch(`${srv.url}/api/docs/`);
  assert.equal(docs.status, 200);
  assert.match(await docs.text(), /swagger/i);
});

test('login errors are clear and Chinese; the session cookie is httpOnly and SameSite', async () => {
  const anon = client(srv.url);
  const wrong = await anon.post('/api/auth/login', { account: 'boss@alpha', password: 'nope-nope' });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.code, 'INVALID_CREDENTIALS');
  assert.equal(wrong.body.error.message, '账号或密码错误');
  const noTenant = await anon.post('/api/auth/login', { account: 'boss@nowhere', password: PASSWORD });
  assert.equal(noTenant.body.error.code, 'INVALID_CREDENTIALS', 'an unknown tenant looks like a wrong password');
  const badFormat = await anon.post('/api/auth/login', { account: 'boss', password: PASSWORD });
  assert.equal(badFormat.status, 400);
  const res = await fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'admin@alpha', password: PASSWORD }) });
  const setCookie = res.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);
  assert.equal((await anon.get('/api/customers')).status, 401);
  assert.equal((await anon.get('/api/customers')).body.error.message, '请先登录');
});

test('login is throttled after repeated failures, even with the right password', async () => {
  const anon = client(srv.url);
  for (let i = 0; i < 5; i++) assert.equal((await anon.post('/api/auth/login', { account: 's3@alpha', password: `bad-${i}` })).status, 401);
  const locked = await anon.post('/api/auth/login', { account: 's3@alpha', password: PASSWORD });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'LOGIN_THROTTLED');
  assert.match(locked.body.error.message, /分钟后再试/);
});

test('invalid bodies and unknown ids get clear errors', async () => {
  const bad = await boss.post('/api/customers', { name: '', phone: '123' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
  assert.match(bad.body.error.message, /请求参数不正确/);
  const notJson = await fetch(`${srv.url}/api/customers`, { method: 'POST', headers: { cookie: boss.cookie, 'content-type': 'application/json' }, body: '{"name":' });
  assert.equal(notJson.status, 400);
  assert.equal(((await notJson.json()) as any).error.message, '请求体不是有效的 JSON');
  const unknown = await boss.get('/api/customers/0190f0f0-0000-7000-8000-000000000000');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.code, 'NOT_FOUND');
  assert.equal(unknown.body.error.message, '客户不存在或无权查看');
  assert.equal((await boss.get('/api/customers?cursor=garbage')).status, 400);
  assert.equal((await boss.get('/api/nope')).status, 404);
});

test('phones are masked in every answer and revealed only to admins, audited', async () => {
  const { c1 } = world.alpha.customers;
  const list = await boss.get('/api/customers?limit=100');
  const detail = await boss.get(`/api/customers/${c1.id}`);
  for (const body of [list.body, detail.body]) assert.doesNotMatch(JSON.stringify(body), /1\d{10}/, 'no full phone in any answer');
  assert.equal(detail.body.phoneMasked, '138****5678');
  const staff = await srv.login('s1@alpha', PASSWORD);
  assert.equal((await staff.post(`/api/customers/${c1.id}/reveal-phone`, { reason: '核对收货信息' })).status, 403);
  assert.equal((await boss.post(`/api/customers/${c1.id}/reveal-phone`, {})).status, 400, 'a reason is required');
  const revealed = await boss.post(`/api/customers/${c1.id}/reveal-phone`, { reason: '核对收货信息' });
  assert.equal(revealed.body.phone, '13812345678');
  const audit = await srv.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'customer.phone.reveal').execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0].target_id, c1.id);
  assert.equal((audit[0].detail as { reason: string }).reason, '核对收货信息');
  const row = await srv.deps.db.selectFrom('customers').select(['phone_enc', 'phone_hash']).where('id', '=', c1.id).executeTakeFirstOrThrow();
  assert.doesNotMatch(row.phone_enc!, /13812345678/);
  assert.equal(row.phone_hash, srv.deps.pii.hashPhone('13812345678'));
});

test('search by name fragment, nickname, full phone and phone last 4', async () => {
  const names = async (q: string) => (await boss.get(`/api/customers?q=${encodeURIComponent(q)}`)).body.items.map((c: { name: string }) => c.name).sort();
  assert.deepEqual(await names('娜'), ['李娜', '欧阳娜娜']);
  assert.deepEqual(await names('欧阳娜'), ['欧阳娜娜']);
  assert.deepEqual(await names('小芳'), ['王小芳']);
  assert.deepEqual(await names('13900001111'), ['李娜']);
  assert.deepEqual(await names('+86 139-0000-1111'), ['李娜']);
  assert.deepEqual(await names('2222'), ['欧阳娜娜']);
  assert.deepEqual(await names('不存在的人'), []);
});

test('tags: assign with who and why, filter by all selected tags, remove; the timeline shows it', async () => {
  const { c1, c2 } = world.alpha.customers;
  const { tagAjiao, tagYanwo } = world.alpha.tags;
  const r1 = await boss.post(`/api/customers/${c1.id}/tags`, { add: [tagAjiao.id, tagYanwo.id], reason: '咨询过阿胶糕' });
  assert.equal(r1.status, 200);
  assert.deepEqual(r1.body.tags.map((t: { name: string }) => t.name).sort(), ['燕窝', '阿胶']);
  assert.equal(r1.body.tags[0].assignedByName, '老板');
  assert.equal(r1.body.tags[0].reason, '咨询过阿胶糕');
  await boss.post(`/api/customers/${c2.id}/tags`, { add: [tagAjiao.id] });
  const ids = async (tagIds: string) => (await boss.get(`/api/customers?tagIds=${tagIds}`)).body.items.map((c: { id: string }) => c.id).sort();
  // The filter reads tag tokens kept by a consumer: a just-assigned tag shows within moments.
  await eventually(async () => (await ids(tagAjiao.id)).length === 2, 10_000, 'tag tokens');
  assert.deepEqual(await ids(tagAjiao.id), [c1.id, c2.id].sort());
  assert.deepEqual(await ids(`${tagAjiao.id},${tagYanwo.id}`), [c1.id]);
  const listed = (await boss.get(`/api/customers?tagIds=${tagYanwo.id}`)).body.items[0];
  assert.deepEqual(listed.tags.map((t: { name: string }) => t.name).sort(), ['燕窝', '阿胶']);
  const again = await boss.post(`/api/customers/${c1.id}/tags`, { add: [tagAjiao.id] });
  assert.equal(again.body.tags.length, 2, 'adding an existing tag is a no-op');
  await boss.post(`/api/customers/${c1.id}/tags`, { remove: [tagYanwo.id] });
  assert.deepEqual(await ids(tagYanwo.id), [], 'a removed tag stops matching at once (rechecked against assignments)');
  const unknownTag = await boss.post(`/api/customers/${c1.id}/tags`, { add: ['no-such-tag'] });
  assert.equal(unknownTag.status, 404);
  const timeline = await eventually(async () => {
    const t = (await boss.get(`/api/customers/${c1.id}/timeline`)).body.items as Array<{ title: string }>;
    return t.some((e) => e.title === '移除标签「燕窝」') ? t : null;
  }, 10_000, 'timeline entries');
  const titles = timeline.map((e) => e.title);
  assert.equal(titles.filter((t) => t === '打上标签「阿胶」').length, 1, 'the no-op did not add an entry');
  assert.ok(titles.includes('成为客户（来源：手动录入）'));
});

test('keyset pagination walks every customer once, newest first', async () => {
  for (let i = 0; i < 7; i++) await boss.post('/api/customers', { name: `分页客户${i}` });
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { body: { items: Array<{ id: string }>; nextCursor: string | null; total: number | null } } = await boss.get(`/api/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.body.total, cursor ? null : 11, 'counted on the first page only');
    seen.push(...res.body.items.map((c) => c.id));
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 4);
  assert.equal(new Set(seen).size, 11);
  assert.deepEqual([...seen].sort().reverse(), seen, 'newest first');
});

test('customer create and update; staff and departments management with roles', async () => {
  const created = await boss.post('/api/customers', { name: '新客户', phone: '13512345678', province: '浙江' });
  assert.equal(created.body.phoneMasked, '135****5678');
  const updated = await boss.patch(`/api/customers/${created.body.id}`, { remark: '喜欢小包装', phone: null });
  assert.equal(updated.body.remark, '喜欢小包装');
  assert.equal(updated.body.phoneMasked, null);
  const dept = await boss.post('/api/departments', { name: '社群组', parentId: world.alpha.dept.root.id });
  assert.equal(dept.status, 200);
  const newStaff = await boss.post('/api/staff', { username: 'newbie', name: '新人', password: 'long-enough-1', role: 'staff', departmentId: dept.body.id, phone: '13600001234' });
  assert.equal(newStaff.status, 200);
  assert.equal(newStaff.body.phoneMasked, '136****1234');
  const dup = await boss.post('/api/staff', { username: 'newbie', name: '重复', password: 'long-enough-1', role: 'staff' });
  assert.equal(dup.status, 409);
  const staff = await srv.login('newbie@alpha', 'long-enough-1');
  assert.equal((await staff.post('/api/staff', { username: 'x1', name: 'x', password: 'long-enough-1', role: 'staff' })).status, 403);
  assert.equal((await boss.del(`/api/departments/${dept.body.id}`)).status, 409, 'a department with staff cannot be deleted');
  await boss.patch(`/api/staff/${newStaff.body.id}`, { active: false });
  assert.equal((await staff.get('/api/auth/me')).status, 401, 'disabling ends the session');
  const tree = (await boss.get('/api/departments')).body as Array<{ id: string; parentId: string | null }>;
  assert.equal(tree.find((d) => d.id === dept.body.id)?.parentId, world.alpha.dept.root.id);
});

test('API tokens authenticate integrations and can be revoked', async () => {
  const created = await boss.post('/api/tokens', { name: 'ERP 对接' });
  assert.match(created.body.token, /^siyu_/);
  const api = client(srv.url, { bearer: created.body.token });
  assert.equal((await api.get('/api/customers')).status, 200);
  const listed = (await boss.get('/api/tokens')).body;
  assert.ok(!JSON.stringify(listed).includes(created.body.token), 'the secret is shown once');
  await boss.del(`/api/tokens/${created.body.id}`);
  assert.equal((await api.get('/api/customers')).status, 401);
  assert.equal((await client(srv.url, { bearer: 'siyu_forged_token' }).get('/api/customers')).status, 401);
});

test('deleting a tag removes its assignments and its filter tokens', async () => {
  const group = (await boss.post('/api/tag-groups', { name: '临时' })).body;
  const tag = (await boss.post('/api/tags', { groupId: group.id, name: '试用装' })).body;
  const { c3 } = world.alpha.customers;
  await boss.post(`/api/customers/${c3.id}/tags`, { add: [tag.id] });
  const tokens = async () => (await srv.deps.db.selectFrom('customers').select('search_grams').where('id', '=', c3.id).executeTakeFirstOrThrow()).search_grams;
  await eventually(async () => (await tokens()).includes(`t:${tag.id}`), 10_000, 'the tag token');
  assert.equal((await boss.del(`/api/tag-groups/${group.id}`)).status, 200);
  assert.equal((await boss.get(`/api/customers/${c3.id}`)).body.tags.length, 0);
  await eventually(async () => !(await tokens()).includes(`t:${tag.id}`), 10_000, 'the token removed');
  assert.equal((await boss.get(`/api/customers?tagIds=${tag.id}`)).status, 200);
});

test('editing a customer keeps its scope and tag tokens', async () => {
  const { c4 } = world.alpha.customers;
  const { tagYanwo } = world.alpha.tags;
  await boss.post(`/api/customers/${c4.id}/tags`, { add: [tagYanwo.id] });
  const found = async (c: Client, q: string) => ((await c.get(`/api/customers?q=${encodeURIComponent(q)}&tagIds=${tagYanwo.id}`)).body.items as Array<{ id: string }>).map((x) => x.id);
  await eventually(async () => (await found(boss, '欧阳')).includes(c4.id), 10_000, 'the tag token');
  assert.equal((await boss.patch(`/api/customers/${c4.id}`, { name: '欧阳娜娜改' })).status, 200);
  assert.deepEqual(await found(boss, '娜改'), [c4.id], 'new name grams, tag token kept');
  const lead = await srv.login('lead1@alpha', PASSWORD);
  assert.deepEqual(await found(lead, '娜改'), [c4.id], 'owner token kept');
});
