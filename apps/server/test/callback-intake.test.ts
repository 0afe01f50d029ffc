// One bad callback fails alone (issue 10, item 5). A signed callback whose plaintext holds a NUL
// byte (no PostgreSQL text column can store one) sent in the same moment as honest callbacks:
// the honest ones are each stored exactly once and processed, the NUL one is recorded as failed
// and answered `success` (a retry would carry the same bytes). And when the database refuses a
// batch for one entry's data, the rest of the batch is still stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { buildCallbackXml, encryptMessage } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer } from './helpers/server.ts';
import { buildWorld } from './helpers/world.ts';
import { createIntake } from '../src/modules/channel/intake.ts';
import { saveConnection } from '../src/modules/channel/index.ts';
import { recentCallbacks } from '../src/modules/channel/query.service.ts';
import type { Actor } from '../src/modules/tenancy/index.ts';

const CORP = 'wwintake00001';
const TOKEN = 'intakeToken1';
const AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const cfg = { token: TOKEN, encodingAESKey: AES, receiveId: CORP };

let srv: TestServer;
let tenantId: string;
let owner: Actor;

before(async () => {
  srv = await startTestServer();
  const w = await buildWorld(srv.deps);
  tenantId = w.alpha.tenantId;
  owner = w.alpha.owner;
  await saveConnection(srv.deps, owner, { corpId: CORP, secret: 'secret-for-tests', callbackToken: TOKEN, encodingAesKey: AES, baseUrl: 'http://127.0.0.1:9' });
});
after(async () => srv?.close());

const q = async <T = any>(text: string, params: unknown[] = []) => (await srv.deps.pool.query(text, params)).rows as T[];

function post(xml: string) {
  const e = encryptMessage(cfg, xml);
  const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${e.encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
  const qs = new URLSearchParams({ msg_signature: e.msgSignature, timestamp: e.timestamp, nonce: e.nonce });
  return fetch(`${srv.url}/callbacks/wecom/${tenantId}?${qs}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
}

// A group dismissal needs no WeCom API call to be processed: the honest callbacks get done here.
const dismiss = (chatId: string) => buildCallbackXml({
  ToUserName: CORP, FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event',
  Event: 'change_external_chat', ChatId: chatId, ChangeType: 'dismiss',
});

test('a NUL callback sent among honest ones fails alone: each honest one is stored once and processed', async () => {
  const run = crypto.randomBytes(3).toString('hex');
  const honest = Array.from({ length: 60 }, (_, i) => `wrHonest${run}${String(i).padStart(3, '0')}`);
  const nulXml = dismiss(`wrNul${run}\u0000tail`);
  assert.ok(nulXml.includes('\u0000'));
  // All at once, the NUL one in the middle, so it shares its batch with honest neighbours.
  const xmls = [...honest.slice(0, 30).map(dismiss), nulXml, ...honest.slice(30).map(dismiss)];
  const answers = await Promise.all(xmls.map(async (x) => {
    const res = await post(x);
    return { status: res.status, text: await res.text() };
  }));
  assert.deepEqual(answers.filter((a) => a.status !== 200 || a.text !== 'success'), [], 'every callback answered success, the NUL one included');

  const stored = await q<{ payload: string; n: number }>(
    `select payload, count(*)::int as n from wecom_callbacks where tenant_id = $1 and payload like $2 group by payload`, [tenantId, `%wrHonest${run}%`]);
  assert.equal(stored.length, honest.length, 'every honest callback stored');
  assert.ok(stored.every((r) => r.n === 1), 'each exactly once');

  const bad = await q(`select status, error, payload, event, change_type, processed_at from wecom_callbacks where tenant_id = $1 and payload like $2`, [tenantId, `%wrNul${run}%`]);
  assert.equal(bad.length, 1, 'the NUL callback is recorded');
  assert.equal(bad[0].status, 'failed', 'as failed, never handed to the processor');
  assert.match(bad[0].error, /NUL/);
  assert.ok(bad[0].payload.includes(`wrNul${run}\u2400tail`), 'the NUL shown as ␀ in the stored text');
  assert.equal(bad[0].event, 'change_external_chat');
  assert.ok(bad[0].processed_at, 'done with at once');

  // WeCom retrying the NUL one (same bytes) finds it already recorded.
  const again = await post(nulXml);
  assert.equal(again.status, 200);
  assert.equal(await again.text(), 'success');
  assert.equal((await q(`select count(*)::int as n from wecom_callbacks where tenant_id = $1 and payload like $2`, [tenantId, `%wrNul${run}%`]))[0].n, 1);

  // The honest ones are processed; the failed one stays failed.
  await eventually(async () => (await q(`select count(*)::int as n from wecom_callbacks where tenant_id = $1 and payload like $2 and status = 'processed'`, [tenantId, `%wrHonest${run}%`]))[0].n === honest.length, 15_000, 'honest callbacks processed');
  assert.equal((await q(`select status from wecom_callbacks where tenant_id = $1 and payload like $2`, [tenantId, `%wrNul${run}%`]))[0].status, 'failed');

  // The callback log shows it to the admin, as failed with its reason.
  const log = await recentCallbacks(srv.deps, owner, 100);
  assert.ok(log.some((c) => c.status === 'failed' && /NUL/.test(c.error ?? '')));
});

test('a batch the database refuses for one entry still stores every other entry, once', async () => {
  const stored: string[] = [];
  const intake = createIntake(srv.deps, (tenants) => stored.push(...tenants));
  const run = crypto.randomBytes(3).toString('hex');
  const row = (payload: string) => ({
    tenantId, payload, receivedAt: new Date(), event: 'change_external_chat', changeType: 'dismiss',
    dedupeKey: crypto.createHash('sha256').update(payload).digest('base64url'),
  });
  // Straight into the intake, past the route's check: the multi-row insert itself fails on this one.
  const rows = Array.from({ length: 41 }, (_, i) => row(dismiss(`wrBatch${run}-${i}${i === 17 ? '\u0000' : ''}`)));
  const results = await Promise.allSettled(rows.map((r) => intake.store(r)));
  await intake.drain();
  assert.deepEqual(results.map((r) => r.status === 'fulfilled' ? r.value : `rejected: ${(r as PromiseRejectedResult).reason}`), rows.map(() => 'stored'));
  const found = await q<{ payload: string; status: string; error: string | null }>(
    `select payload, status, error from wecom_callbacks where tenant_id = $1 and payload like $2 order by id`, [tenantId, `%wrBatch${run}-%`]);
  assert.equal(found.length, rows.length, 'every entry stored once');
  assert.deepEqual(found.map((f) => f.payload), rows.map((r) => r.payload.replace('\u0000', '\u2400')), 'in arrival order');
  const failed = found.filter((f) => f.status === 'failed');
  assert.equal(failed.length, 1, 'the bad entry failed alone');
  assert.ok(failed[0].payload.includes(`wrBatch${run}-17\u2400`));
  assert.match(failed[0].error ?? '', /无法保存/);
  assert.equal(found.filter((f) => f.status !== 'failed').length, rows.length - 1);
  assert.ok(stored.includes(tenantId), 'processing was asked for the stored ones');
});
