// Order import at scale: a generated Taobao 订单报表 + 宝贝报表 pair of BENCH_ORDERS orders
// (default 1,000,000; ~2.5 items each; GBK) imported by `siyu import orders` as a child process:
// wall time and peak RSS (VmHWM). Reference in the same run: the same two files decoded and
// COPY-ed as raw rows into two bare text tables of the same PostgreSQL (no parsing, no indexes,
// no customers) — the floor any importer stands on. Goal: ≤ 3× the reference, RSS flat.
// A second figure, the storage floor: the rows this import wrote (orders, items, customers,
// identities, events, catalogue) written again, server-side, into empty copies of their tables
// with the same indexes. No importer can be faster than that; the gap to it is the importer's own.
//
// Env (read here only): BENCH_ORDERS (1,000,000), DATABASE_URL (else an embedded PostgreSQL).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config.ts';
import { buildDeps, migrations } from '../src/main.ts';
import { createLogger } from '../src/core/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createTenant } from '../src/modules/tenancy/index.ts';
import { benchDatabase } from './support/database.ts';
import { writeTaobaoPair } from './support/taobao-export-gen.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** COPY a GBK CSV's data rows, untouched, into a bare table of `cols` text columns. */
async function copyRaw(url: string, file: string, table: string, cols: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`drop table if exists ${table}; create unlogged table ${table} (${Array.from({ length: cols }, (_, i) => `c${i} text`).join(', ')})`);
    let skipped = false;
    const dropHeader = new Transform({
      transform(chunk: Buffer, _e, done) {
        if (skipped) return done(null, chunk);
        const s = chunk.toString('utf8');
        const nl = s.indexOf('\n');
        skipped = true;
        done(null, Buffer.from(s.slice(nl + 1), 'utf8'));
      },
    });
    await pipeline(fs.createReadStream(file), iconv.decodeStream('gbk'), iconv.encodeStream('utf8'), dropHeader, c.query(copyFrom(`copy ${table} from stdin with (format csv)`)));
    return Number((await c.query(`select count(*) from ${table}`)).rows[0].count);
  } finally {
    await c.end();
  }
}

const WRITTEN = ['customers', 'customer_identities', 'outbox_events', 'products', 'skus', 'orders', 'order_items'];

/** Writes the tenant's rows of each table again into an empty copy with the same indexes; the time it takes. */
async function storageFloor(url: string, tenantId: string): Promise<{ ms: number; rows: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const t of WRITTEN) await c.query(`drop table if exists floor_${t}; create table floor_${t} (like ${t} including all)`);
    await c.query('checkpoint'); // the import's dirty pages are not this measurement's to write
    let rows = 0;
    const started = performance.now();
    for (const t of WRITTEN) rows += (await c.query(`insert into floor_${t} overriding system value select * from ${t} where tenant_id = $1`, [tenantId])).rowCount ?? 0;
    const ms = performance.now() - started;
    for (const t of WRITTEN) await c.query(`drop table floor_${t}`);
    return { ms, rows };
  } finally {
    await c.end();
  }
}

function runImport(env: NodeJS.ProcessEnv, files: string[]): Promise<{ ms: number; peakRssMb: number; summary: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.resolve('bin/siyu.mjs'), 'import', 'orders', ...files, '--tenant', 'bench', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let peak = 0;
    // VmHWM is the kernel's own peak-RSS mark for the process: read it until the process ends.
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch { /* exited */ }
    }, 200);
    child.stdout.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`import exited ${code}`));
      resolve({ ms: performance.now() - started, peakRssMb: peak, summary: JSON.parse(out.trim().split('\n').pop()!) });
    });
  });
}

async function main() {
  const db = await benchDatabase(process.env.DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-orders-'));
  try {
    log(`database: ${db.where}`);
    const ordersFile = path.join(dir, 'ExportOrderList.csv');
    const itemsFile = path.join(dir, 'ExportOrderDetailList.csv');
    let t = performance.now();
    const gen = await writeTaobaoPair(ordersFile, itemsFile, ORDERS);
    const mb = (fs.statSync(ordersFile).size + fs.statSync(itemsFile).size) / 1048576;
    log(`generated ${gen.orders.toLocaleString()} orders / ${gen.items.toLocaleString()} items (${mb.toFixed(0)} MB GBK) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const secret = crypto.randomBytes(32).toString('hex');
    const config = loadConfig({ SIYU_SECRET_KEY: secret, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv, { databaseUrl: db.url });
    const deps = buildDeps(config, db.url, createLogger('warn'));
    await migrateToLatest(deps.db, migrations);
    const tenant = await createTenant(deps, { slug: 'bench', name: 'bench' });
    await deps.db.destroy();

    t = performance.now();
    const refOrders = await copyRaw(db.url, ordersFile, 'ref_orders', 46);
    const refItems = await copyRaw(db.url, itemsFile, 'ref_items', 10);
    const refMs = performance.now() - t;
    log(`reference COPY: ${refOrders.toLocaleString()} + ${refItems.toLocaleString()} rows in ${(refMs / 1000).toFixed(1)} s`);

    const env = { ...process.env, DATABASE_URL: db.url, SIYU_SECRET_KEY: secret, SIYU_DATA_DIR: dir, LOG_LEVEL: 'warn' };
    const imp = await runImport(env, [ordersFile, itemsFile]);
    const s = imp.summary;
    const floor = await storageFloor(db.url, tenant.tenantId);
    console.log(`order import: ${ORDERS.toLocaleString()} orders, ${s.items.toLocaleString()} items, ${s.customersNew.toLocaleString()} customers, ${s.productsNew} products (${mb.toFixed(0)} MB GBK)`);
    console.log(`  siyu import orders: ${(imp.ms / 1000).toFixed(1)} s (${Math.round(ORDERS / (imp.ms / 1000)).toLocaleString()} orders/s), peak RSS ${imp.peakRssMb.toFixed(0)} MB, rejected ${s.rowsRejected}`);
    console.log(`  reference (raw COPY into bare tables): ${(refMs / 1000).toFixed(1)} s`);
    console.log(`  ratio: ×${(imp.ms / refMs).toFixed(2)} (goal ≤ ×3)`);
    console.log(`  storage floor (the import's ${floor.rows.toLocaleString()} rows written again into tables with the same indexes): ${(floor.ms / 1000).toFixed(1)} s = ×${(floor.ms / refMs).toFixed(2)} the reference; the import is ×${(imp.ms / floor.ms).toFixed(2)} the floor`);
    console.log(JSON.stringify({ bench: 'order-import', orders: ORDERS, items: s.items, importMs: Math.round(imp.ms), referenceMs: Math.round(refMs), ratio: imp.ms / refMs, floorMs: Math.round(floor.ms), peakRssMb: Math.round(imp.peakRssMb), ordersNew: s.ordersNew, rejected: s.rowsRejected }));
    if (s.ordersNew !== ORDERS || s.items !== gen.items) { console.error('import counts do not match the generated files'); process.exitCode = 1; }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await db.cleanup();
  }
}

await main();
