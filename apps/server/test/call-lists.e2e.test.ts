// Call lists (电话回访) end to end, over real HTTP on a real database: buyers imported from a 抖店
// export with full phones, a WeCom corp simulated for friends. Every expected task is known in
// advance: which buyers are in (shop, date, status), which are left out (friends, already in an
// open list), who calls whom (round-robin), what each staff member sees, the audited reveal, a
// call-back that comes back at its time, "added" linked in both orders of events, another
// tenant's 404s, and the masked, audited Excel export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { addCustomerIdentity } from '../src/modules/customers/index.ts';
import { buyerPhone as phone, douyinRow as row, importDouyin } from './helpers/douyin-orders.ts';

const CORP = 'wwcall00000001';
const SECRET = 'call-app-secret-0001';
const TOKEN = 'callToken';
const AES = 'CallEncodingAesKey0123456789abcdefghijklmnopq'.slice(0, 43);

let srv: TestServer;
let sim: RunningSimulator;
let admin: Client, lead: Client, s1: Client, s2: Client, s3: Client, beta: Client;
let world: Awaited<ReturnType<typeof buildWorld>>;
let tenantId: string;
const shops: Record<string, string> = {};
const q = async <T = any>(text: string, params: unknown[] = []) => (await srv.deps.pool.query(text, params)).rows as T[];
const customerOf = async (n: number) => (await q(`select id from customers where tenant_id = $1 and phone_hash = $2`, [tenantId, srv.deps.pii.hashPhone(phone(n))]))[0].id as string;

/** A WeChat user known by unionid becomes a friend of zhangsan; resolves when the relation is stored. */
async function befriend(buyer: number) {
  const customerId = await customerOf(buyer);
  await addCustomerIdentity(srv.deps, tenantId, customerId, 'unionid', `oUnionCall${buyer}`);
  const u = await sim.control.createWechatUser(CORP, { name: `微信买家${buyer}`, unionid: `oUnionCall${buyer}` });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan', add_way: 1 });
  await eventually(async () => (await q(`select 1 from wecom_relations where tenant_id = $1 and customer_id = $2`, [tenantId, customerId])).length > 0, 10_000, `friend ${buyer}`);
  return customerId;
}

before(async () => {
  sim = await startSimulator({ port: 0, callbackTimeoutMs: 3000 });
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  tenantId = world.alpha.tenantId;
  [admin, lead, s1, s2, s3, beta] = await Promise.all(['boss@alpha', 'lead1@alpha', 's1@alpha', 's2@alpha', 's3@alpha', 'boss@beta'].map((a) => srv.login(a, PASSWORD)));
  const c = sim.control;
  await c.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await c.addDepartments(CORP, [{ id: 1, name: '阿尔法滋补', parentid: 0 }]);
  await c.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [1] });
  const conn = await admin.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(conn.status, 200, JSON.stringify(conn.body));
  await c.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId}`, token: TOKEN, encoding_aes_key: AES });
  const sync = await admin.post('/api/wecom/sync', { kind: 'incremental' });
  await eventually(async () => ['done', 'failed'].includes((await admin.get('/api/wecom/sync')).body.recent.find((r: { id: string }) => r.id === sync.body.id)?.status), 60_000, 'sync');

  for (const name of ['抖店一号', '抖店二号']) shops[name] = (await admin.post('/api/shops', { platform: 'douyin', name })).body.id;
  await importDouyin(srv, admin.cookie, shops['抖店一号'], [
    row('7000000000000000011', 1, '2026-11-05 10:00:00', '已发货'),
    row('7000000000000000012', 1, '2026-11-20 10:00:00', '已完成', '燕窝礼盒'), // buyer 1's latest order
    row('7000000000000000021', 2, '2026-11-10 10:00:00', '已完成'),
    row('7000000000000000031', 3, '2026-11-12 10:00:00', '已发货'), // a friend already: left out
    row('7000000000000000041', 4, '2026-11-15 10:00:00', '已发货'),
    row('7000000000000000051', 5, '2026-11-16 10:00:00', '已关闭'), // status not chosen
    row('7000000000000000061', 6, '2026-10-20 10:00:00', '已发货'), // before the range of the first list
    row('7000000000000000091', 9, '2026-11-25 10:00:00', '已发货'),
  ]);
  await importDouyin(srv, admin.cookie, shops['抖店二号'], [row('7000000000000000081', 8, '2026-11-15 10:00:00', '已发货')]); // shop not chosen
  await befriend(3);
});
after(async () => {
  await srv?.close();
  await sim?.stop();
});

const input = (over: Record<string, unknown> = {}) => ({
  name: '11月抖店回访', shopIds: [shops['抖店一号']], from: '2026-11-01', to: '2026-11-30', statuses: ['shipped', 'completed'],
  script: '{客户姓名}您好，我是{员工姓名}，您买的{商品名}收到了吗？', staff: [{ staffId: world.alpha.s1.staffId }, { staffId: world.alpha.s2.staffId }], ...over,
});
let listId: string;
const tasksOf = async (c: Client, query = 'view=all') => (await c.get(`/api/call-tasks?${query}`)).body;
const taskFor = async (buyer: number) => (await q(`select id from call_tasks where tenant_id = $1 and list_id = $2 and customer_id = $3`, [tenantId, listId, await customerOf(buyer)]))[0].id as string;

test('a list from imported orders has exactly the expected tasks, latest buyers first, dealt round-robin', async () => {
  assert.equal((await s1.post('/api/call-lists', input())).status, 403, 'staff do not make lists');
  assert.equal((await lead.post('/api/call-lists', input({ staff: [{ staffId: world.alpha.s3.staffId }] }))).status, 403, 'a lead deals to their department only');
  const r = await lead.post('/api/call-lists', input());
  assert.equal(r.status, 200, JSON.stringify(r.body));
  listId = r.body.id;
  assert.deepEqual(r.body.skipped, { friends: 1, inOtherList: 0, noPhone: 0 });
  assert.equal(r.body.counts.total, 4);
  const rows = await q(`select customer_id, staff_id, seq, phone_masked, order_summary from call_tasks where tenant_id = $1 and list_id = $2 order by seq`, [tenantId, listId]);
  const { s1: a, s2: b } = world.alpha;
  assert.deepEqual(rows.map((x) => [x.customer_id, x.staff_id]), [[await customerOf(9), a.staffId], [await customerOf(1), b.staffId], [await customerOf(4), a.staffId], [await customerOf(2), b.staffId]]);
  assert.deepEqual(rows[1].order_summary.orders, 2);
  assert.equal(rows[1].order_summary.titles, '燕窝礼盒');
  assert.equal(rows[0].phone_masked, '138****0009');

  // A second list over a wider range: buyers of the open first list and the friend are left out.
  const second = await admin.post('/api/call-lists', input({ name: '10-11月', from: '2026-10-01', staff: [{ staffId: world.alpha.s3.staffId, weight: 2 }], assignMode: 'weight' }));
  assert.equal(second.status, 200, JSON.stringify(second.body));
  assert.deepEqual(second.body.skipped, { friends: 1, inOtherList: 4, noPhone: 0 });
  assert.equal(second.body.counts.total, 1);
});

test('staff see only their own tasks, with the script filled; leads see their department', async () => {
  const mine = await tasksOf(s1);
  assert.equal(mine.total, 2);
  assert.ok(mine.items.every((t: { staffId: string }) => t.staffId === world.alpha.s1.staffId));
  assert.equal(mine.items[0].script, '买家9您好，我是员工一，您买的阿胶糕 500g收到了吗？');
  assert.match(mine.items[0].phoneMasked, /^138\*{4}\d{4}$/);
  assert.ok(!JSON.stringify(mine).includes(phone(9)), 'no full number in a list');
  assert.equal((await tasksOf(s3, `listId=${listId}`)).total, 0);
  assert.equal((await tasksOf(lead, `listId=${listId}`)).total, 4);
  assert.equal((await s2.get(`/api/call-tasks/${await taskFor(9)}`)).status, 404, "another staff member's task");
  const lists = (await s1.get('/api/call-lists')).body;
  assert.deepEqual(lists.map((l: { name: string; counts: { total: number } }) => [l.name, l.counts.total]), [['11月抖店回访', 2]]);
});

test('revealing a number is for the assigned staff member only, and each reveal is audited', async () => {
  const id = await taskFor(9);
  assert.equal((await lead.post(`/api/call-tasks/${id}/reveal`)).status, 403);
  assert.equal((await s2.post(`/api/call-tasks/${id}/reveal`)).status, 404);
  const r = await s1.post(`/api/call-tasks/${id}/reveal`);
  assert.equal(r.status, 200);
  assert.equal(r.body.phone, phone(9));
  const log = await q(`select actor_id, detail from audit_log where tenant_id = $1 and action = 'call_task.phone.reveal' and target_id = $2`, [tenantId, id]);
  assert.equal(log.length, 1);
  assert.equal(log[0].actor_id, world.alpha.s1.staffId);
  assert.equal((await s1.get(`/api/call-tasks/${id}`)).body.reveals, 1);
});

test('call back later hides the task until its time, then it is due again', async () => {
  const id = await taskFor(1);
  const now = srv.deps.clock.now();
  assert.equal((await s2.post(`/api/call-tasks/${id}/outcome`, { outcome: 'callback' })).status, 400, 'a call-back needs its time');
  const r = await s2.post(`/api/call-tasks/${id}/outcome`, { outcome: 'callback', note: '在开会', callbackAt: new Date(now.getTime() + 3600_000).toISOString() });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const ids = async (view: string) => (await tasksOf(s2, `view=${view}`)).items.map((t: { id: string }) => t.id);
  assert.ok(!(await ids('due')).includes(id));
  assert.ok((await ids('scheduled')).includes(id));
  const real = srv.deps.clock;
  srv.deps.clock = { now: () => new Date(now.getTime() + 2 * 3600_000) };
  try {
    assert.deepEqual((await ids('due'))[(await ids('due')).length - 1], id, 'back in the queue, after the never-called');
    assert.ok(!(await ids('scheduled')).includes(id));
  } finally {
    srv.deps.clock = real;
  }
});

test('"added WeCom" links to the friend, whether the friend arrives after the outcome or before it', async () => {
  // The outcome first, then the friend.
  const after_ = await taskFor(9);
  const r = await s1.post(`/api/call-tasks/${after_}/outcome`, { outcome: 'added' });
  assert.equal(r.body.linkedAt, null);
  await befriend(9);
  const linked = await eventually(async () => { const t = (await s1.get(`/api/call-tasks/${after_}`)).body; return t.linkedAt ? t : null; }, 10_000, 'linked after');
  assert.equal(linked.friendStaffName, '张三');
  // The friend first (the consumer notes it), then the outcome links at once.
  const before_ = await taskFor(4);
  await befriend(4);
  await eventually(async () => (await s1.get(`/api/call-tasks/${before_}`)).body.friendAt, 10_000, 'friend noted');
  const r2 = await s1.post(`/api/call-tasks/${before_}/outcome`, { outcome: 'added', note: '已通过' });
  assert.ok(r2.body.linkedAt, 'linked as the outcome is recorded');
  const list = (await lead.get(`/api/call-lists/${listId}`)).body;
  assert.deepEqual({ added: list.counts.added, linked: list.counts.linked, callback: list.counts.callback, pending: list.counts.pending }, { added: 2, linked: 2, callback: 1, pending: 1 });
  const stats = (await lead.get(`/api/call-lists/${listId}/stats`)).body;
  assert.deepEqual(stats.map((s: { name: string; added: number; total: number }) => [s.name, s.total, s.added]), [['员工一', 2, 2], ['员工二', 2, 0]]);
});

test('a friend who arrives as a new WeChat customer links once a binding merges the buyer into them; undo unlinks', async () => {
  const id = await taskFor(2);
  assert.equal((await s2.post(`/api/call-tasks/${id}/outcome`, { outcome: 'added' })).body.linkedAt, null);
  const u = await sim.control.createWechatUser(CORP, { name: '没有unionid的买家' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan', add_way: 1 });
  const friendId = await eventually(async () => (await q(`select customer_id from wecom_relations where tenant_id = $1 and external_userid = $2`, [tenantId, u.external_userid]))[0]?.customer_id, 10_000, 'new friend');
  assert.equal((await s2.get(`/api/call-tasks/${id}`)).body.linkedAt, null, 'another customer until matched');
  const merge = await admin.post('/api/customers/merge', { keepId: friendId, mergeId: await customerOf(2), reason: '绑定订单（测试）' });
  assert.equal(merge.status, 200, JSON.stringify(merge.body));
  const linked = await eventually(async () => { const t = (await s2.get(`/api/call-tasks/${id}`)).body; return t.linkedAt ? t : null; }, 10_000, 'linked by merge');
  assert.equal(linked.customerId, friendId);
  assert.equal(linked.friendStaffName, '张三');
  assert.equal((await admin.post(`/api/merges/${merge.body.id}/undo`)).status, 200);
  const back = await eventually(async () => { const t = (await s2.get(`/api/call-tasks/${id}`)).body; return t.customerId !== friendId ? t : null; }, 10_000, 'moved back');
  assert.equal(back.linkedAt, null);
});

test('another tenant sees nothing', async () => {
  const id = await taskFor(2);
  assert.equal((await beta.get(`/api/call-lists/${listId}`)).status, 404);
  assert.equal((await beta.get(`/api/call-tasks/${id}`)).status, 404);
  assert.equal((await beta.post(`/api/call-tasks/${id}/reveal`)).status, 404);
  assert.equal((await beta.get(`/api/call-lists/${listId}/export.xlsx`)).status, 404);
  assert.deepEqual((await beta.get('/api/call-lists')).body, []);
  assert.equal((await tasksOf(beta)).total, 0);
});

test('the Excel export of outcomes is masked and audited', async () => {
  assert.equal((await s1.get(`/api/call-lists/${listId}/export.xlsx`)).status, 403);
  const res = await fetch(`${srv.url}/api/call-lists/${listId}/export.xlsx`, { headers: { cookie: lead.cookie } });
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows = ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  assert.equal(rows.length, 4);
  const header = (ws.getRow(1).values as string[]).slice(1);
  const col = (name: string) => header.indexOf(name);
  assert.ok(rows.every((r) => /^138\*{4}\d{4}$/.test(String(r[col('手机号')]))));
  assert.deepEqual(rows.map((r) => r[col('结果')] ?? ''), ['已加企微', '稍后回拨', '已加企微', '已加企微']);
  const log = await q(`select actor_id, detail from audit_log where tenant_id = $1 and action = 'call_list.export' and target_id = $2`, [tenantId, listId]);
  assert.deepEqual(log.map((l) => [l.actor_id, l.detail.rows]), [[world.alpha.lead1.staffId, 4]]);
});
