// Order-export uploads are sized before anything is written: too large a total, too many files, or
// a disk that could not take it get a clear Chinese refusal, and no upload directory or import row
// is left behind.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { UPLOAD_LIMITS } from '../src/modules/commerce/index.ts';

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function server(config: Partial<TestServer['deps']['config']> = {}) {
  // Its own data directory: the uploads it must not leave behind are then the only ones there.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-upload-'));
  const srv = await startTestServer({ config: { dataDir, ...config } });
  servers.push(srv);
  await buildWorld(srv.deps);
  const admin = await srv.login('boss@alpha', PASSWORD);
  return { srv, admin };
}

/** Declares a body of `declared` bytes, sends only its first part, and reads the answer. */
function declareUpload(url: string, cookie: string, declared: number): Promise<{ status: number; body: { error: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/imports`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(declared) },
    }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.write('--x\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n订单编号\n');
    // the rest never comes: the server must answer from the headers alone
  });
}

async function nothingWritten(srv: TestServer) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from order_imports`.execute(srv.deps.db);
  assert.equal(rows[0].n, 0, 'no import row');
  const dir = path.join(srv.deps.config.dataDir, 'imports');
  assert.deepEqual(fs.existsSync(dir) ? fs.readdirSync(dir) : [], [], 'no upload directory');
}

test('an upload over the total limit is refused from its Content-Length, before anything is written', { timeout: 60_000 }, async () => {
  const { srv, admin } = await server();
  const res = await declareUpload(srv.url, admin.cookie, UPLOAD_LIMITS.totalBytes + 1);
  assert.equal(res.status, 413);
  assert.equal(res.body.error.code, 'PAYLOAD_TOO_LARGE');
  assert.match(res.body.error.message, /合计不能超过 2 GB/);
  await nothingWritten(srv);
});

test('a disk that would be left short refuses the upload with what is free', { timeout: 60_000 }, async () => {
  // A reserve larger than any disk: every upload would eat into it.
  const { srv, admin } = await server({ uploadReserveBytes: 1024 ** 5 });
  const res = await declareUpload(srv.url, admin.cookie, 10_000);
  assert.equal(res.status, 507);
  assert.equal(res.body.error.code, 'INSUFFICIENT_STORAGE');
  assert.match(res.body.error.message, /磁盘空间不足/);
  await nothingWritten(srv);
});

test('more files than allowed in one import are refused in Chinese, and the partial upload removed', { timeout: 60_000 }, async () => {
  const { srv, admin } = await server();
  const form = new FormData();
  for (let i = 0; i <= UPLOAD_LIMITS.files; i++) form.append('file', new Blob(['订单编号,买家会员名\n1,a\n']), `part-${i}.csv`);
  const res = await fetch(`${srv.url}/api/imports`, { method: 'POST', headers: { cookie: admin.cookie }, body: form });
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(res.status, 413);
  assert.match(body.error.message, new RegExp(`一次最多上传 ${UPLOAD_LIMITS.files} 个文件`));
  await nothingWritten(srv);
});
