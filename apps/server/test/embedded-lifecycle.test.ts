// The laptop path end to end through the real CLI: embedded PostgreSQL is created on first use,
// reused on the next start, stopped with Siyu on Ctrl-C, and stopped by the watchdog when Siyu
// is killed outright. No postgres process outlives Siyu.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runSiyu, waitForStart } from './helpers/process.ts';
import { client } from './helpers/server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-lifecycle-'));
fs.chmodSync(dataDir, 0o755);
// A port the OS says is free right now (a fixed or random one can be some connection's source port).
const pgPort = await new Promise<number>((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as net.AddressInfo;
    srv.close(() => resolve(port));
  });
});
const env = { DATABASE_URL: '', SIYU_DATA_DIR: dataDir, SIYU_PG_PORT: String(pgPort), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIYU_SECRET_KEY: '' };

/** PIDs of postgres processes serving our data directory. */
function postgresFor(dir: string): number[] {
  const pids: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('postgres') && cmd.includes(path.join(dir, 'pg'))) pids.push(Number(pid));
    } catch { /* gone */ }
  }
  return pids;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

after(() => {
  for (const pid of postgresFor(dataDir)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('siyu user create, start, Ctrl-C, restart with the same data, SIGKILL: no orphan PostgreSQL', { timeout: 180_000 }, async () => {
  const create = runSiyu(['user', 'create', '--account', 'boss@lifecycle', '--name', '老板', '--role', 'owner', '--password', 'lifecycle-pass', '--tenant-name', '生命周期测试'], env);
  assert.equal(await create.exited, 0, create.output());
  assert.match(create.output(), /已创建账号 boss@lifecycle/);
  assert.ok(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION')), 'cluster created under the data dir');
  assert.ok(fs.existsSync(path.join(dataDir, 'secret.key')), 'a master key was generated');
  assert.deepEqual(postgresFor(dataDir), [], 'the CLI command stopped its PostgreSQL');

  const dup = runSiyu(['user', 'create', '--account', 'boss@lifecycle', '--name', '又一个', '--password', 'lifecycle-pass'], env);
  assert.notEqual(await dup.exited, 0);
  assert.match(dup.output(), /已存在/);

  let siyu = runSiyu(['start', '--no-build'], env);
  let url = await waitForStart(siyu);
  assert.equal(postgresFor(dataDir).length > 0, true, 'embedded PostgreSQL runs while Siyu runs');
  let login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'boss@lifecycle', password: 'lifecycle-pass' }) });
  assert.equal(login.status, 200);
  let api = client(url, { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] });
  const created = await api.post('/api/customers', { name: '持久客户', phone: '13811112222' });
  assert.equal(created.status, 200);
  siyu.child.kill('SIGINT');
  assert.equal(await siyu.exited, 0, siyu.output());
  assert.ok(await until(() => postgresFor(dataDir).length === 0, 10_000), 'Ctrl-C leaves no PostgreSQL behind');

  siyu = runSiyu(['start', '--no-build'], env);
  url = await waitForStart(siyu);
  login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'boss@lifecycle', password: 'lifecycle-pass' }) });
  api = client(url, { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] });
  const found = await api.get(`/api/customers/${created.body.id}`);
  assert.equal(found.body.name, '持久客户', 'the second start reuses the data');
  assert.equal(found.body.phoneMasked, '138****2222', 'and the same key decrypts it');
  siyu.child.kill('SIGKILL');
  await siyu.exited;
  assert.ok(await until(() => postgresFor(dataDir).length === 0, 15_000), 'the watchdog stops PostgreSQL when Siyu is killed');
});
