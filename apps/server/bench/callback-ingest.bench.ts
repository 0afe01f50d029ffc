// WeCom callback intake: encrypted, signed add_external_contact callbacks (each one different, as
// WeCom sends them) posted by a load generator to POST /callbacks/wecom/:tenant. Figures: durable
// events per second (rows in the inbox afterwards, checked against the 200 answers: zero lost),
// p50/p99 of the HTTP answer, and the ratio to GET /healthz driven by the same generator on the
// same server. Processing (the jobs that turn events into customers) is off here: this measures
// what WeCom waits for.
//
// Env (read here only): BENCH_CALLBACK_SECONDS (10), BENCH_CONNECTIONS (50), DATABASE_URL (else embedded).
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { buildCallbackXml, encryptMessage } from '@siyu/wecom';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';
import { buildDeps, buildApp, migrations } from '../src/main.ts';
import { createLogger } from '../src/core/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createTenant } from '../src/modules/tenancy/index.ts';
import { saveConnection } from '../src/modules/channel/index.ts';
import { benchDatabase, type BenchDatabase } from './support/database.ts';

const env = process.env;
const SECONDS = Number(env.BENCH_CALLBACK_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const GOAL = 3_000;
const CORP = 'wwbench00001';
const TOKEN = 'benchToken2026';
const AES_KEY = crypto.randomBytes(32).toString('base64').replace(/[^A-Za-z0-9]/g, 'a').slice(0, 43);

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
type Req = { method: string; path: string; body?: string; headers?: Record<string, string>; repeat?: boolean };
type Result = { p50: number; p99: number; mean: number; rps: number; requests: number; errors: number; statuses: Record<string, number>; elapsed: number };

function load(url: string, requests: Req[], seconds: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./support/post-load-worker.mjs', import.meta.url), { workerData: { url, connections: CONNECTIONS, seconds, requests } });
    w.once('message', (r: Result) => { void w.terminate(); resolve(r); });
    w.once('error', reject);
  });
}

/** `n` different add_external_contact callbacks, encrypted and signed for the bench tenant. */
function callbacks(tenantId: string, n: number): Req[] {
  const cfg = { token: TOKEN, encodingAESKey: AES_KEY, receiveId: CORP };
  const now = Math.floor(Date.now() / 1000);
  const out: Req[] = [];
  for (let i = 0; i < n; i++) {
    const xml = buildCallbackXml({
      ToUserName: CORP, FromUserName: 'sys', CreateTime: now, MsgType: 'event', Event: 'change_external_contact',
      ChangeType: 'add_external_contact', UserID: `staff${i % 40}`, ExternalUserID: `wm${crypto.randomBytes(15).toString('hex')}`,
      State: `pkgcard-${i % 12}`, WelcomeCode: crypto.randomBytes(16).toString('hex'),
    });
    const e = encryptMessage(cfg, xml, { timestamp: String(now), nonce: String(1e9 + i) });
    const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${e.encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
    const qs = new URLSearchParams({ msg_signature: e.msgSignature, timestamp: e.timestamp, nonce: e.nonce });
    out.push({ method: 'POST', path: `/callbacks/wecom/${tenantId}?${qs}`, body, headers: { 'content-type': 'text/xml', 'content-length': String(Buffer.byteLength(body)) } });
  }
  return out;
}

async function main() {
  let db: BenchDatabase | undefined;
  let deps: Deps | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    db = await benchDatabase(env.DATABASE_URL);
    log(`database: ${db.where}`);
    const config = loadConfig({ SIYU_SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv, { databaseUrl: db.url });
    deps = buildDeps(config, db.url, createLogger('warn'));
    await migrateToLatest(deps.db, migrations);
    const { tenantId } = await createTenant(deps, { slug: 'bench', name: 'bench' });
    await saveConnection(deps, { tenantId, staffId: 'bench', role: 'owner', departmentId: null, name: 'bench' },
      { corpId: CORP, secret: 'bench-secret-0001', callbackToken: TOKEN, encodingAesKey: AES_KEY, baseUrl: 'http://127.0.0.1:9' });
    app = await buildApp(deps);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });

    const n = Math.ceil(SECONDS * 12_000); // more than the server can take in the time
    log(`preparing ${n} signed callbacks…`);
    const warm = callbacks(tenantId, 3_000);
    const reqs = callbacks(tenantId, n);
    await load(url, warm, 3);
    await deps.pool.query('delete from wecom_callbacks');

    const ingest = await load(url, reqs, SECONDS);
    await new Promise((r) => setTimeout(r, 200));
    const stored = Number((await deps.pool.query('select count(*) from wecom_callbacks')).rows[0].count);
    const ok = ingest.statuses['200'] ?? 0;
    const health = await load(url, [{ method: 'GET', path: '/healthz', repeat: true }], SECONDS);

    const eps = stored / ingest.elapsed;
    const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
    console.log(`callback ingest: ${Math.round(eps)} durable events/s (goal ≥ ${GOAL}) over ${ingest.elapsed.toFixed(1)} s, ${CONNECTIONS} connections`);
    console.log(`  answers 200: ${ok}, stored: ${stored}, lost: ${Math.max(0, ok - stored)}, other answers: ${JSON.stringify(ingest.statuses)}, errors: ${ingest.errors}`);
    console.log(`  HTTP answer p50 ${f(ingest.p50)} ms, p99 ${f(ingest.p99)} ms`);
    console.log(`  reference GET /healthz: ${Math.round(health.rps)} req/s, p50 ${f(health.p50)} ms, p99 ${f(health.p99)} ms`);
    console.log(`  ratio to /healthz: throughput ×${(eps / health.rps).toFixed(3)}, p50 ×${(ingest.p50 / health.p50).toFixed(1)}, p99 ×${(ingest.p99 / health.p99).toFixed(1)}`);
    console.log(JSON.stringify({ bench: 'callback-ingest', eventsPerSecond: Math.round(eps), stored, answered200: ok, lost: Math.max(0, ok - stored), p50: ingest.p50, p99: ingest.p99, healthzRps: Math.round(health.rps), healthzP50: health.p50, healthzP99: health.p99 }));
    if (ok !== stored) process.exitCode = 1;
  } finally {
    await app?.close().catch(() => undefined);
    await deps?.db.destroy().catch(() => undefined);
    await db?.cleanup().catch(() => undefined);
  }
}

await main();
