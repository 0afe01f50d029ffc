// Storage at a million customers: the data directory and each table's size after loading the
// demo brand the way `siyu start --demo` does (customers, identities, owners, tags, the outbox
// events and, through the consumers, the timeline; the demo's orders too unless BENCH_ORDERS=0),
// then after the scheduled pruning jobs have run (every `*.prune-*` task of main.ts's jobSpec,
// with the configured retention). Goal: the data directory under 5 GB at 1 M customers.
//
// Sizes are pg_total_relation_size (heap + TOAST + indexes). "After pruning" is printed twice:
// after the jobs and a plain VACUUM (the files keep their length; the space is reused by new
// rows), and after VACUUM FULL (what the retained rows occupy: the size a database that has
// pruned all along settles at).
//
// Env (read here only): BENCH_CUSTOMERS (default 1,000,000), BENCH_ORDERS (1: also the demo's
// order history), DATABASE_URL (else an embedded PostgreSQL in a temp dir; only then is the
// data directory measured), BENCH_KEEP=1 keeps the database afterwards (prints where).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import { buildDeps, consumers, jobSpec, migrations } from '../src/main.ts';
import { createLogger, runConsumerOnce } from '../src/core/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemoTenant } from '../src/demo/index.ts';
import { benchDatabase, type BenchDatabase } from './support/database.ts';

const env = process.env;
const CUSTOMERS = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const ORDERS = (env.BENCH_ORDERS ?? '1') !== '0';
const KEEP = env.BENCH_KEEP === '1';
const GOAL_BYTES = 5 * 1024 ** 3;

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const mb = (b: number) => Math.round((b / 1024 ** 2) * 10) / 10;

/** Bytes on disk under a directory (allocated blocks, as `du` counts them). */
function diskUsage(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      try {
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) total += fs.statSync(p).blocks * 512;
      } catch { /* a file removed while we walk (a recycled WAL segment) */ }
    }
  };
  walk(dir);
  return total;
}

type TableSize = { table: string; rows: number; heap: number; indexes: number; total: number };
type Snapshot = { label: string; database: number; dataDir: number | null; wal: number | null; tables: TableSize[] };

async function snapshot(deps: Deps, db: BenchDatabase, label: string): Promise<Snapshot> {
  await sql`checkpoint`.execute(deps.db);
  await sql`analyze`.execute(deps.db);
  const { rows } = await sql<{ table: string; rows: number; heap: number; indexes: number; total: number }>`
    select c.relname as table, greatest(c.reltuples, 0)::bigint as rows,
      pg_table_size(c.oid) as heap, pg_indexes_size(c.oid) as indexes, pg_total_relation_size(c.oid) as total
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`.execute(deps.db);
  const { rows: [d] } = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(deps.db);
  const dataDir = db.dataDir ? diskUsage(db.dataDir) : null;
  const wal = db.dataDir ? diskUsage(path.join(db.dataDir, 'pg_wal')) : null;
  return { label, database: Number(d.size), dataDir, wal, tables: rows.map((r) => ({ ...r, rows: Number(r.rows), heap: Number(r.heap), indexes: Number(r.indexes), total: Number(r.total) })) };
}

function print(s: Snapshot) {
  console.log(`\n## ${s.label}`);
  console.log(`database ${mb(s.database)} MB${s.dataDir !== null ? `, data directory ${mb(s.dataDir)} MB (of which WAL ${mb(s.wal!)} MB)` : ''}`);
  console.log(`${'table'.padEnd(26)}${'rows'.padStart(12)}${'heap MB'.padStart(10)}${'index MB'.padStart(10)}${'total MB'.padStart(10)}${'B/row'.padStart(8)}`);
  for (const t of s.tables.filter((x) => x.total >= 1024 ** 2)) {
    console.log(`${t.table.padEnd(26)}${t.rows.toLocaleString('en').padStart(12)}${String(mb(t.heap)).padStart(10)}${String(mb(t.indexes)).padStart(10)}${String(mb(t.total)).padStart(10)}${String(t.rows ? Math.round(t.total / t.rows) : 0).padStart(8)}`);
  }
}

async function drainConsumers(deps: Deps) {
  for (const c of consumers) {
    let n = 0;
    for (let k; (k = await runConsumerOnce(deps.db, c)) > 0;) n += k;
    log(`consumer ${c.name}: ${n.toLocaleString('en')} events read`);
  }
}

async function main() {
  let db: BenchDatabase | undefined;
  let deps: Deps | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => (cleaning ??= (async () => {
    await deps?.db.destroy().catch(() => undefined);
    if (KEEP) log(`kept: ${db?.where} — ${db?.url}`);
    else await db?.cleanup().catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  })());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().then(() => process.exit(130)));

  try {
    db = await benchDatabase(env.DATABASE_URL);
    log(`database: ${db.where}`);
    const config = loadConfig({ SIYU_SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv, { databaseUrl: db.url });
    deps = buildDeps(config, db.url, createLogger('warn'));
    await migrateToLatest(deps.db, migrations);
    const empty = await snapshot(deps, db, 'empty');

    const t0 = performance.now();
    let lastTenth = -1;
    await seedDemoTenant(deps, {
      customers: CUSTOMERS, events: true, orders: ORDERS,
      onProgress: (stage, done, total) => {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (stage === '客户' && tenth !== lastTenth) { lastTenth = tenth; log(`seeding ${done}/${total}`); }
        if (stage === '订单' && done === 0) log('seeding orders');
      },
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`seeded ${CUSTOMERS} customers in ${seedSeconds.toFixed(1)} s; running the consumers (timeline, tag tokens)`);
    const t1 = performance.now();
    await drainConsumers(deps);
    const consumeSeconds = (performance.now() - t1) / 1000;
    const loaded = await snapshot(deps, db, `loaded: ${CUSTOMERS.toLocaleString('en')} customers${ORDERS ? ' with orders' : ''}, consumers caught up`);
    print(loaded);

    const tasks = jobSpec(deps).tasks;
    const prunes = Object.keys(tasks).filter((name) => /\.prune-/.test(name)).sort();
    const t2 = performance.now();
    for (const name of prunes) {
      const t = performance.now();
      await tasks[name]!({}, undefined as never);
      log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const pruneSeconds = (performance.now() - t2) / 1000;
    await sql`vacuum`.execute(deps.db);
    const pruned = await snapshot(deps, db, `after ${prunes.join(', ')} and VACUUM (retention ${JSON.stringify(config.retention)})`);
    print(pruned);
    await sql`vacuum full`.execute(deps.db);
    const compact = await snapshot(deps, db, 'after VACUUM FULL (what the retained rows occupy)');
    print(compact);

    const perCustomer = (s: Snapshot) => Math.round((s.database - empty.database) / Math.max(CUSTOMERS, 1));
    console.log(`\nstorage @ ${CUSTOMERS.toLocaleString('en')} customers (${db.where}): seed ${seedSeconds.toFixed(1)} s, consumers ${consumeSeconds.toFixed(1)} s, pruning ${pruneSeconds.toFixed(1)} s`);
    console.log(`database: loaded ${mb(loaded.database)} MB (${perCustomer(loaded)} B/customer), pruned ${mb(pruned.database)} MB, compacted ${mb(compact.database)} MB (${perCustomer(compact)} B/customer)`);
    if (loaded.dataDir !== null) {
      const verdict = (b: number) => (b < GOAL_BYTES ? 'under' : 'OVER');
      console.log(`data directory: loaded ${mb(loaded.dataDir)} MB (${verdict(loaded.dataDir)} the 5 GB goal), compacted ${mb(compact.dataDir!)} MB (${verdict(compact.dataDir!)} it)`);
    }
    const brief = (s: Snapshot) => ({
      databaseMb: mb(s.database), dataDirMb: s.dataDir === null ? null : mb(s.dataDir), walMb: s.wal === null ? null : mb(s.wal),
      tablesMb: Object.fromEntries(s.tables.filter((t) => t.total >= 1024 ** 2).map((t) => [t.table, mb(t.total)])),
    });
    console.log(JSON.stringify({
      bench: 'storage', customers: CUSTOMERS, orders: ORDERS, retention: config.retention,
      seedSeconds: Math.round(seedSeconds), consumeSeconds: Math.round(consumeSeconds), pruneSeconds: Math.round(pruneSeconds),
      loaded: brief(loaded), pruned: brief(pruned), compacted: brief(compact), goalMb: mb(GOAL_BYTES),
    }));
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
