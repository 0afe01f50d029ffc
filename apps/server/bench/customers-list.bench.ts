// The customer list at a million customers: p50/p99 and requests/s of GET /api/customers under
// 50 concurrent clients (searches, tag filters, cursor pages), as the demo admin (data scope
// "all") and as a 1:1 staff member (own customers only), against GET /healthz on the same
// server as the reference. Prints a table, the plans of the slowest request, and a JSON line.
//
// Env (read here only): BENCH_CUSTOMERS (default 1,000,000), BENCH_SECONDS per scenario (15),
// BENCH_DETAIL_SECONDS per single-request scenario (5; 0 skips them), BENCH_CONNECTIONS (50),
// DATABASE_URL (else an embedded PostgreSQL in a temp dir).
import crypto from 'node:crypto';
import type { Request } from 'autocannon';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import { buildDeps, buildApp, migrations } from '../src/main.ts';
import { createLogger } from '../src/core/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemoTenant, DEMO_PASSWORD, DEMO_SLUG } from '../src/demo/index.ts';
import { benchDatabase, type BenchDatabase } from './support/database.ts';
import { measure, table, type Figures } from './support/load.ts';
import { capturingDb, explainAnalyze, readable } from './support/explain.ts';

const env = process.env;
const CUSTOMERS = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const SECONDS = Number(env.BENCH_SECONDS ?? 15);
const DETAIL_SECONDS = Number(env.BENCH_DETAIL_SECONDS ?? 5);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const STAFF_USER = 'zhaomin'; // a 1:1 staff member of the demo brand, ~13% of its customers

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const brief = ({ p50, p99, mean, rps }: Figures) => ({ p50: round2(p50), p99: round2(p99), mean: round2(mean), rps });

type Named = { name: string; path: string };

async function login(base: string, account: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${account} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('siyu_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

async function getJson<T>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(base + path, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The request mix of one user: searches, tag filters, their combination, cursor pages 1–3. */
async function requestMix(base: string, cookie: string): Promise<Named[]> {
  const groups = await getJson<Array<{ tags: Array<{ id: string; name: string }> }>>(base, '/api/tag-groups', cookie);
  const tag = (name: string) => groups.flatMap((g) => g.tags).find((t) => t.name === name)!.id;
  const q = (params: Record<string, string>) => `/api/customers?${new URLSearchParams(params)}`;
  const pages = async (name: string, path: string, n: number): Promise<Named[]> => {
    const out: Named[] = [];
    let next: string | null = null;
    for (let p = 1; p <= n; p++) {
      const url: string = p === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next!)}`;
      out.push({ name: `${name} 第${p}页`, path: url });
      next = (await getJson<{ nextCursor: string | null }>(base, url, cookie)).nextCursor;
      if (!next) break;
    }
    return out;
  };
  return [
    { name: '搜索姓名「王芳」', path: q({ q: '王芳' }) },
    { name: '搜索昵称「小鱼」', path: q({ q: '小鱼' }) },
    { name: '搜索手机尾号「6688」', path: q({ q: '6688' }) },
    { name: '标签「复购客」+「阿胶」', path: q({ tagIds: `${tag('复购客')},${tag('阿胶')}` }) },
    { name: '搜索「张丽」+标签「复购客」', path: q({ q: '张丽', tagIds: tag('复购客') }) },
    ...(await pages('标签「阿胶」', q({ tagIds: tag('阿胶') }), 3)),
    ...(await pages('全部客户', '/api/customers', 3)),
  ];
}

async function main() {
  let db: BenchDatabase | undefined;
  let deps: Deps | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => (cleaning ??= (async () => {
    await app?.close().catch(() => undefined);
    await deps?.db.destroy().catch(() => undefined);
    await db?.cleanup().catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  })());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().then(() => process.exit(130)));

  try {
    db = await benchDatabase(env.DATABASE_URL);
    log(`database: ${db.where}`);
    const config = loadConfig({ SIYU_SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv, { databaseUrl: db.url });
    const base = buildDeps(config, db.url, createLogger('warn'));
    const capturing = capturingDb(base.pool);
    deps = { ...base, db: capturing.db };
    await migrateToLatest(deps.db, migrations);

    const t0 = performance.now();
    let lastTenth = -1;
    await seedDemoTenant(deps, {
      customers: CUSTOMERS, events: false, orders: false,
      onProgress: (stage, done, total) => {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (stage === '客户' && tenth !== lastTenth) { lastTenth = tenth; log(`seeding ${done}/${total}`); }
      },
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`seeded ${CUSTOMERS} customers in ${seedSeconds.toFixed(1)} s (events off; the seeder ends with VACUUM ANALYZE)`);
    await deps.pool.query('analyze');

    app = await buildApp(deps);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const users = [
      { role: 'admin', account: `admin@${DEMO_SLUG}`, scope: '全部客户' },
      { role: 'staff', account: `${STAFF_USER}@${DEMO_SLUG}`, scope: '本人客户' },
    ];
    const sessions = [];
    for (const u of users) {
      const cookie = await login(url, u.account);
      sessions.push({ ...u, cookie, mix: await requestMix(url, cookie) });
    }

    // Warm-up: every request once per user, then a short run of each mix.
    for (const s of sessions) for (const r of s.mix) await getJson(url, r.path, s.cookie);
    for (const s of sessions) await measure({ scenario: 'warm-up', url, requests: s.mix.map((r) => ({ path: r.path })), cookie: s.cookie, connections: CONNECTIONS, seconds: 3 });

    const rows: Figures[] = [];
    const mixes: Record<string, Figures> = {};
    for (const s of sessions) {
      log(`mix as ${s.role} for ${SECONDS} s`);
      const requests: Request[] = s.mix.map((r) => ({ path: r.path }));
      mixes[s.role] = await measure({ scenario: `(a) 列表混合 ${s.role}（${s.scope}）`, url, requests, cookie: s.cookie, connections: CONNECTIONS, seconds: SECONDS });
      rows.push(mixes[s.role]);
    }
    log(`healthz for ${SECONDS} s`);
    const health = await measure({ scenario: '(b) GET /healthz', url, requests: [{ path: '/healthz' }], connections: CONNECTIONS, seconds: SECONDS });
    rows.push(health);

    const detail: Array<Figures & { role: string; path: string }> = [];
    if (DETAIL_SECONDS > 0) {
      for (const s of sessions) {
        for (const r of s.mix) {
          log(`${s.role}: ${r.name} for ${DETAIL_SECONDS} s`);
          const f = await measure({ scenario: `  ${s.role} ${r.name}`, url, requests: [{ path: r.path }], cookie: s.cookie, connections: CONNECTIONS, seconds: DETAIL_SECONDS });
          detail.push({ ...f, role: s.role, path: r.path });
        }
      }
    }

    const ratios = Object.fromEntries(Object.entries(mixes).map(([role, m]) => [role, {
      p50: round1(m.p50 / Math.max(health.p50, 0.001)), p99: round1(m.p99 / Math.max(health.p99, 0.001)),
    }]));
    console.log(`\ncustomers-list @ ${CUSTOMERS.toLocaleString('en')} customers, ${CONNECTIONS} connections, ${SECONDS} s per scenario (${db.where})`);
    console.log(`seed: ${seedSeconds.toFixed(1)} s\n`);
    console.log(table([...rows, ...detail]));
    for (const [role, r] of Object.entries(ratios)) console.log(`ratio (a)/(b) ${role}: p50 ×${r.p50}, p99 ×${r.p99}`);

    // The plans of the slowest single request per role (by its load run; without detail runs,
    // by the time its queries take on the idle server): its two slowest queries.
    const explained: Array<{ role: string; scenario: string; queryMs: number }> = [];
    await capturing.quiet(1000); // a load run ends with requests still being served
    for (const s of sessions) {
      let worst = detail.filter((d) => d.role === s.role).sort((a, b) => b.p50 - a.p50)[0] as { scenario: string; path: string; p50?: number } | undefined;
      if (!worst) {
        let most = -1;
        for (const r of s.mix) {
          const ms = (await capturing.capture(() => getJson(url, r.path, s.cookie))).reduce((t, q) => t + q.ms, 0);
          if (ms > most) [most, worst] = [ms, { scenario: `${s.role} ${r.name}`, path: r.path }];
        }
      }
      if (!worst) continue;
      const queries = await capturing.capture(() => getJson(url, worst.path, s.cookie));
      const load = worst.p50 !== undefined ? `p50 ${worst.p50.toFixed(1)} ms under load` : 'slowest on the idle server';
      console.log(`\n## slowest for ${s.role}: ${worst.scenario.trim()} (${load}) — ${worst.path}`);
      for (const q of queries.slice(0, 2)) {
        console.log(`\n-- ${q.ms.toFixed(1)} ms in the request:\n${readable(q)}\n`);
        console.log(await explainAnalyze(deps.pool, q));
        explained.push({ role: s.role, scenario: worst.scenario.trim(), queryMs: round1(q.ms) });
      }
    }

    console.log(JSON.stringify({
      bench: 'customers-list', customers: CUSTOMERS, connections: CONNECTIONS, seconds: SECONDS, seedSeconds: round1(seedSeconds),
      mix: Object.fromEntries(Object.entries(mixes).map(([role, m]) => [role, brief(m)])), healthz: brief(health), ratios, explained,
      detail: detail.map((d) => ({ role: d.role, scenario: d.scenario.trim(), ...brief(d) })),
    }));
    await capturing.quiet(500); // let the last load run's requests finish before the pool closes
    const failures = [...rows, ...detail].reduce((n, r) => n + r.errors + r.non2xx, 0);
    if (failures > 0) throw new Error(`${failures} failed requests during the benchmark`);
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
