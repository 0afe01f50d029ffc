// Channel live codes end to end: the console API creates a code → WeCom (the simulator, over HTTP)
// has the contact way with its state; customers scan → friends of an eligible member, tagged and
// welcomed once; an expired welcome code is recorded failed, not retried; a capped member leaves
// the way's user list; a paused code assigns nobody; the QR decodes to the way's URL; tenants and
// staff scope are kept apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQRImport from 'jsqr';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { createWecomClient, WecomApiError, type WecomClient } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

// jsqr is CommonJS typed as an ES module: under Node's ESM its default import is the function itself.
const jsQR = jsQRImport as unknown as typeof jsQRImport.default;

const CORP = 'wwlivecode0001';
const SECRET = 'livecode-app-secret-01';
const TOKEN = 'lcToken';
const AES = 'LiveCodeAesKey0123456789abcdefghijklmnopqrs';

let srv: TestServer;
let sim: RunningSimulator;
let wecom: WecomClient;
let boss: Client;
let world: Awaited<ReturnType<typeof buildWorld>>;
let zhang: string;
let li: string;
let codeId: string;

const q = async <T = any>(text: string, params: unknown[] = []) => (await srv.deps.pool.query(text, params)).rows as T[];
const tenantId = () => world.alpha.tenantId;

async function fetchBytes(path: string, c: Client = boss) {
  const res = await fetch(srv.url + path, { headers: { cookie: c.cookie } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

const addOf = async (ext: string) => (await q(`select staff_id from live_code_adds where tenant_id = $1 and external_userid = $2`, [tenantId(), ext]))[0];

async function scan(configId: string, name: string) {
  const { external_userid } = await sim.control.createWechatUser(CORP, { name });
  const r = await sim.control.scanContactWay(CORP, { external_userid, config_id: configId });
  // Wait for Siyu to count it: the next scan must see the rotation it causes.
  await eventually(() => addOf(external_userid), 10_000, `add of ${name}`);
  return { ...r, external_userid };
}

const wayOf = async (configId: string) => (await wecom.getContactWay(configId)).contact_way;
const welcomeOf = (ext: string) => eventually(async () => (await q(`select status, errcode, used_default from live_code_welcomes where tenant_id = $1 and external_userid = $2`, [tenantId(), ext]))
  .find((w) => w.status !== 'pending'), 10_000, 'welcome outcome');

before(async () => {
  sim = await startSimulator({ port: 0, callbackTimeoutMs: 3000 });
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  boss = await srv.login('boss@alpha', PASSWORD);
  const c = sim.control;
  await c.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await c.addDepartments(CORP, [{ id: 1, name: '阿尔法滋补', parentid: 0 }, { id: 2, name: '私域部', parentid: 1 }]);
  for (const [userid, name] of [['zhangsan', '张三'], ['lisi', '李四'], ['wangwu', '王五']]) await c.addMember(CORP, { userid, name, department: [2] });
  const saved = await boss.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await c.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId()}`, token: TOKEN, encoding_aes_key: AES });
  const started = await boss.post('/api/wecom/sync', { kind: 'incremental' });
  await eventually(async () => (await boss.get('/api/wecom/sync')).body.recent.find((x: { id: string; status: string }) => x.id === started.body.id && x.status === 'done'), 60_000, 'sync');
  const staff = await q(`select id, wecom_userid from staff where tenant_id = $1 and wecom_userid is not null`, [tenantId()]);
  zhang = staff.find((s) => s.wecom_userid === 'zhangsan').id;
  li = staff.find((s) => s.wecom_userid === 'lisi').id;
  // s1 (员工一, in lead1's team) is 王五 in WeCom: a code a lead may manage.
  await q(`update staff set wecom_userid = null where tenant_id = $1 and wecom_userid = 'wangwu'`, [tenantId()]);
  await q(`update staff set wecom_userid = 'wangwu' where tenant_id = $1 and id = $2`, [tenantId(), world.alpha.s1.staffId]);
  wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
});
after(async () => {
  await srv?.close();
  await sim?.stop();
});

const WELCOME = { text: '您好，欢迎关注阿尔法滋补！', attachments: [{ msgtype: 'link', link: { title: '新客礼包', url: 'https://alpha.example.com/gift' } }] };

test('a code made in the console is a WeCom contact way with its state, name and user list', async () => {
  const r = await boss.post('/api/live-codes', {
    name: '抖音直播间', strategy: 'round_robin', skipVerify: true, tagIds: [world.alpha.tags.tagAjiao.id], welcome: WELCOME,
    staff: [{ staffId: zhang, weight: 1, dailyCap: 2 }, { staffId: li, weight: 1 }], backupStaffIds: [li],
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  codeId = r.body.id;
  assert.match(r.body.state, /^lc[0-9a-z]{12}$/);
  assert.equal(r.body.mode, 'primary');
  const way = await wayOf(r.body.configId);
  assert.equal(way.state, r.body.state);
  assert.equal(way.remark, '抖音直播间');
  assert.equal(way.skip_verify, true);
  assert.deepEqual([...way.user!].sort(), ['lisi', 'zhangsan']);
  assert.equal(way.qr_code, r.body.qrCode);
  const mirror = await q(`select name, state from wecom_contact_ways where tenant_id = $1 and config_id = $2`, [tenantId(), r.body.configId]);
  assert.deepEqual(mirror, [{ name: '抖音直播间', state: r.body.state }], 'the channel mirror names the state at once');
  // Bad input: a member without WeCom, no backup, too many attachments → Chinese refusals, nothing made.
  const bad = await boss.post('/api/live-codes', { name: 'x', staff: [{ staffId: world.alpha.s2.staffId }], backupStaffIds: [li] });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /未绑定企业微信/);
  assert.equal((await boss.post('/api/live-codes', { name: 'x', staff: [{ staffId: zhang }], backupStaffIds: [] })).status, 400);
  const many = await boss.post('/api/live-codes', { name: 'x', staff: [{ staffId: zhang }], backupStaffIds: [li], welcome: { text: 'hi', attachments: Array(10).fill(WELCOME.attachments[0]) } });
  assert.equal(many.status, 400);
  assert.equal((await boss.get('/api/live-codes')).body.length, 1);
});

test('QR downloads: the PNG decodes to the way\'s qr_code URL; SVG and poster render', async () => {
  const code = (await boss.get(`/api/live-codes/${codeId}`)).body;
  const png = await fetchBytes(`/api/live-codes/${codeId}/qr.png?size=400`);
  assert.equal(png.status, 200);
  assert.equal(png.type, 'image/png');
  const img = PNG.sync.read(png.body);
  const decoded = jsQR(new Uint8ClampedArray(img.data), img.width, img.height);
  assert.equal(decoded?.data, code.qrCode);
  const svg = await fetchBytes(`/api/live-codes/${codeId}/qr.svg?download=1`);
  assert.match(svg.body.toString(), /<svg/);
  const poster = await fetchBytes(`/api/live-codes/${codeId}/poster.png?title=${encodeURIComponent('阿尔法滋补')}`);
  assert.equal(poster.status, 200);
  const p = PNG.sync.read(poster.body);
  assert.deepEqual([p.width, p.height], [750, 1200]);
  const pd = jsQR(new Uint8ClampedArray(p.data), p.width, p.height);
  assert.equal(pd?.data, code.qrCode, 'the poster\'s QR decodes too');
});

test('a scan: friend of an eligible member, tagged, welcomed once within 20 s, code_added recorded', async () => {
  const code = (await boss.get(`/api/live-codes/${codeId}`)).body;
  const s = await scan(code.configId, '小鱼儿');
  assert.ok(['zhangsan', 'lisi'].includes(s.userid));
  assert.deepEqual(await welcomeOf(s.external_userid), { status: 'sent', errcode: null, used_default: false });
  const msgs = (await sim.control.messages(CORP)).filter((m) => m.tolist.includes(s.external_userid));
  assert.equal(msgs.length, 1, 'welcomed exactly once');
  assert.equal(msgs[0].from, s.userid);
  const customerId = (await q(`select customer_id from live_code_adds where tenant_id = $1 and external_userid = $2`, [tenantId(), s.external_userid]))[0].customer_id;
  const tags = await q(`select tag_id, source from customer_tags where tenant_id = $1 and customer_id = $2`, [tenantId(), customerId]);
  assert.deepEqual(tags, [{ tag_id: world.alpha.tags.tagAjiao.id, source: 'rule' }]);
  const ev = await q(`select payload from outbox_events where tenant_id = $1 and type = 'acquisition.code_added' and aggregate_id = $2`, [tenantId(), customerId]);
  assert.equal(ev.length, 1);
  assert.equal(ev[0].payload.codeId, codeId);
  assert.equal(ev[0].payload.userid, s.userid);
  const after = (await boss.get(`/api/live-codes/${codeId}`)).body;
  assert.deepEqual([after.addsToday, after.addsTotal], [1, 1]);
});

test('a welcome sent after WeCom\'s 20 s window is recorded failed (41050) and not retried', async () => {
  const code = (await boss.get(`/api/live-codes/${codeId}`)).body;
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/send_welcome_msg', delay_ms: 3000 });
  const { external_userid } = await sim.control.createWechatUser(CORP, { name: '迟到的人' });
  await sim.control.scanContactWay(CORP, { external_userid, config_id: code.configId });
  // Siyu has claimed the code and called WeCom; while the call waits, 21 s pass in WeCom.
  await eventually(async () => (await q(`select 1 from live_code_welcomes where tenant_id = $1 and external_userid = $2`, [tenantId(), external_userid]))[0], 10_000, 'claimed');
  await sim.control.advanceClock(21);
  const w = await welcomeOf(external_userid);
  assert.deepEqual([w.status, w.errcode], ['failed', 41050]);
  await eventually(() => addOf(external_userid), 10_000, 'add counted anyway');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await q(`select count(*)::int n from live_code_welcomes where tenant_id = $1 and external_userid = $2`, [tenantId(), external_userid]))[0].n, 1, 'one attempt, no retry');
  assert.equal((await sim.control.messages(CORP)).filter((m) => m.tolist.includes(external_userid)).length, 0);
  const sends = (await boss.get(`/api/live-codes/${codeId}/welcomes`)).body;
  assert.equal(sends.find((x: { externalUserId: string }) => x.externalUserId === external_userid).status, 'failed');
});

test('a member at their daily cap leaves the way\'s user list and gets no more adds that day', async () => {
  const code = (await boss.get(`/api/live-codes/${codeId}`)).body;
  const zhangToday = async () => (await boss.get(`/api/live-codes/${codeId}`)).body.staff.find((s: { staffId: string }) => s.staffId === zhang).addsToday;
  for (let i = 0; i < 6 && (await zhangToday()) < 2; i++) await scan(code.configId, `顾客${i}`);
  assert.equal(await zhangToday(), 2);
  await eventually(async () => {
    const w = await wayOf(code.configId);
    return w.user!.length === 1 && w.user![0] === 'lisi';
  }, 10_000, 'user list updated to lisi');
  for (let i = 0; i < 3; i++) assert.equal((await scan(code.configId, `新客${i}`)).userid, 'lisi');
  const c = (await boss.get(`/api/live-codes/${codeId}`)).body;
  assert.equal(c.staff.find((s: { staffId: string }) => s.staffId === zhang).addsToday, 2);
  assert.deepEqual(c.wecomUserids, ['lisi']);
});

test('pause assigns nobody; resume brings the same state back; an edit keeps the history', async () => {
  const before = (await boss.get(`/api/live-codes/${codeId}`)).body;
  const paused = await boss.post(`/api/live-codes/${codeId}/pause`);
  assert.equal(paused.status, 200);
  assert.deepEqual([paused.body.status, paused.body.configId, paused.body.mode], ['paused', null, 'none']);
  await assert.rejects(wayOf(before.configId), (e: unknown) => e instanceof WecomApiError && e.errcode === 41044);
  const { external_userid } = await sim.control.createWechatUser(CORP, { name: '暂停时来的人' });
  await assert.rejects(sim.control.scanContactWay(CORP, { external_userid, config_id: before.configId }));
  assert.equal((await fetchBytes(`/api/live-codes/${codeId}/qr.png`)).status, 400);

  const resumed = (await boss.post(`/api/live-codes/${codeId}/resume`)).body;
  assert.equal(resumed.status, 'active');
  assert.notEqual(resumed.configId, before.configId);
  assert.equal((await wayOf(resumed.configId)).state, before.state);
  await scan(resumed.configId, '恢复后来的人');

  const edited = await boss.put(`/api/live-codes/${codeId}`, {
    name: '抖音直播间-二期', strategy: 'weighted', skipVerify: false, tagIds: [], welcome: null,
    staff: [{ staffId: li, weight: 1 }], backupStaffIds: [zhang],
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.addsTotal, before.addsTotal + 1, 'adds stay with the code');
  const way = await wayOf(edited.body.configId);
  assert.deepEqual([way.remark, way.skip_verify, way.user, way.state], ['抖音直播间-二期', false, ['lisi'], before.state]);
  assert.equal((await q(`select name from wecom_contact_ways where tenant_id = $1 and config_id = $2`, [tenantId(), edited.body.configId]))[0].name, '抖音直播间-二期');
  // No welcome of its own and none by default: nothing is sent.
  const s = await scan(edited.body.configId, '无欢迎语');
  assert.equal((await q(`select count(*)::int n from live_code_welcomes where tenant_id = $1 and external_userid = $2`, [tenantId(), s.external_userid]))[0].n, 0);
  // The tenant's default welcome fills in for a code without one.
  assert.equal((await boss.put('/api/live-code-settings/welcome', { welcome: { text: '默认欢迎语', attachments: [] } })).status, 200);
  const d = await scan(edited.body.configId, '默认欢迎');
  assert.deepEqual(await welcomeOf(d.external_userid), { status: 'sent', errcode: null, used_default: true });
});

test('tenant isolation and staff scope on the live-code routes', async () => {
  const beta = await srv.login('boss@beta', PASSWORD);
  assert.deepEqual((await beta.get('/api/live-codes')).body, []);
  assert.equal((await beta.get(`/api/live-codes/${codeId}`)).status, 404);
  assert.equal((await beta.post(`/api/live-codes/${codeId}/pause`)).status, 404);
  assert.equal((await fetchBytes(`/api/live-codes/${codeId}/qr.png`, beta)).status, 404);

  const s2 = await srv.login('s2@alpha', PASSWORD);
  assert.deepEqual((await s2.get('/api/live-codes')).body, [], 'staff see only codes they stand behind');
  assert.equal((await s2.post('/api/live-codes', { name: 'x', staff: [{ staffId: zhang }], backupStaffIds: [li] })).status, 403);
  assert.equal((await s2.post(`/api/live-codes/${codeId}/pause`)).status, 404);

  const lead = await srv.login('lead1@alpha', PASSWORD);
  assert.equal((await lead.post('/api/live-codes', { name: 'x', staff: [{ staffId: zhang }], backupStaffIds: [li] })).status, 403, 'not the lead\'s staff');
  const own = await lead.post('/api/live-codes', { name: '一组活码', staff: [{ staffId: world.alpha.s1.staffId }], backupStaffIds: [world.alpha.s1.staffId] });
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.deepEqual((await wayOf(own.body.configId)).user, ['wangwu']);
  assert.deepEqual((await lead.get('/api/live-codes')).body.map((c: { name: string }) => c.name), ['一组活码']);
  const s1 = await srv.login('s1@alpha', PASSWORD);
  assert.deepEqual((await s1.get('/api/live-codes')).body.map((c: { name: string }) => c.name), ['一组活码']);
  assert.equal((await s1.post(`/api/live-codes/${own.body.id}/pause`)).status, 403, 'staff do not manage codes');
  assert.equal((await lead.put(`/api/live-codes/${codeId}`, { name: 'y', staff: [{ staffId: world.alpha.s1.staffId }], backupStaffIds: [world.alpha.s1.staffId] })).status, 404);
});
