// The operator's CLI next to a running `siyu start` on the embedded database: `siyu import orders`
// and `siyu user create` use the running cluster instead of failing on its lock file, leave it
// running, and speak plainly when there is no brand, when a shop is new, when nothing was rejected.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSiyu, waitForStart } from './helpers/process.ts';
import { client } from './helpers/server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ORDERS = path.resolve(here, '../../../packages/order-exports/src/testdata/taobao-orders-61.csv'); // 2 orders, 61 columns
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-cli-beside-'));
fs.chmodSync(dataDir, 0o755);
const pgPort = await new Promise<number>((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as net.AddressInfo;
    srv.close(() => resolve(port));
  });
});
const env = { DATABASE_URL: '', SIYU_DATA_DIR: dataDir, SIYU_PG_PORT: String(pgPort), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIYU_SECRET_KEY: '' };

let server: ReturnType<typeof runSiyu> | null = null;
after(async () => {
  server?.child.kill('SIGINT');
  await server?.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function siyu(args: string[]) {
  const p = runSiyu(args, env);
  const code = await p.exited;
  return { code, out: p.output() };
}

test('a fresh database with no brand: the import says how to create one', { timeout: 120_000 }, async () => {
  const r = await siyu(['import', 'orders', ORDERS]);
  assert.notEqual(r.code, 0);
  assert.match(r.out, /还没有品牌/);
  assert.match(r.out, /siyu user create/);
  assert.doesNotMatch(r.out, /企业标识 demo 不存在/);
});

test('with the server running: create a brand, import, and the server sees the orders', { timeout: 180_000 }, async () => {
  server = runSiyu(['start', '--no-build'], env);
  const url = await waitForStart(server);

  const created = await siyu(['user', 'create', '--account', 'boss@beside', '--name', '老板', '--role', 'owner', '--password', 'beside-pass-1', '--tenant-name', '旁路品牌']);
  assert.equal(created.code, 0, created.out);

  const imported = await siyu(['import', 'orders', ORDERS, '--json']); // the only brand is chosen
  assert.equal(imported.code, 0, imported.out);
  const summary = JSON.parse(imported.out.trim().split('\n').pop()!);
  assert.equal(summary.ordersNew, 2);
  assert.equal(summary.rowsRejected, 0);

  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'boss@beside', password: 'beside-pass-1' }) });
  assert.equal(login.status, 200, 'the server still runs on the same PostgreSQL after the CLI exits');
  const api = client(url, { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] });
  const orders = await api.get('/api/orders?limit=100');
  assert.equal(orders.status, 200);
  assert.equal(orders.body.items.length, 2);
});

test('--shop: a new name needs --platform and is then created; --rejects with nothing rejected says so', { timeout: 120_000 }, async () => {
  const noPlatform = await siyu(['import', 'orders', ORDERS, '--shop', '新开的天猫店']);
  assert.notEqual(noPlatform.code, 0);
  assert.match(noPlatform.out, /店铺「新开的天猫店」不存在.*--platform/);

  const out = path.join(dataDir, 'rejects.xlsx');
  const made = await siyu(['import', 'orders', ORDERS, '--shop', '新开的天猫店', '--platform', 'tmall', '--rejects', out]);
  assert.equal(made.code, 0, made.out);
  assert.match(made.out, /已新建店铺「新开的天猫店」/);
  assert.match(made.out, /没有被拒绝的行/);
  assert.equal(fs.existsSync(out), false);
});
