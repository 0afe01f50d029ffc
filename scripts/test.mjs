#!/usr/bin/env node
// `npm test`: every *.test.ts in the workspaces on node's test runner (via tsx), against a real
// PostgreSQL — the embedded one, and again against DATABASE_URL when it is set — so the same
// tests prove both paths. Prints "N passed, N failed" last.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv.slice(2);

function findTests(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.') || e.name === 'scratch') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(e.name)) out.push(path.relative(root, p));
  }
  return out;
}

const files = ['apps', 'packages'].flatMap((d) => findTests(path.join(root, d)))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();

function run(label, env) {
  return new Promise((resolve) => {
    console.log(`\n=== ${label}: ${files.length} test files ===`);
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
      cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('exit', (code) => {
      const num = (re) => Number((out.match(re) ?? [])[1] ?? 0);
      resolve({ code, pass: num(/^ℹ pass (\d+)/m), fail: num(/^ℹ fail (\d+)/m) });
    });
  });
}

const { register } = await import('tsx/esm/api');
register();
const { startEmbeddedPostgres } = await import('../apps/server/src/db/embedded.ts');

const results = [];
const dataDir = path.join(root, '.test-data');
// A port the OS says is free now: a fixed one can be taken as some connection's source port.
const freePort = () => new Promise((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});
const pg = await startEmbeddedPostgres({ dataDir, port: Number(process.env.SIYU_TEST_PG_PORT ?? (await freePort())) });
try {
  results.push(await run('embedded PostgreSQL', { SIYU_TEST_PG_ADMIN: pg.url, SIYU_TEST_DB_LABEL: 'embedded' }));
} finally {
  await pg.stop();
}
if (process.env.DATABASE_URL) {
  results.push(await run(`PostgreSQL at DATABASE_URL`, { SIYU_TEST_PG_ADMIN: process.env.DATABASE_URL, SIYU_TEST_DB_LABEL: 'DATABASE_URL' }));
}
const pass = results.reduce((a, r) => a + r.pass, 0);
const fail = results.reduce((a, r) => a + r.fail, 0);
const bad = results.some((r) => r.code !== 0) || fail > 0 || pass === 0;
console.log(`\n${pass} passed, ${fail} failed`);
process.exit(bad ? 1 : 0);
