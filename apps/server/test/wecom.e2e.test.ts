// WeCom end to end: the simulator (a WeCom of our own, over HTTP) sends real encrypted callbacks
// to a real Siyu server, which reads back through the production client. A simulated user scans
// a contact way → the customer is in Siyu with its state; deletions on either side; faults; sync.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { createWecomClient } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

const CORP = 'wwe2e0000001';
const SECRET = 'e2e-app-secret-0001';
const TOKEN = 'e2eToken';
const AES = 'E2eEncodingAesKey0123456789abcdefghijklmnop';

let srv: TestServer;
let sim: RunningSimulator;
let admin: Client;
let tenantId: string;

const q = async <T = any>(sql: string, params: unknown[] = []) => (await srv.deps.pool.query(sql, params)).rows as T[];

before(async () => {
  sim = await startSimulator({ port: 0, callbackTimeoutMs: 3000 });
  srv = await startTestServer();
  tenantId = (await buildWorld(srv.deps)).alpha.tenantId;
  admin = await srv.login('boss@alpha', PASSWORD);
  const c = sim.control;
  await c.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await c.addDepartments(CORP, [{ id: 1, name: '阿尔法滋补', parentid: 0 }, { id: 2, name: '私域部', parentid: 1 }]);
  await c.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [2] });
  await c.addMember(CORP, { userid: 'lisi', name: '李四', department: [2] });
  const saved = await admin.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  // Like WeCom's admin console: saving the URL makes WeCom verify it against Siyu right away.
  await c.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId}`, token: TOKEN, encoding_aes_key: AES });
});
after(async () => {
  await srv?.close();
  await sim?.stop();
});

async function syncAndWait(kind: 'full' | 'incremental') {
  const started = await admin.post('/api/wecom/sync', { kind });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const run = await eventually(async () => {
    const r = (await admin.get('/api/wecom/sync')).body.recent.find((x: { id: string }) => x.id === started.body.id);
    return r && (r.status === 'done' || r.status === 'failed') ? r : null;
  }, 120_000, `${kind} sync`);
  assert.equal(run.status, 'done', run.error);
  return run;
}

test('test connection gets a token and the members who may contact customers', async () => {
  const r = await admin.post('/api/wecom/connection/test');
  assert.equal(r.status, 200);
  assert.equal(r.body.ok, true, r.body.message);
  assert.equal(r.body.followUsers, 2);
  assert.equal((await admin.get('/api/wecom/connection')).body.status, 'connected');
});

test('first sync brings the members in as staff; a scanned contact way becomes a customer with its state within a second', async () => {
  await syncAndWait('incremental');
  const staff = await q(`select name, wecom_userid from staff where tenant_id = $1 and wecom_userid is not null order by wecom_userid`, [tenantId]);
  assert.deepEqual(staff.map((s) => s.wecom_userid), ['lisi', 'zhangsan']);

  const wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
  const way = await wecom.addContactWay({ type: 1, scene: 2, state: 'pkgcard-ajiao-11', user: ['zhangsan'] });
  const { external_userid } = await sim.control.createWechatUser(CORP, { name: '小鱼儿', unionid: 'oUnionE2e0001', gender: 2 });
  const t0 = Date.now();
  await sim.control.scanContactWay(CORP, { external_userid, config_id: way.config_id });
  const customerId = await eventually(async () => (await q(`select customer_id from wecom_relations where tenant_id = $1 and external_userid = $2`, [tenantId, external_userid]))[0]?.customer_id, 10_000, 'customer from scan');
  const ms = Date.now() - t0;
  assert.ok(ms < 3000, `customer appeared after ${ms} ms`);
  process.stderr.write(`[e2e] scan → customer in Siyu: ${ms} ms\n`);

  const detail = await admin.get(`/api/customers/${customerId}`);
  assert.equal(detail.body.name, '小鱼儿');
  assert.equal(detail.body.source, '渠道活码');
  assert.equal(detail.body.owners[0].name, '张三');
  const w = await admin.get(`/api/customers/${customerId}/wecom`);
  assert.equal(w.body.relations.length, 1);
  assert.equal(w.body.relations[0].state, 'pkgcard-ajiao-11');
  assert.equal(w.body.relations[0].addWay, 1);
  assert.equal(w.body.relations[0].addWayLabel, '扫描二维码');
  assert.equal(w.body.relations[0].status, 'active');
  assert.equal(w.body.unionid, true);
  const ev = await q(`select payload from outbox_events where tenant_id = $1 and type = 'wecom.friend_added' and aggregate_id = $2`, [tenantId, customerId]);
  assert.equal(ev.length, 1);
  assert.ok(ev[0].payload.welcomeCode, 'the welcome code reaches the event for later welcome messages');
});

test('deleted on either side is reflected; the staff member stops owning the customer', async () => {
  const wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
  const way = await wecom.addContactWay({ type: 2, scene: 2, state: 'live-0618', user: ['zhangsan', 'lisi'] });
  const a = await sim.control.createWechatUser(CORP, { name: '阿花' });
  await sim.control.addFriend(CORP, { external_userid: a.external_userid, userid: 'zhangsan', state: 'live-0618', add_way: 1 });
  await sim.control.addFriend(CORP, { external_userid: a.external_userid, userid: 'lisi', add_way: 2 });
  assert.ok(way.config_id);
  const relations = async () => eventually(async () => {
    const r = await q(`select userid, status from wecom_relations where tenant_id = $1 and external_userid = $2 order by userid`, [tenantId, a.external_userid]);
    return r.length === 2 ? r : null;
  }, 10_000, 'two relations');
  await relations();
  await sim.control.deleteByCustomer(CORP, { userid: 'zhangsan', external_userid: a.external_userid });
  await sim.control.deleteByMember(CORP, { userid: 'lisi', external_userid: a.external_userid });
  const ended = await eventually(async () => {
    const r = await q(`select userid, status from wecom_relations where tenant_id = $1 and external_userid = $2 order by userid`, [tenantId, a.external_userid]);
    return r.every((x) => x.status !== 'active') ? r : null;
  }, 10_000, 'relations ended');
  assert.deepEqual(ended, [{ userid: 'lisi', status: 'deleted_by_staff' }, { userid: 'zhangsan', status: 'deleted_by_customer' }]);
  const cust = (await q(`select customer_id from wecom_contacts where tenant_id = $1 and external_userid = $2`, [tenantId, a.external_userid]))[0].customer_id;
  assert.equal((await q(`select count(*)::int as n from customer_owners where tenant_id = $1 and customer_id = $2`, [tenantId, cust]))[0].n, 0);
  const del = await q(`select payload->>'by' as by from outbox_events where tenant_id = $1 and type = 'wecom.friend_deleted' and aggregate_id = $2 order by id`, [tenantId, cust]);
  assert.deepEqual(del.map((d) => d.by), ['customer', 'staff']);
});

test('45009 from WeCom while handling a callback: the client backs off and the customer still arrives', async () => {
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/get', errcode: 45009, count: 2 });
  const u = await sim.control.createWechatUser(CORP, { name: '限流测试' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan', state: 'rate-limit' });
  await eventually(async () => (await q(`select 1 from wecom_relations where tenant_id = $1 and external_userid = $2 and state = 'rate-limit'`, [tenantId, u.external_userid])).length > 0, 15_000, 'customer after 45009');
});

test('groups: created, joined and left in WeCom show in Siyu with members', async () => {
  const ext = (await q(`select external_userid from wecom_contacts where tenant_id = $1 and name = '小鱼儿'`, [tenantId]))[0].external_userid;
  const g = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '阿胶粉丝群', member_userids: ['lisi'] });
  await sim.control.joinGroup(CORP, g.chat_id, { external_userid: ext, join_scene: 3 });
  const detail = await eventually(async () => {
    const r = await admin.get(`/api/groups/${g.chat_id}`);
    return r.status === 200 && r.body.customerCount === 1 ? r.body : null;
  }, 10_000, 'group with a customer');
  assert.equal(detail.ownerName, '张三');
  const member = detail.members.find((m: { type: string }) => m.type === 'customer');
  assert.ok(member.customerId, 'the group member is linked to the customer');
  await sim.control.leaveGroup(CORP, g.chat_id, { external_userid: ext, quit_scene: 0 });
  await eventually(async () => (await admin.get(`/api/groups/${g.chat_id}`)).body.customerCount === 0, 10_000, 'member left');
  const list = await admin.get('/api/groups?q=阿胶');
  assert.equal(list.body.items[0].chatId, g.chat_id);
  const staff = await srv.login('s1@alpha', PASSWORD);
  assert.equal((await staff.get(`/api/groups/${g.chat_id}`)).status, 404, 'a staff member sees only the groups they own');
});

test('a callback WeCom never delivered is made good by the next sync', async () => {
  await sim.control.dropCallbacks(CORP, 1);
  const u = await sim.control.createWechatUser(CORP, { name: '漏掉的好友' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'lisi', state: 'dropped-cb' });
  const log = await sim.control.callbacks(CORP);
  assert.equal(log.at(-1)?.status, 'dropped');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await q(`select count(*)::int as n from wecom_relations where tenant_id = $1 and external_userid = $2`, [tenantId, u.external_userid]))[0].n, 0);
  await syncAndWait('incremental');
  const r = await q(`select state, status from wecom_relations where tenant_id = $1 and external_userid = $2`, [tenantId, u.external_userid]);
  assert.deepEqual(r, [{ state: 'dropped-cb', status: 'active' }]);
});

test('corp tags both ways: Siyu tags are pushed to WeCom, WeCom tags and their marks come back', async () => {
  const group = await admin.post('/api/tag-groups', { name: '会员等级' });
  await admin.post('/api/tags', { groupId: group.body.id, name: '金卡' });
  const wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
  const made = await wecom.addCorpTag({ group_name: '体质', tag: [{ name: '气虚' }, { name: '阴虚' }] });
  const qixu = made.tag_group.tag.find((t) => t.name === '气虚')!.id;
  const ext = (await q(`select external_userid, customer_id from wecom_contacts where tenant_id = $1 and name = '小鱼儿'`, [tenantId]))[0];
  await wecom.markTag({ userid: 'zhangsan', external_userid: ext.external_userid, add_tag: [qixu] }); // API actions send no callback
  await syncAndWait('incremental');

  const inWecom = (await wecom.getCorpTagList({})).tag_group;
  assert.deepEqual(inWecom.find((g) => g.group_name === '会员等级')?.tag.map((t) => t.name), ['金卡'], 'the Siyu tag is now a corp tag');
  const local = await q(`select t.name, t.source, t.wecom_tag_id from tags t where t.tenant_id = $1 and t.name in ('金卡', '气虚', '阴虚')`, [tenantId]);
  assert.deepEqual(local.map((t) => `${t.name}/${t.source}`).sort(), ['气虚/wecom', '金卡/manual', '阴虚/wecom'].sort());
  assert.ok(local.every((t) => t.wecom_tag_id), 'every mirrored tag carries its WeCom id');
  const marks = async () => (await admin.get(`/api/customers/${ext.customer_id}`)).body.tags.map((t: { name: string; source: string }) => `${t.name}/${t.source}`);
  assert.deepEqual(await marks(), ['气虚/wecom']);

  await wecom.markTag({ userid: 'zhangsan', external_userid: ext.external_userid, remove_tag: [qixu] });
  await syncAndWait('incremental');
  assert.deepEqual(await marks(), [], 'a mark removed in WeCom is removed by the next sync');
});

test('a sync interrupted by WeCom errors resumes from its checkpoint and counts every page once', { timeout: 300_000 }, async () => {
  const contacts = Array.from({ length: 6_000 }, (_, i) => ({ name: `续传客户${i}`, follow: [{ userid: i % 2 ? 'zhangsan' : 'lisi', createtime: 1_710_000_000 + i, add_way: 1 }] }));
  const loaded = await sim.control.bulkLoad(CORP, { contacts });
  const started = await admin.post('/api/wecom/sync', { kind: 'incremental' });
  await eventually(async () => {
    const run = (await admin.get('/api/wecom/sync')).body.current;
    return run && run.phases.find((p: { name: string }) => p.name === 'customers').done > 0;
  }, 60_000, 'customers phase under way');
  // -1 (system busy) four times in a row: the client's retries run out and the job fails this attempt.
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/batch/get_by_user', errcode: -1, count: 4 });
  const sawRetry = await eventually(async () => (await admin.get('/api/wecom/sync')).body.current?.error?.includes('重试'), 30_000, 'retry shown').catch(() => false);
  const run = await eventually(async () => {
    const r = (await admin.get('/api/wecom/sync')).body.recent.find((x: { id: string }) => x.id === started.body.id);
    return r?.status === 'done' ? r : null;
  }, 120_000, 'resumed sync done');
  assert.ok(sawRetry, 'the console showed that the run would retry');
  const customers = run.phases.find((p: { name: string }) => p.name === 'customers');
  assert.equal(customers.done, customers.total, 'no page counted twice after the resume');
  assert.equal(run.stats.customersNew, 6_000);
  assert.equal(run.error, null);
  assert.equal((await q(`select count(*)::int as n from wecom_relations where tenant_id = $1 and external_userid = any($2)`, [tenantId, loaded.external_userids]))[0].n, 6_000);
});

test('sync of 10,000 simulated customers is complete and idempotent', { timeout: 300_000 }, async () => {
  const contacts = Array.from({ length: 10_000 }, (_, i) => ({
    name: `同步客户${i}`, unionid: i % 3 === 0 ? `oUnionSync${i}` : undefined, gender: (i % 3) as 0 | 1 | 2,
    follow: [{ userid: i % 2 ? 'zhangsan' : 'lisi', createtime: 1_700_000_000 + i, state: `sync-${i % 7}`, add_way: 1 }, ...(i % 10 === 0 ? [{ userid: 'zhangsan', createtime: 1_700_000_000 + i, add_way: 2 }] : [])]
      .filter((f, k, all) => all.findIndex((x) => x.userid === f.userid) === k),
  }));
  const loaded = await sim.control.bulkLoad(CORP, { contacts });
  assert.equal(loaded.external_userids.length, 10_000);
  const first = await syncAndWait('full');
  const count = async () => (await q(`select count(*)::int as n, count(distinct customer_id)::int as c from wecom_relations where tenant_id = $1 and status = 'active' and external_userid = any($2)`, [tenantId, loaded.external_userids]))[0];
  const expectedRelations = contacts.reduce((n, c) => n + c.follow.length, 0);
  assert.deepEqual(await count(), { n: expectedRelations, c: 10_000 });
  assert.ok(first.stats.customersNew >= 10_000);
  const customers = (await q(`select count(*)::int as n from customers where tenant_id = $1`, [tenantId]))[0].n;
  const events = (await q(`select count(*)::int as n from outbox_events where tenant_id = $1`, [tenantId]))[0].n;

  const second = await syncAndWait('full');
  assert.deepEqual(await count(), { n: expectedRelations, c: 10_000 });
  assert.equal((await q(`select count(*)::int as n from customers where tenant_id = $1`, [tenantId]))[0].n, customers, 'no customer made twice');
  assert.equal(second.stats.customersNew ?? 0, 0);
  assert.equal(second.stats.relationsNew ?? 0, 0);
  assert.equal((await q(`select count(*)::int as n from outbox_events where tenant_id = $1`, [tenantId]))[0].n, events, 'a repeated sync emits nothing');
});
