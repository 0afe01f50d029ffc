// A process that dies must not keep a brand's callbacks waiting (issue 10, item 7). The server runs
// as a real child process; WeCom (the simulator) answers slowly, so processing is caught holding
// the tenant's callback job; the process is killed with SIGKILL. graphile-worker alone would keep
// that job and its queue locked for 4 hours. Here: every pending callback is processed within a
// minute — after a restart, or by a surviving process without one — each exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { buildCallbackXml, encryptMessage } from '@siyu/wecom';
import { createTestDatabase, testConfig, TEST_SECRET, type TestDb } from './helpers/db.ts';
import { runSiyu, waitForStart, type SiyuProcess } from './helpers/process.ts';
import { buildWorld } from './helpers/world.ts';
import { buildDeps } from '../src/main.ts';
import { createLogger, LIVENESS_DEFAULTS } from '../src/core/index.ts';
import { saveConnection } from '../src/modules/channel/index.ts';
import type { Deps } from '../src/deps.ts';

const CORP = 'wwcrash000001';
const SECRET = 'crash-app-secret-01';
const TOKEN = 'crashToken01';
const AES = 'CrashEncodingAesKey0123456789abcdefghijklmn';
const RESUME_WITHIN_MS = 60_000;

let tdb: TestDb;
let deps: Deps;
let sim: RunningSimulator;
let env: Record<string, string>;
let tenantId: string;
const procs = new Set<SiyuProcess>();

before(async () => {
  tdb = await createTestDatabase();
  env = { DATABASE_URL: tdb.url, SIYU_SECRET_KEY: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIYU_WORKERS: '2' };
  const first = await start(); // migrates the database
  sim = await startSimulator({ port: 0 });
  await sim.control.createCorp({ corpid: CORP, name: '崩溃测试', apps: [{ agentid: 1000002, secret: SECRET }] });
  await sim.control.addDepartments(CORP, [{ id: 1, name: '崩溃测试', parentid: 0 }]);
  await sim.control.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [1] });
  deps = buildDeps(testConfig(tdb.url), tdb.url, createLogger('warn'));
  const w = await buildWorld(deps);
  tenantId = w.alpha.tenantId;
  await saveConnection(deps, w.alpha.owner, { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  await stop(first);
});
after(async () => {
  for (const p of procs) p.child.kill('SIGKILL');
  await deps?.db.destroy();
  await sim?.stop();
  await tdb?.drop();
});

async function start(): Promise<SiyuProcess & { url: string }> {
  const p = runSiyu(['start', '--no-build'], env);
  procs.add(p);
  void p.exited.then(() => procs.delete(p));
  return Object.assign(p, { url: await waitForStart(p) });
}
async function stop(p: SiyuProcess) {
  p.child.kill('SIGTERM');
  assert.equal(await p.exited, 0, `a clean stop on SIGTERM:\n${p.output()}`);
}

const q = async <T = any>(text: string, params: unknown[] = []) => (await deps.pool.query(text, params)).rows as T[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** N WeCom friends of zhangsan, each announced by its own signed add_external_contact callback. */
async function friends(tag: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { external_userid } = await sim.control.createWechatUser(CORP, { name: `${tag}客户${i}` });
    await sim.control.addFriend(CORP, { external_userid, userid: 'zhangsan', add_way: 1 }); // no callback URL set: the sim sends nothing
    ids.push(external_userid);
  }
  return ids;
}

async function deliver(url: string, externalUserIds: string[]) {
  const answers = await Promise.all(externalUserIds.map(async (id) => {
    const xml = buildCallbackXml({
      ToUserName: CORP, FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event',
      Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: 'zhangsan', ExternalUserID: id, WelcomeCode: `wc-${id}`,
    });
    const e = encryptMessage({ token: TOKEN, encodingAESKey: AES, receiveId: CORP }, xml);
    const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${e.encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
    const qs = new URLSearchParams({ msg_signature: e.msgSignature, timestamp: e.timestamp, nonce: e.nonce });
    const res = await fetch(`${url}/callbacks/wecom/${tenantId}?${qs}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    return `${res.status} ${await res.text()}`;
  }));
  assert.deepEqual(answers.filter((a) => a !== '200 success'), [], 'every callback acknowledged');
}

const processed = async (ids: string[]) => (await q<{ n: number }>(
  `select count(*)::int as n from wecom_callbacks where tenant_id = $1 and status = 'processed' and substring(payload from '<ExternalUserID><!\\[CDATA\\[([^\\]]*)') = any($2)`,
  [tenantId, ids]))[0].n;

/** The worker holding the tenant's callback queue, with the process its heartbeat names. */
async function holder() {
  const r = await q<{ locked_by: string; process_id: string | null }>(
    `select jq.locked_by, h.process_id from graphile_worker._private_job_queues jq
     left join worker_heartbeats h on h.worker_id = jq.locked_by
     where jq.queue_name = $1 and jq.locked_by is not null`, [`wecom:${tenantId}`]);
  return r[0] ?? null;
}

/** Waits until processing is mid-stream and holds the queue; returns the holder. */
async function whileHolding(ids: string[], from: number) {
  const until = Date.now() + 30_000;
  for (;;) {
    const [n, h] = [await processed(ids), await holder()];
    if (n >= from + 3 && n < ids.length - 10 && h?.process_id) return { n, h };
    assert.ok(Date.now() < until && n < ids.length - 10, `processing was not caught mid-stream (processed ${n} of ${ids.length})`);
    await sleep(20);
  }
}

/** Each callback processed once, each friendship applied once. */
async function assertOnce(ids: string[]) {
  const rows = await q<{ status: string; n: number }>(
    `select status, count(*)::int as n from wecom_callbacks where tenant_id = $1 and substring(payload from '<ExternalUserID><!\\[CDATA\\[([^\\]]*)') = any($2) group by status`, [tenantId, ids]);
  assert.deepEqual(rows, [{ status: 'processed', n: ids.length }], 'every callback stored once and processed');
  const rel = await q<{ n: number; customers: number }>(
    `select count(*)::int as n, count(distinct customer_id)::int as customers from wecom_relations where tenant_id = $1 and external_userid = any($2) and status = 'active'`, [tenantId, ids]);
  assert.deepEqual(rel[0], { n: ids.length, customers: ids.length }, 'one relation and one customer per friend');
  const ev = await q<{ n: number; distinct_customers: number }>(
    `select count(*)::int as n, count(distinct aggregate_id)::int as distinct_customers from outbox_events
     where tenant_id = $1 and type = 'wecom.friend_added' and aggregate_id in (select customer_id from wecom_relations where tenant_id = $1 and external_userid = any($2))`, [tenantId, ids]);
  assert.deepEqual(ev[0], { n: ids.length, distinct_customers: ids.length }, 'each friend_added event once: nothing applied twice');
}

async function waitAll(ids: string[], since: number, what: string) {
  let firstProgressMs = -1;
  const base = await processed(ids);
  for (;;) {
    const n = await processed(ids);
    if (firstProgressMs < 0 && n > base) firstProgressMs = Date.now() - since;
    if (n === ids.length) return { firstProgressMs, allMs: Date.now() - since };
    assert.ok(Date.now() - since < RESUME_WITHIN_MS, `${what}: ${n} of ${ids.length} processed after ${RESUME_WITHIN_MS} ms (queue held by ${JSON.stringify(await holder())})`);
    await sleep(100);
  }
}

test('SIGKILL while holding a tenant\'s callback job, restart: every pending callback processed within a minute, each once', { timeout: 180_000 }, async () => {
  const ids = await friends('重启', 40);
  // WeCom answers each contact read in 400 ms: processing takes ~16 s, long enough to be caught.
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/get', delay_ms: 400, count: 10_000 });
  let p = await start();
  await deliver(p.url, ids);
  const { n } = await whileHolding(ids, 0);
  p.child.kill('SIGKILL');
  await p.exited;
  const killedAt = Date.now();
  await sim.control.clearFaults();
  const held = await holder();
  assert.ok(held, 'after the kill the dead worker still holds the queue');

  p = await start();
  const restartedMs = Date.now() - killedAt;
  const t = await waitAll(ids, killedAt, 'after the restart');
  process.stderr.write(`[crash] killed with ${n}/${ids.length} processed; restarted in ${restartedMs} ms; processing resumed ${t.firstProgressMs} ms and finished ${t.allMs} ms after the kill (heartbeat ${LIVENESS_DEFAULTS.heartbeatMs} ms, stale ${LIVENESS_DEFAULTS.staleMs} ms, sweep ${LIVENESS_DEFAULTS.sweepMs} ms)\n`);
  assert.ok(t.allMs - restartedMs < RESUME_WITHIN_MS, 'within a minute of the restart');
  await assertOnce(ids);
  assert.equal(await holder(), null, 'the queue is free');
  await stop(p);
  assert.deepEqual(await q(`select worker_id from worker_heartbeats`), [], 'a clean stop removes its heartbeats; the dead process\'s were swept');
});

test('two processes, the one holding the job is killed: the survivor finishes the work without a restart', { timeout: 180_000 }, async () => {
  const ids = await friends('幸存', 40);
  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/get', delay_ms: 400, count: 10_000 });
  const a = await start();
  const b = await start();
  await deliver(a.url, ids.slice(0, 20));
  await deliver(b.url, ids.slice(20));
  const { n, h } = await whileHolding(ids, 0);
  const [victim, survivor] = h.process_id?.split('/')[1] === String(a.child.pid) ? [a, b] : [b, a];
  assert.equal(h.process_id?.split('/')[1], String(victim.child.pid), `the holder is one of our processes (${h.process_id})`);
  victim.child.kill('SIGKILL');
  await victim.exited;
  const killedAt = Date.now();
  await sim.control.clearFaults();

  const t = await waitAll(ids, killedAt, 'with the survivor');
  process.stderr.write(`[crash] two processes: killed the holder with ${n}/${ids.length} processed; the survivor resumed ${t.firstProgressMs} ms and finished ${t.allMs} ms after the kill\n`);
  await assertOnce(ids);
  assert.notEqual((await holder())?.locked_by ?? null, h.locked_by);
  await stop(survivor);
});
