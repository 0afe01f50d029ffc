// Channel live codes (渠道活码) by name: the corp's contact ways are mirrored during sync and looked
// up when a callback brings a state no mirrored way carries, so the customer list, the customer's
// WeCom card and the timeline say 「包裹卡（全店通用）」, not pkgcard-2026. The simulator is the
// corp, over HTTP; the server is real, on a fresh PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { createWecomClient, type WecomClient } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

const CORP = 'wwchannels0001';
const SECRET = 'channels-app-secret-01';
const TOKEN = 'channelsToken';
const AES = 'ChannelsEncodingAesKey0123456789abcdefghijk';

let srv: TestServer;
let sim: RunningSimulator;
let admin: Client;
let wecom: WecomClient;
let tenantId: string;
const ways: Record<string, string> = {}; // state → config_id

const q = async <T = any>(sql: string, params: unknown[] = []) => (await srv.deps.pool.query(sql, params)).rows as T[];

before(async () => {
  sim = await startSimulator({ port: 0, callbackTimeoutMs: 3000 });
  srv = await startTestServer();
  tenantId = (await buildWorld(srv.deps)).alpha.tenantId;
  admin = await srv.login('boss@alpha', PASSWORD);
  const c = sim.control;
  await c.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await c.addDepartments(CORP, [{ id: 2, name: '私域部', parentid: 1 }]);
  await c.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [2] });
  await c.addMember(CORP, { userid: 'lisi', name: '李四', department: [2] });
  wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
  // The brand's codes, made through the API like the demo's: two with a remark, one without.
  for (const w of [
    { state: 'pkgcard-2026', remark: '包裹卡（全店通用）', user: ['zhangsan', 'lisi'], type: 2 as const },
    { state: 'sms-tb', remark: '淘宝订单短信', user: ['lisi'], type: 1 as const },
    { state: 'desk-01', user: ['zhangsan'], type: 1 as const },
  ]) ways[w.state] = (await wecom.addContactWay({ scene: 2, ...w })).config_id;
  // Friends who came through them before Siyu was connected.
  await c.bulkLoad(CORP, {
    contacts: [
      { name: '包裹卡老客', follow: [{ userid: 'zhangsan', createtime: 1_720_000_000, state: 'pkgcard-2026', add_way: 1 }] },
      { name: '短信老客', follow: [{ userid: 'lisi', createtime: 1_720_000_100, state: 'sms-tb', add_way: 1 }] },
      { name: '台卡老客', follow: [{ userid: 'zhangsan', createtime: 1_720_000_200, state: 'desk-01', add_way: 1 }] },
      { name: '无渠道老客', follow: [{ userid: 'zhangsan', createtime: 1_720_000_300, add_way: 2 }] },
    ],
  });
  const saved = await admin.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
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

const customerNamed = async (name: string) => {
  const r = await admin.get(`/api/customers?q=${encodeURIComponent(name)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items.find((c: { name: string }) => c.name === name);
};
/** The timeline's friend_added title, once the consumer has written it. */
const friendAddedTitle = (customerId: string) => eventually(async () => {
  const r = await admin.get(`/api/customers/${customerId}/timeline`);
  return r.body.items.find((e: { kind: string }) => e.kind === 'wecom.friend_added')?.title as string | undefined;
}, 10_000, 'friend_added on the timeline');

test('after a sync the contact ways are known by name, and the answers the console uses carry it', async () => {
  const run = await syncAndWait('incremental');
  assert.ok(run.phases.some((p: { name: string; finished: boolean }) => p.name === 'channels' && p.finished), 'the channels phase ran');
  assert.equal(run.stats.channelsNew, 3);

  const channels = (await admin.get('/api/wecom/channels')).body as Array<{ state: string; name: string; deleted: boolean }>;
  const byState = new Map(channels.map((c) => [c.state, c]));
  assert.equal(byState.get('pkgcard-2026')?.name, '包裹卡（全店通用）');
  assert.equal(byState.get('sms-tb')?.name, '淘宝订单短信');
  assert.equal(byState.get('desk-01')?.name, '张三的活码', 'a way without a remark is named after whose code it is');

  const c = await customerNamed('包裹卡老客');
  assert.deepEqual(c.sourceChannel, { state: 'pkgcard-2026', name: '包裹卡（全店通用）' }, 'the customer list names the channel');
  assert.equal((await customerNamed('无渠道老客')).sourceChannel, null);
  const detail = await admin.get(`/api/customers/${c.id}`);
  assert.deepEqual(detail.body.sourceChannel, { state: 'pkgcard-2026', name: '包裹卡（全店通用）' });
  const w = await admin.get(`/api/customers/${c.id}/wecom`);
  assert.equal(w.body.relations[0].state, 'pkgcard-2026');
  assert.equal(w.body.relations[0].stateName, '包裹卡（全店通用）');
  assert.equal(await friendAddedTitle(c.id), '通过「包裹卡（全店通用）」添加为好友（张三）');

  // A second incremental sync lists only what was made since: nothing new, nothing renamed.
  const again = await syncAndWait('incremental');
  assert.equal(again.stats.channelsNew ?? 0, 0);
  assert.equal(again.stats.channelsRenamed ?? 0, 0);
});

test('a friend added through a code made after the sync: the callback looks the new code up', async () => {
  ways['live-0618'] = (await wecom.addContactWay({ type: 1, scene: 2, state: 'live-0618', remark: '抖音直播间口播码', user: ['zhangsan'] })).config_id;
  const u = await sim.control.createWechatUser(CORP, { name: '直播新客' });
  await sim.control.scanContactWay(CORP, { external_userid: u.external_userid, config_id: ways['live-0618'] });
  const customerId = await eventually(async () => (await q(`select customer_id from wecom_relations where tenant_id = $1 and external_userid = $2`, [tenantId, u.external_userid]))[0]?.customer_id, 10_000, 'customer from scan');
  const c = await customerNamed('直播新客');
  assert.equal(c.id, customerId);
  assert.equal(c.source, '渠道活码');
  assert.deepEqual(c.sourceChannel, { state: 'live-0618', name: '抖音直播间口播码' }, 'named without waiting for a sync');
  assert.equal((await admin.get(`/api/customers/${customerId}/wecom`)).body.relations[0].stateName, '抖音直播间口播码');
  assert.equal(await friendAddedTitle(customerId), '通过「抖音直播间口播码」添加为好友（张三）');
});

test('an unknown state falls back to 渠道 <state>, and is looked up only once', async () => {
  // A state no API-made way carries (a code made in WeCom's admin console, which WeCom does not list).
  const a = await sim.control.createWechatUser(CORP, { name: '柜台客甲' });
  await sim.control.addFriend(CORP, { external_userid: a.external_userid, userid: 'lisi', state: 'counter-qr', add_way: 1 });
  const ca = await eventually(async () => (await customerNamed('柜台客甲')) ?? null, 10_000, 'first counter customer');
  assert.deepEqual(ca.sourceChannel, { state: 'counter-qr', name: null });
  assert.equal((await admin.get(`/api/customers/${ca.id}/wecom`)).body.relations[0].stateName, null);
  assert.equal(await friendAddedTitle(ca.id), '通过「渠道 counter-qr」添加为好友（李四）');
  assert.deepEqual(await q(`select state from wecom_unknown_states where tenant_id = $1`, [tenantId]), [{ state: 'counter-qr' }]);

  // The next friend through it costs no listing: a fault armed on list_contact_way stays unused.
  const faults = async () => (await (await fetch(`${sim.url}/sim/faults`)).json()) as Array<{ api?: string; remaining: number }>;
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/list_contact_way', delay_ms: 1, count: 1 });
  const b = await sim.control.createWechatUser(CORP, { name: '柜台客乙' });
  await sim.control.addFriend(CORP, { external_userid: b.external_userid, userid: 'lisi', state: 'counter-qr', add_way: 1 });
  const cb = await eventually(async () => (await customerNamed('柜台客乙')) ?? null, 10_000, 'second counter customer');
  assert.deepEqual(cb.sourceChannel, { state: 'counter-qr', name: null });
  assert.equal((await faults()).find((f) => f.api?.includes('list_contact_way'))?.remaining, 1, 'no second lookup of the same state');
  await sim.control.clearFaults();
});

test('a code renamed in WeCom shows its new name after the next sync, in history too; a deleted code keeps its name', async () => {
  const c = await customerNamed('包裹卡老客');
  await wecom.updateContactWay({ config_id: ways['pkgcard-2026'], remark: '包裹卡（2026 春季版）' });
  await wecom.delContactWay(ways['sms-tb']);
  const run = await syncAndWait('incremental');
  assert.equal(run.stats.channelsRenamed, 1);
  assert.equal(run.stats.channelsDeleted, 1);

  assert.equal((await customerNamed('包裹卡老客')).sourceChannel.name, '包裹卡（2026 春季版）');
  assert.equal((await admin.get(`/api/customers/${c.id}/wecom`)).body.relations[0].stateName, '包裹卡（2026 春季版）');
  assert.equal(await friendAddedTitle(c.id), '通过「包裹卡（2026 春季版）」添加为好友（张三）', 'the timeline entry written before the rename reads the new name');

  const channels = (await admin.get('/api/wecom/channels')).body as Array<{ state: string; name: string; deleted: boolean }>;
  assert.deepEqual(channels.find((x) => x.state === 'sms-tb'), { state: 'sms-tb', name: '淘宝订单短信', deleted: true });
  assert.equal((await customerNamed('短信老客')).sourceChannel.name, '淘宝订单短信', 'friends who came by a deleted code still see its name');

  // A full sync lists every way again and reaches the same names.
  const full = await syncAndWait('full');
  assert.equal(full.stats.channelsNew ?? 0, 0);
  assert.equal((await customerNamed('包裹卡老客')).sourceChannel.name, '包裹卡（2026 春季版）');
});

test('a staff member sees the names too; another tenant sees none of them', async () => {
  const staff = await srv.login('s1@alpha', PASSWORD);
  const mine = await staff.get('/api/wecom/channels');
  assert.equal(mine.status, 200);
  assert.ok(mine.body.some((x: { state: string }) => x.state === 'live-0618'));
  const beta = await srv.login('boss@beta', PASSWORD);
  assert.deepEqual((await beta.get('/api/wecom/channels')).body, []);
});

test('an app that may not read contact ways still syncs everything else; names wait', async () => {
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/list_contact_way', errcode: 48002, count: 1 });
  const run = await syncAndWait('incremental');
  assert.equal(run.stats.channelsFailed, 1);
  assert.ok(run.phases.every((p: { finished: boolean }) => p.finished), 'every phase finished');
  assert.equal((await customerNamed('包裹卡老客')).sourceChannel.name, '包裹卡（2026 春季版）', 'the names already known stay');
  await sim.control.clearFaults();
});
