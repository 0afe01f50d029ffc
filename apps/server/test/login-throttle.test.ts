// Login throttling (issue 10, items 1 and 2): limits an attacker who knows only the account name
// cannot use to keep the owner out, counted atomically before any password is checked.
// Per-address behaviour is driven through the login service with chosen addresses (the HTTP
// server believes no X-Forwarded-For); over HTTP every request comes from 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import os from 'node:os';
import { sql } from 'kysely';
import { startTestServer, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { TEST_SECRET } from './helpers/db.ts';
import { runSiyu } from './helpers/process.ts';
import { login } from '../src/modules/tenancy/index.ts';
import { unlockAccount } from '../src/modules/tenancy/index.ts';
import { AppError, pruneRateLimits } from '../src/core/index.ts';
import { LOGIN_LIMITS, addressKey, lockSeconds } from '../src/modules/tenancy/login-throttle.ts';
import { passwordChecks } from '../src/modules/tenancy/password.ts';

let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let boss: Client;

before(async () => {
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  boss = await srv.login('boss@alpha', PASSWORD);
});
after(async () => srv?.close());

/** A login through the service from `ip`; answers the result or the AppError it threw. */
async function tryLogin(account: string, password: string, ip: string, device?: string) {
  try {
    return { ok: true as const, ...(await login(srv.deps, { account, password, ip, userAgent: 'test', device })) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false as const, code: err.code, message: err.message, details: err.details as Record<string, unknown> | undefined };
    throw err;
  }
}

const failTimes = async (n: number, account: string, ip: string) => {
  for (let i = 0; i < n; i++) assert.equal((await tryLogin(account, `wrong-${i}`, ip)).code ?? 'OK', 'INVALID_CREDENTIALS', `failure ${i + 1} of ${account} from ${ip}`);
};

const countRows = async (like: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from rate_limits where key like ${like}`.execute(srv.deps.db)).rows[0].n);

/** Lets every running lock and window of these limits run out, as time passing would. */
const letTimePass = (...names: string[]) =>
  sql`update rate_limits set expire = ${Date.now() - 1} where split_part(key, ':', 1) = any(${names}::text[])`.execute(srv.deps.db);

/** Starts a test from no login counts at all. */
const clearCounts = () => sql`delete from rate_limits where key like 'login-%'`.execute(srv.deps.db);

const post = (body: unknown, cookie?: string) =>
  fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie && { cookie }) }, body: JSON.stringify(body) });

const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`));

test('30 parallel wrong guesses from one address check 5 passwords: 5 × 401, 25 × 429', async () => {
  const before = passwordChecks;
  const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => post({ account: 's1@alpha', password: `guess-${i}` })));
  const statuses = replies.map((r) => r.status).sort();
  assert.equal(passwordChecks - before, LOGIN_LIMITS.pair.points, 'passwords checked');
  assert.equal(statuses.filter((s) => s === 401).length, 5);
  assert.equal(statuses.filter((s) => s === 429).length, 25);
  // Through the service as well, from another address: the count is shared, not per process or request.
  const before2 = passwordChecks;
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => tryLogin('lead1@alpha', `guess-${i}`, '198.51.100.30')));
  assert.equal(passwordChecks - before2, 5);
  assert.equal(results.filter((r) => r.code === 'INVALID_CREDENTIALS').length, 5);
  assert.equal(results.filter((r) => r.code === 'LOGIN_THROTTLED').length, 25);
});

test('an attacker\'s failures lock only their address: the owner logs in from another, locks double', async () => {
  const attacker = '203.0.113.66';
  await failTimes(5, 'admin@alpha', attacker);
  const locked = await tryLogin('admin@alpha', PASSWORD, attacker);
  assert.equal(locked.code, 'LOGIN_THROTTLED', 'the right password from the attacker\'s address waits');
  assert.match(locked.message!, /请 15 分钟后再试（北京时间 .+ 以后）/);
  assert.equal(locked.details?.scope, 'account_address');
  assert.ok(Math.abs(Number(locked.details?.retryAfterSeconds) - 900) <= 2, `retryAfterSeconds ${locked.details?.retryAfterSeconds}`);

  const owner = await tryLogin('admin@alpha', PASSWORD, '198.51.100.7');
  assert.equal(owner.ok, true, 'the owner from another address gets in');
  const owner6 = await tryLogin('admin@alpha', PASSWORD, '2001:db8:1:2::99');
  assert.equal(owner6.ok, true, 'and from IPv6');

  // The lock ends; the next round of failures locks for twice as long.
  await letTimePass(LOGIN_LIMITS.pair.name);
  await failTimes(5, 'admin@alpha', attacker);
  const second = await tryLogin('admin@alpha', PASSWORD, attacker);
  assert.equal(second.code, 'LOGIN_THROTTLED');
  assert.match(second.message!, /请 30 分钟后再试/);
  assert.deepEqual([1, 2, 3, 7, 8, 20].map(lockSeconds), [900, 1800, 3600, 57_600, 86_400, 86_400], '15 min doubling, at most a day');

  const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'auth.lockout' and target_id = ${world.alpha.admin.staffId}`.execute(srv.deps.db);
  assert.equal(audits.rows[0].n, 2, 'each lock is audited');
  assert.equal((await tryLogin('admin@alpha', PASSWORD, '198.51.100.7')).ok, true, 'still free from elsewhere');
});

test('over HTTP: the locked address gets 429 with Retry-After; a known-device cookie still gets in', async () => {
  const first = await post({ account: 's2@alpha', password: PASSWORD });
  assert.equal(first.status, 200);
  const device = cookieOf(first, 'siyu_device');
  assert.ok(device, 'a device cookie is set after a successful login');
  const raw = first.headers.getSetCookie().find((c) => c.startsWith('siyu_device='))!;
  assert.match(raw, /HttpOnly/i);
  assert.match(raw, /Path=\/api\/auth\/login/i);

  for (let i = 0; i < 5; i++) assert.equal((await post({ account: 's2@alpha', password: `bad-${i}` })).status, 401);
  const locked = await post({ account: 's2@alpha', password: PASSWORD });
  assert.equal(locked.status, 429);
  const body = (await locked.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'LOGIN_THROTTLED');
  assert.match(body.error.message, /分钟后再试/);
  assert.ok(Number(locked.headers.get('retry-after')) > 800, 'Retry-After in seconds');

  const withDevice = await post({ account: 's2@alpha', password: PASSWORD }, device);
  assert.equal(withDevice.status, 200, 'the known device gets in from the locked address');
  assert.ok(cookieOf(withDevice, 'siyu_session'));
  // A made-up or another account's device cookie is no key.
  assert.equal((await post({ account: 's2@alpha', password: PASSWORD }, 'siyu_device=' + 'A'.repeat(43))).status, 429);
  const s3 = await post({ account: 's3@alpha', password: PASSWORD });
  assert.equal(s3.status, 200);
  for (let i = 0; i < 5; i++) await post({ account: 's3@alpha', password: `bad-${i}` });
  assert.equal((await post({ account: 's3@alpha', password: PASSWORD }, device)).status, 429, 's2\'s device is not s3\'s');
  assert.equal((await post({ account: 's3@alpha', password: PASSWORD }, cookieOf(s3, 'siyu_device'))).status, 200);
});

test('one address guessing across accounts waits after 30 failures; known devices and other addresses do not', async () => {
  const sprayer = '192.0.2.50';
  const device = await tryLogin('s1@alpha', PASSWORD, sprayer);
  assert.equal(device.ok, true);
  const checks = passwordChecks;
  const n = LOGIN_LIMITS.address.points;
  for (let i = 0; i < n; i++) {
    // Unknown names, unknown brands and real accounts (two guesses each: no pair locks).
    const account = i % 3 === 0 ? `ghost${i}@alpha` : i % 3 === 1 ? `nobody${i}@nowhere` : `${['boss', 'lead1', 's3', 'admin', 's2'][Math.floor(i / 3) % 5]}@alpha`;
    assert.equal((await tryLogin(account, `spray-${i}`, sprayer)).code, 'INVALID_CREDENTIALS', `guess ${i + 1}`);
  }
  const waits = await tryLogin('s2@alpha', PASSWORD, sprayer);
  assert.equal(waits.code, 'LOGIN_THROTTLED', 'the 31st attempt from the address waits, right password or not');
  assert.equal(waits.details?.scope, 'address');
  assert.match(waits.message!, /当前网络登录失败次数过多，请 \d+ 分钟后再试/);
  assert.equal(passwordChecks - checks, n, 'the refused attempt checked no password');

  assert.equal((await tryLogin('s1@alpha', PASSWORD, sprayer, device.ok ? device.device : undefined)).ok, true, 'a known device is not held up');
  assert.equal((await tryLogin('s2@alpha', PASSWORD, '192.0.2.51')).ok, true, 'nor another address');
  // Successes do not count against an address.
  for (let i = 0; i < 3; i++) assert.equal((await tryLogin('s2@alpha', PASSWORD, '192.0.2.52')).ok, true);
});

test('unknown accounts are counted like real ones, and leave a bounded number of expiring rows', async () => {
  // Nothing tells an unknown name from a real one: both lock after 5.
  await failTimes(5, 'ghost@alpha', '192.0.2.70');
  assert.equal((await tryLogin('ghost@alpha', 'x', '192.0.2.70')).code, 'LOGIN_THROTTLED');

  const pairsBefore = await countRows('login-pair:%');
  const ip = '192.0.2.80';
  for (let i = 0; i < 300; i++) await tryLogin(`made-up-${i}@alpha`, 'x', ip);
  const added = (await countRows('login-pair:%')) - pairsBefore;
  assert.ok(added <= LOGIN_LIMITS.address.points, `one address left ${added} account rows (at most ${LOGIN_LIMITS.address.points})`);
  const rows = await sql<{ key: string; expire: number | null }>`select key, expire from rate_limits where key like 'login-%'`.execute(srv.deps.db);
  for (const r of rows.rows) {
    assert.ok(r.expire && r.expire <= Date.now() + 7 * 86_400_000 + 5000, `${r.key} expires within a week`);
    assert.match(r.key, /^login-[a-z-]+:[0-9a-f]{32}(:[0-9a-f]{32})?$/, 'keys hold hashes, no names or addresses');
  }
  const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'login_throttle'`.execute(srv.deps.db);
  assert.equal(tables.rows[0].n, 0, 'the per-account throttle table is gone');
  // Expired rows go with the hourly prune.
  await sql`update rate_limits set expire = ${Date.now() - 2 * 3_600_000} where key like 'login-pair:%'`.execute(srv.deps.db);
  await pruneRateLimits(srv.deps.db);
  assert.equal(await countRows('login-pair:%'), 0);
});

test('addresses are counted by /64 for IPv6 and as IPv4 when mapped', () => {
  assert.equal(addressKey('::ffff:10.1.2.3'), '10.1.2.3');
  assert.equal(addressKey('2001:db8:aa:bb:1:2:3:4'), addressKey('2001:db8:aa:bb::ffff'));
  assert.notEqual(addressKey('2001:db8:aa:bb::1'), addressKey('2001:db8:aa:bc::1'));
  assert.equal(addressKey(null), 'unknown');
});

test('unlock: the CLI function and the `siyu user unlock` command lift an account\'s locks', async () => {
  await clearCounts();
  const ip = '198.51.100.90';
  await failTimes(5, 'lead1@alpha', ip);
  assert.equal((await tryLogin('lead1@alpha', PASSWORD, ip)).code, 'LOGIN_THROTTLED');
  assert.deepEqual((await unlockAccount(srv.deps, 'lead1@alpha')).cleared, 1);
  assert.equal((await tryLogin('lead1@alpha', PASSWORD, ip)).ok, true, 'unlocked');
  await assert.rejects(unlockAccount(srv.deps, 'nobody@alpha'), /账号 nobody@alpha 不存在/);

  await failTimes(5, 'lead1@alpha', ip);
  const cli = runSiyu(['user', 'unlock', '--account', 'lead1@alpha'], {
    DATABASE_URL: srv.deps.config.databaseUrl!, SIYU_SECRET_KEY: TEST_SECRET, SIYU_DATA_DIR: path.join(os.tmpdir(), 'siyu-test-data'), LOG_LEVEL: 'warn',
  });
  assert.equal(await cli.exited, 0, cli.output());
  assert.match(cli.output(), /已解除 lead1@alpha 的登录锁定（1 处）/);
  assert.equal((await tryLogin('lead1@alpha', PASSWORD, ip)).ok, true, 'unlocked by the CLI');
  const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'staff.login-unlock' and target_id = ${world.alpha.lead1.staffId}`.execute(srv.deps.db);
  assert.equal(audits.rows[0].n, 2);
});

test('unlock in the API: admins only, their own tenant only; the staff list shows who is locked', async () => {
  await clearCounts();
  const ip = '198.51.100.91';
  await failTimes(5, 's3@alpha', ip);
  const listed = (await boss.get('/api/staff')).body as Array<{ id: string; loginLocked: boolean }>;
  assert.equal(listed.find((s) => s.id === world.alpha.s3.staffId)?.loginLocked, true);
  assert.equal(listed.find((s) => s.id === world.alpha.s1.staffId)?.loginLocked, false);

  const staff = await srv.login('lead1@alpha', PASSWORD);
  const denied = await staff.post(`/api/staff/${world.alpha.s3.staffId}/unlock`);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.error.message, '没有权限执行此操作');
  const otherTenant = await boss.post(`/api/staff/${world.beta.owner.staffId}/unlock`);
  assert.equal(otherTenant.status, 404);
  assert.equal(otherTenant.body.error.message, '员工不存在或无权查看');
  const admin = await srv.login('admin@alpha', PASSWORD);
  assert.equal((await admin.post(`/api/staff/${world.alpha.owner.staffId}/unlock`)).status, 403, 'an admin cannot act on the owner');

  const done = await admin.post(`/api/staff/${world.alpha.s3.staffId}/unlock`);
  assert.equal(done.status, 200);
  assert.deepEqual(done.body, { cleared: 1 });
  assert.equal(((await boss.get('/api/staff')).body as Array<{ id: string; loginLocked: boolean }>).find((s) => s.id === world.alpha.s3.staffId)?.loginLocked, false);
  assert.equal((await tryLogin('s3@alpha', PASSWORD, ip)).ok, true);
  const audit = await sql<{ actor_id: string; ip: string | null }>`select actor_id, ip from audit_log where action = 'staff.login-unlock' and target_id = ${world.alpha.s3.staffId}`.execute(srv.deps.db);
  assert.equal(audit.rows[0]?.actor_id, world.alpha.admin.staffId);
  assert.deepEqual((await admin.post(`/api/staff/${world.alpha.s3.staffId}/unlock`)).body, { cleared: 0 }, 'nothing left to lift');
});
