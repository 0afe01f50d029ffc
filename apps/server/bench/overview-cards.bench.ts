// The figures behind the console's cards (issue 10, item 11): GET /api/shops (orders, buyers and
// friend buyers per shop), GET /api/commerce/match-rate and GET /api/staff (customers per staff
// member), kept as events arrive instead of counted per request. For each size (the demo's 50k
// and 1 M customers by default), on its own database: the demo brand seeded with its orders,
// WeCom friends for every customer with a WeCom identity (one relation per owner, each with its
// wecom.friend_added event), insight's consumer run until caught up (timed: how fast the counts
// converge), the kept figures checked against a count from scratch, then each endpoint measured
// under load next to two references in the same run — GET /healthz on the same server and a
// `select 1` round trip on the same pool — and the same figures counted per request (the queries
// the endpoints ran before) timed for comparison, with their plans. Also the overview's
// /api/customers/stats (not kept: counted per request), timed alone for the record. RSS: sampled
// while the server serves the cards, and the process's peak (which includes the seeding).
//
// Env (read here only): BENCH_CUSTOMERS (comma-separated sizes, default "50000,1000000"),
// BENCH_SECONDS per scenario (10), BENCH_CONNECTIONS (20), BENCH_COUNTED_RUNS (timed runs of the
// per-request counts, 5), DATABASE_URL (else an embedded PostgreSQL in a temp dir per size).
import crypto from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import { buildDeps, buildApp, migrations } from '../src/main.ts';
import { createLogger, runConsumerOnce } from '../src/core/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemoTenant, DEMO_PASSWORD, DEMO_SLUG } from '../src/demo/index.ts';
import { countedShopCounts, shopCounts } from '../src/modules/commerce/index.ts';
import { countedMatchRate, matchCountsConsumer, matchRate } from '../src/modules/insight/index.ts';
import { countedCustomersByStaff, customerCountsByStaff } from '../src/modules/customers/index.ts';
import { benchDatabase, type BenchDatabase } from './support/database.ts';
import { measure, table, type Figures } from './support/load.ts';
import { capturingDb, explainAnalyze, readable } from './support/explain.ts';

const env = process.env;
const SIZES = (env.BENCH_CUSTOMERS ?? '50000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 20);
const COUNTED_RUNS = Number(env.BENCH_COUNTED_RUNS ?? 5);
const GOAL_MS = 100;

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const round2 = (n: number) => Math.round(n * 100) / 100;
const brief = ({ p50, p99, rps }: Figures) => ({ p50: round2(p50), p99: round2(p99), rps });
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function login(base: string, account: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${account} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().find((c) => c.startsWith('siyu_session='))!.split(';')[0];
}

/** p50 and p99 of `runs` sequential calls (ms). */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: round2(t[Math.floor(t.length / 2)]), p99: round2(t[Math.min(t.length - 1, Math.ceil(0.99 * t.length) - 1)]) };
}

/**
 * WeCom friends as the demo's first sync leaves them: every customer with a WeCom identity is
 * followed by each of their owners, with one wecom.friend_added event per relation. Written in
 * SQL (the sync through the simulator would take hours at 1 M), in chunks of customers.
 */
async function seedFriends(deps: Deps, tenantId: string): Promise<number> {
  let relations = 0;
  let after = '';
  for (;;) {
    const r = await sql<{ n: number; last: string | null }>`
      with picked as (
        select i.customer_id, i.value from customer_identities i
        where i.tenant_id = ${tenantId} and i.kind = 'wecom_external_userid' and i.customer_id > ${after}
        order by i.customer_id limit 20000
      ), rel as (
        insert into wecom_relations (tenant_id, external_userid, userid, customer_id, staff_id, added_at, add_way, status)
        select ${tenantId}, p.value, s.username, p.customer_id, s.id, o.since, 1, 'active'
        from picked p join customer_owners o on o.tenant_id = ${tenantId} and o.customer_id = p.customer_id
        join staff s on s.tenant_id = ${tenantId} and s.id = o.staff_id
        on conflict do nothing
        returning customer_id, userid, staff_id, added_at
      ), ev as (
        insert into outbox_events (tenant_id, type, aggregate_type, aggregate_id, payload, occurred_at)
        select ${tenantId}, 'wecom.friend_added', 'customer', customer_id, jsonb_build_object('userid', userid, 'staffId', staff_id), added_at from rel
        returning 1
      )
      select (select count(*) from ev)::int as n, (select max(customer_id) from picked) as last`.execute(deps.db);
    relations += r.rows[0].n;
    if (!r.rows[0].last) break;
    after = r.rows[0].last;
  }
  return relations;
}

type SizeResult = Record<string, unknown>;

async function runSize(customers: number): Promise<SizeResult> {
  let db: BenchDatabase | undefined;
  let deps: Deps | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    db = await benchDatabase(env.DATABASE_URL);
    log(`${customers.toLocaleString('en')} customers — database: ${db.where}`);
    const config = loadConfig({ SIYU_SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv, { databaseUrl: db.url });
    const base = buildDeps(config, db.url, createLogger('warn'));
    const capturing = capturingDb(base.pool);
    deps = { ...base, db: capturing.db };
    await migrateToLatest(deps.db, migrations);

    // The demo brand with its orders (written through the order writer, which keeps the per-shop
    // counts and emits commerce.buyers_added per chunk); customer events off, as in the list bench.
    const t0 = performance.now();
    let lastTenth = -1;
    const { tenantId } = await seedDemoTenant(deps, {
      customers, events: false, orders: true,
      onProgress: (stage, done, total) => {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if ((stage === '客户' || stage === '订单') && (tenth !== lastTenth || done === 0)) { lastTenth = tenth; log(`seeding ${stage} ${done}/${total}`); }
      },
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    const relations = await seedFriends(deps, tenantId);
    await sql`analyze`.execute(deps.db);
    const sizes = (await sql<{ orders: number; buyers: number; events: number }>`
      select (select count(*) from orders)::int as orders, (select count(*) from shop_buyers)::int as buyers,
        (select count(*) from outbox_events where type in ('commerce.buyers_added', 'wecom.friend_added'))::int as events`.execute(deps.db)).rows[0];
    log(`seeded in ${seedSeconds.toFixed(0)} s: ${sizes.orders.toLocaleString('en')} orders, ${sizes.buyers.toLocaleString('en')} (shop, buyer) pairs, ${relations.toLocaleString('en')} WeCom relations`);

    // Insight's consumer from the first event to the last: how long the match counts take to converge.
    const t1 = performance.now();
    let read = 0;
    for (let n; (n = await runConsumerOnce(deps.db, matchCountsConsumer)) > 0;) read += n;
    const consumeSeconds = (performance.now() - t1) / 1000;
    log(`insight.match-counts caught up in ${consumeSeconds.toFixed(1)} s (${read.toLocaleString('en')} outbox rows, ${sizes.events.toLocaleString('en')} of its events)`);

    // The kept figures equal a count from scratch.
    const [keptShops, countedShops, keptRate, countedRate, keptStaff, countedStaff] = await Promise.all([
      shopCounts(deps, tenantId), countedShopCounts(deps, tenantId), matchRate(deps, tenantId), countedMatchRate(deps, tenantId),
      customerCountsByStaff(deps, tenantId), countedCustomersByStaff(deps, tenantId),
    ]);
    const exact = {
      shops: isDeepStrictEqual(new Map([...keptShops].map(([k, v]) => [k, { orders: v.orders, buyers: v.buyers }])), new Map([...countedShops].map(([k, v]) => [k, { orders: v.orders, buyers: v.buyers }]))),
      matchRate: isDeepStrictEqual(keptRate, countedRate),
      staff: isDeepStrictEqual(keptStaff, countedStaff),
    };
    if (!exact.shops || !exact.matchRate || !exact.staff) throw new Error(`kept figures differ from the counted ones: ${JSON.stringify({ exact, keptRate, countedRate })}`);

    // Counted per request (what the endpoints ran before): timed on the idle database.
    const counted = {
      shops: await timed(COUNTED_RUNS, () => Promise.all([countedShopCounts(deps!, tenantId), countedMatchRate(deps!, tenantId)])),
      matchRate: await timed(COUNTED_RUNS, () => countedMatchRate(deps!, tenantId)),
      staff: await timed(COUNTED_RUNS, () => countedCustomersByStaff(deps!, tenantId)),
    };
    const selectOne = await timed(200, () => deps!.pool.query('select 1'));

    app = await buildApp(deps);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await login(url, `admin@${DEMO_SLUG}`);
    const endpoints = [
      { key: 'shops', name: 'GET /api/shops', path: '/api/shops' },
      { key: 'matchRate', name: 'GET /api/commerce/match-rate', path: '/api/commerce/match-rate' },
      { key: 'staff', name: 'GET /api/staff', path: '/api/staff' },
    ];
    // The server's RSS while it serves the cards (the process's peak includes the seeding).
    let servingRss = 0;
    const sampler = setInterval(() => { servingRss = Math.max(servingRss, process.memoryUsage().rss); }, 100);
    for (const e of endpoints) await measure({ scenario: 'warm-up', url, requests: [{ path: e.path }], cookie, connections: CONNECTIONS, seconds: 1 });

    const rows: Figures[] = [];
    const figures: Record<string, Figures> = {};
    for (const e of endpoints) {
      await capturing.quiet(300); // the last run's requests finished
      log(`${e.name} for ${SECONDS} s`);
      figures[e.key] = await measure({ scenario: e.name, url, requests: [{ path: e.path }], cookie, connections: CONNECTIONS, seconds: SECONDS });
      rows.push(figures[e.key]);
    }
    await capturing.quiet(300);
    log(`GET /healthz for ${SECONDS} s`);
    const health = await measure({ scenario: 'GET /healthz (reference)', url, requests: [{ path: '/healthz' }], connections: CONNECTIONS, seconds: SECONDS });
    rows.push(health);
    // Idle: one client, one request at a time (what an operator opening the page sees).
    await capturing.quiet(300);
    const idle: Record<string, { p50: number; p99: number }> = {};
    const get = (path: string) => async () => (await fetch(url + path, { headers: { cookie } })).text();
    for (const e of [...endpoints, { key: 'healthz', path: '/healthz' }]) {
      await timed(10, get(e.path));
      idle[e.key] = await timed(200, get(e.path));
    }
    clearInterval(sampler);
    // The overview's own numbers are still counted per request: timed alone, last (at 1 M one
    // takes seconds, and a load run of it would leave the server busy for minutes).
    const stats = await timed(COUNTED_RUNS, get('/api/customers/stats'));

    console.log(`\n## overview cards @ ${customers.toLocaleString('en')} customers (${sizes.orders.toLocaleString('en')} orders, ${relations.toLocaleString('en')} WeCom relations), ${CONNECTIONS} connections, ${SECONDS} s per scenario (${db.where})`);
    console.log(`seed ${seedSeconds.toFixed(0)} s; insight.match-counts converged in ${consumeSeconds.toFixed(1)} s after ${sizes.events.toLocaleString('en')} events; kept = counted from scratch: shops ${exact.shops}, match rate ${exact.matchRate}, staff ${exact.staff}\n`);
    console.log(table(rows));
    const ratio = (f: Figures) => `p50 ×${(f.p50 / Math.max(health.p50, 0.001)).toFixed(1)}, p99 ×${(f.p99 / Math.max(health.p99, 0.001)).toFixed(1)}`;
    for (const e of endpoints) console.log(`ratio ${e.name} / healthz: ${ratio(figures[e.key])}`);
    console.log(`\nidle (one request at a time, 200 each, p50 / p99 ms): ${Object.entries(idle).map(([k, v]) => `${k} ${v.p50} / ${v.p99}`).join(', ')}; select 1 round trip ${selectOne.p50} / ${selectOne.p99}`);
    console.log(`server RSS while serving (sampled): ${Math.round(servingRss / 1024 ** 2)} MB; process peak RSS (seeding included): ${peakRssMb()} MB`);
    const verdict = (k: string) => (idle[k].p50 < GOAL_MS && idle[k].p99 < GOAL_MS ? 'under' : 'OVER');
    console.log(`goal: each kept card under ${GOAL_MS} ms — shops ${verdict('shops')}, match rate ${verdict('matchRate')}, staff ${verdict('staff')}`);
    console.log(`counted per request instead (the queries these endpoints ran before; p50 / p99 ms of ${COUNTED_RUNS} runs): shops ${counted.shops.p50} / ${counted.shops.p99}, match rate ${counted.matchRate.p50} / ${counted.matchRate.p99}, staff ${counted.staff.p50} / ${counted.staff.p99}`);
    console.log(`GET /api/customers/stats (the overview's totals, still counted per request; ${COUNTED_RUNS} runs alone): p50 ${stats.p50} ms, p99 ${stats.p99} ms`);

    // The plans: each endpoint's slowest query as kept, and the counted query it replaced.
    await capturing.quiet(500);
    for (const e of endpoints) {
      const queries = await capturing.capture(async () => (await fetch(url + e.path, { headers: { cookie } })).text());
      const q = queries[0];
      if (q) console.log(`\n-- ${e.name}: slowest of ${queries.length} queries, ${q.ms.toFixed(2)} ms:\n${readable(q)}\n${await explainAnalyze(deps.pool, q)}`);
    }
    const before = await capturing.capture(() => countedMatchRate(deps!, tenantId));
    if (before[0]) console.log(`\n-- counted per request (before): the match rate's per-shop query, ${before[0].ms.toFixed(0)} ms:\n${await explainAnalyze(deps.pool, before[0])}`);

    await capturing.quiet(500);
    const failures = rows.reduce((n, r) => n + r.errors + r.non2xx, 0);
    if (failures > 0) throw new Error(`${failures} failed requests during the benchmark`);
    return {
      customers, orders: sizes.orders, relations, seedSeconds: Math.round(seedSeconds), consumeSeconds: round2(consumeSeconds), exact,
      load: Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, brief(f)])), healthz: brief(health), idle, selectOne, counted, stats,
      ratios: Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { p50: round2(f.p50 / Math.max(health.p50, 0.001)), p99: round2(f.p99 / Math.max(health.p99, 0.001)) }])),
      servingRssMb: Math.round(servingRss / 1024 ** 2), peakRssMb: peakRssMb(),
    };
  } finally {
    await app?.close().catch(() => undefined);
    await deps?.db.destroy().catch(() => undefined);
    await db?.cleanup().catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  }
}

async function main() {
  const results: SizeResult[] = [];
  for (const n of SIZES) results.push(await runSize(n));
  console.log(`\npeak RSS ${peakRssMb()} MB (server, load generator and seeder in one process)`);
  console.log(JSON.stringify({ bench: 'overview-cards', connections: CONNECTIONS, seconds: SECONDS, sizes: results, peakRssMb: peakRssMb() }));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
