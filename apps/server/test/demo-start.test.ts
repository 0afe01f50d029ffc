// `siyu start --demo` as a newcomer meets it: the demo brand is created on the first start,
// logs in with the printed account, has staff, tags and customers with timelines; the second
// start reuses it; `siyu demo reset` rebuilds it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TEST_SECRET, type TestDb } from './helpers/db.ts';
import { runSiyu, waitForStart, type SiyuProcess } from './helpers/process.ts';
import { client, eventually } from './helpers/server.ts';

let tdb: TestDb;
let proc: SiyuProcess | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-demo-'));
after(async () => {
  proc?.child.kill('SIGKILL');
  await tdb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The demo's WeChat Shop is connected by API: new simulated orders arrive through the connector. */
async function assertShopLive(api: ReturnType<typeof client>) {
  const shops = (await api.get('/api/shops')).body as Array<{ id: string; platform: string; hasCredentials: boolean; syncEnabled: boolean; orderCount: number; lastSyncAt: string | null; lastSyncError: string | null }>;
  assert.equal(shops.length, 3, 'tmall, douyin and wechat shop');
  const live = shops.find((s) => s.platform === 'wechat_shop')!;
  assert.ok(live.hasCredentials && live.syncEnabled);
  assert.ok(shops.every((s) => s.orderCount > 0), 'every demo shop has its order history');
  const rate = (await api.get('/api/commerce/match-rate')).body;
  assert.ok(rate.total.buyers > 1000 && rate.total.rate > 0 && rate.total.rate < 1);
  await new Promise((r) => setTimeout(r, 3000)); // a few simulated orders at 60 a minute
  assert.equal((await api.post(`/api/shops/${live.id}/sync`)).status, 200);
  const after = await eventually(async () => {
    const s = ((await api.get('/api/shops')).body as typeof shops).find((x) => x.id === live.id)!;
    return s.lastSyncAt && s.orderCount > live.orderCount ? s : null;
  }, 60_000, 'orders through the WeChat Shop connector');
  assert.equal(after.lastSyncError, null);
}

/** The demo's WeCom is live: connected, fully synced, groups in, and new friends arriving by callback. */
async function assertWecomLive(api: ReturnType<typeof client>) {
  const conn = (await api.get('/api/wecom/connection')).body;
  assert.equal(conn.status, 'connected');
  const run = await eventually(async () => {
    const r = (await api.get('/api/wecom/sync')).body.recent[0];
    return r?.status === 'done' ? r : null;
  }, 120_000, 'the demo sync');
  assert.ok(run.phases.find((p: { name: string }) => p.name === 'customers').done > 1000, 'the demo friends are synced');
  assert.ok((await api.get('/api/groups')).body.total >= 10, 'the demo has customer groups');
  const before = (await api.get('/api/wecom/connection')).body.callbacksLast24h;
  await eventually(async () => (await api.get('/api/wecom/connection')).body.callbacksLast24h > before, 30_000, 'a new friend by callback');
}

async function loginDemo(url: string) {
  const m = /演示账号：(\S+)\s+密码：(\S+)/.exec(proc!.output());
  assert.ok(m, 'the demo login is printed');
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: m[1], password: m[2] }) });
  assert.equal(res.status, 200);
  return client(url, { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] });
}

test('first start seeds the demo brand, second start reuses it, demo reset rebuilds it', { timeout: 240_000 }, async () => {
  tdb = await createTestDatabase();
  const env = {
    DATABASE_URL: tdb.url, SIYU_SECRET_KEY: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn',
    SIYU_DATA_DIR: dataDir, SIYU_SIM_PORT: '0', SIYU_DEMO_FRIENDS_PER_MINUTE: '60', SIYU_ORDER_SYNC_LAG_SECONDS: '0',
  };
  proc = runSiyu(['start', '--demo', '--demo-customers', '3000', '--no-build'], env);
  let url = await waitForStart(proc, 120_000);
  assert.match(proc.output(), /演示品牌已创建：3,000 位客户/);
  let api = await loginDemo(url);
  const me = (await api.get('/api/auth/me')).body;
  assert.equal(me.role, 'owner');
  const page = (await api.get('/api/customers?limit=50')).body;
  assert.equal(page.total, 1000, 'the list counts up to its cap');
  assert.equal(page.totalCapped, true);
  const total = (await api.get('/api/customers/stats')).body.total;
  assert.ok(total >= 3000 && total < 3100, `the overview counts them all, and the friends arriving since (${total})`);
  assert.ok(page.items.every((c: { owners: unknown[] }) => c.owners.length >= 1), 'every customer has a staff owner');
  assert.doesNotMatch(JSON.stringify(page), /"1\d{10}"/, 'no plain phone');
  const staff = (await api.get('/api/staff')).body as Array<{ role: string; customerCount: number }>;
  assert.ok(staff.length >= 15 && staff.length <= 30, `~20 staff (${staff.length})`);
  assert.ok(new Set(staff.map((s) => s.role)).size === 4, 'every role is present');
  const groups = (await api.get('/api/tag-groups')).body as Array<{ tags: Array<{ customerCount: number }> }>;
  assert.ok(groups.length >= 4);
  assert.ok(groups.some((g) => g.tags.some((t) => t.customerCount > 0)), 'tags are in use');
  const one = page.items[0];
  const timeline = await eventually(async () => {
    const t = (await api.get(`/api/customers/${one.id}/timeline`)).body.items;
    return t.length > 0 ? t : null;
  }, 60_000, 'the demo timeline');
  assert.ok(timeline.some((e: { kind: string }) => e.kind === 'customer.created'));
  assert.match(proc.output(), /企业微信模拟器：http/);
  await assertWecomLive(api);
  await assertShopLive(api);
  proc.child.kill('SIGTERM');
  assert.equal(await proc.exited, 0);

  proc = runSiyu(['start', '--demo', '--no-build'], env);
  url = await waitForStart(proc, 60_000);
  assert.doesNotMatch(proc.output(), /演示品牌已创建/, 'reused, not seeded again');
  api = await loginDemo(url);
  assert.ok((await api.get('/api/customers/stats')).body.total >= 3000);
  assert.doesNotMatch(proc.output(), /正在准备演示企业微信/, 'the simulated corp is kept across restarts');
  await assertWecomLive(api); // the callback URL follows Siyu to its new port
  proc.child.kill('SIGTERM');
  await proc.exited;

  const reset = runSiyu(['demo', 'reset', '--customers', '1000'], env);
  assert.equal(await reset.exited, 0, reset.output());
  assert.match(reset.output(), /演示品牌已重建：1,000 位客户/);
  assert.deepEqual(fs.readdirSync(path.join(dataDir, 'wecom-sim')).filter((f) => f.endsWith('.json')), [], 'the old simulated corp is gone with its brand');
});
