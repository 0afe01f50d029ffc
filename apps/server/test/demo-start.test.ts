// `siyu start --demo` as a newcomer meets it: the demo brand is created on the first start,
// logs in with the printed account, has staff, tags and customers with timelines; the second
// start reuses it; `siyu demo reset` rebuilds it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, TEST_SECRET, type TestDb } from './helpers/db.ts';
import { runSiyu, waitForStart, type SiyuProcess } from './helpers/process.ts';
import { client, eventually } from './helpers/server.ts';

let tdb: TestDb;
let proc: SiyuProcess | undefined;
after(async () => {
  proc?.child.kill('SIGKILL');
  await tdb?.drop();
});

async function loginDemo(url: string) {
  const m = /演示账号：(\S+)\s+密码：(\S+)/.exec(proc!.output());
  assert.ok(m, 'the demo login is printed');
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: m[1], password: m[2] }) });
  assert.equal(res.status, 200);
  return client(url, { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] });
}

test('first start seeds the demo brand, second start reuses it, demo reset rebuilds it', { timeout: 240_000 }, async () => {
  tdb = await createTestDatabase();
  const env = { DATABASE_URL: tdb.url, SIYU_SECRET_KEY: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  proc = runSiyu(['start', '--demo', '--demo-customers', '3000', '--no-build'], env);
  let url = await waitForStart(proc, 120_000);
  assert.match(proc.output(), /演示品牌已创建：3,000 位客户/);
  let api = await loginDemo(url);
  const me = (await api.get('/api/auth/me')).body;
  assert.equal(me.role, 'owner');
  const page = (await api.get('/api/customers?limit=50')).body;
  assert.equal(page.total, 1000, 'the list counts up to its cap');
  assert.equal(page.totalCapped, true);
  assert.equal((await api.get('/api/customers/stats')).body.total, 3000, 'the overview counts them all');
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
  proc.child.kill('SIGTERM');
  assert.equal(await proc.exited, 0);

  proc = runSiyu(['start', '--demo', '--no-build'], env);
  url = await waitForStart(proc, 60_000);
  assert.doesNotMatch(proc.output(), /演示品牌已创建/, 'reused, not seeded again');
  api = await loginDemo(url);
  assert.equal((await api.get('/api/customers/stats')).body.total, 3000);
  proc.child.kill('SIGTERM');
  await proc.exited;

  const reset = runSiyu(['demo', 'reset', '--customers', '1000'], env);
  assert.equal(await reset.exited, 0, reset.output());
  assert.match(reset.output(), /演示品牌已重建：1,000 位客户/);
});
