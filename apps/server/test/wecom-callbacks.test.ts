// The callback endpoint as WeCom (or an attacker) meets it: URL verification, signatures,
// stale timestamps, duplicates — over real HTTP, checked in the real database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildCallbackXml, encryptMessage, signature } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';

const CORP = 'wwtest000001';
const TOKEN = 'cbToken123';
const AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const cfg = { token: TOKEN, encodingAESKey: AES, receiveId: CORP };

let srv: TestServer;
let admin: Client;
let tenantId: string;

before(async () => {
  srv = await startTestServer();
  const w = await buildWorld(srv.deps);
  tenantId = w.alpha.tenantId;
  admin = await srv.login('boss@alpha', PASSWORD);
  const r = await admin.put('/api/wecom/connection', { corpId: CORP, secret: 'secret-for-tests', callbackToken: TOKEN, encodingAesKey: AES, baseUrl: 'http://127.0.0.1:9' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});
after(async () => srv?.close());

const rows = async () => Number((await srv.deps.pool.query('select count(*) from wecom_callbacks where tenant_id = $1', [tenantId])).rows[0].count);

function post(xml: string, opts: { timestamp?: string; tamper?: boolean; corp?: string } = {}) {
  const e = encryptMessage({ ...cfg, receiveId: opts.corp ?? CORP }, xml, { timestamp: opts.timestamp });
  const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${e.encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
  const qs = new URLSearchParams({ msg_signature: opts.tamper ? e.msgSignature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) : e.msgSignature, timestamp: e.timestamp, nonce: e.nonce });
  return fetch(`${srv.url}/callbacks/wecom/${tenantId}?${qs}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
}

const event = (fields: Record<string, string | number>) => buildCallbackXml({ ToUserName: CORP, FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', ...fields });

test('URL verification answers the decrypted echostr exactly; a wrong signature gets 403', async () => {
  const e = encryptMessage(cfg, '8391029384756102938');
  const qs = (sig: string) => new URLSearchParams({ msg_signature: sig, timestamp: e.timestamp, nonce: e.nonce, echostr: e.encrypted });
  const ok = await fetch(`${srv.url}/callbacks/wecom/${tenantId}?${qs(signature(TOKEN, e.timestamp, e.nonce, e.encrypted))}`);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), '8391029384756102938');
  const bad = await fetch(`${srv.url}/callbacks/wecom/${tenantId}?${qs(signature('otherToken', e.timestamp, e.nonce, e.encrypted))}`);
  assert.equal(bad.status, 403);
});

test('a forged, stale or misaddressed callback gets 403 and stores nothing', async () => {
  const before_ = await rows();
  const xml = event({ Event: 'change_external_contact', ChangeType: 'del_follow_user', UserID: 'u1', ExternalUserID: 'wmForged' });
  assert.equal((await post(xml, { tamper: true })).status, 403);
  assert.equal((await post(xml, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) })).status, 403);
  assert.equal((await post(xml, { corp: 'wwsomeoneelse' })).status, 403);
  const garbage = await fetch(`${srv.url}/callbacks/wecom/${tenantId}?msg_signature=x&timestamp=1&nonce=2`, { method: 'POST', body: 'not xml' });
  assert.equal(garbage.status, 400);
  const unknownTenant = await fetch(`${srv.url}/callbacks/wecom/nope?msg_signature=x&timestamp=1&nonce=2`, { method: 'POST', body: '<xml><Encrypt>a</Encrypt></xml>' });
  assert.equal(unknownTenant.status, 404);
  assert.equal(await rows(), before_);
});

test('the same callback delivered three times is stored once and handled once', async () => {
  const before_ = await rows();
  const xml = event({ Event: 'change_external_chat', ChatId: 'wrNeverSeen01', ChangeType: 'dismiss' });
  const answers = await Promise.all([post(xml), post(xml), post(xml)]);
  for (const a of answers) {
    assert.equal(a.status, 200);
    assert.equal(await a.text(), 'success');
  }
  assert.equal(await rows(), before_ + 1);
  // A later redelivery (WeCom retries after 5 s) is still a duplicate.
  assert.equal((await post(xml)).status, 200);
  assert.equal(await rows(), before_ + 1);
  // The worker picks it up: a dismiss of an unknown group changes nothing but is marked done.
  await eventually(async () => {
    const r = await srv.deps.pool.query(`select status from wecom_callbacks where tenant_id = $1 and payload like '%wrNeverSeen01%'`, [tenantId]);
    return r.rows[0]?.status === 'processed';
  }, 10_000, 'callback processed');
});

test('the callback log and connection status show what arrived, secrets never leave', async () => {
  const conn = await admin.get('/api/wecom/connection');
  assert.equal(conn.status, 200);
  assert.equal(conn.body.hasSecret, true);
  assert.equal(conn.body.callbackPath, `/callbacks/wecom/${tenantId}`);
  assert.ok(conn.body.callbacksLast24h >= 1);
  assert.doesNotMatch(JSON.stringify(conn.body), /secret-for-tests|cbToken123|abcdefghij/);
  const stored = (await srv.deps.pool.query('select secret_enc, callback_token_enc from wecom_connections where tenant_id = $1', [tenantId])).rows[0];
  assert.doesNotMatch(JSON.stringify(stored), /secret-for-tests|cbToken123/, 'sealed at rest');
  const log = await admin.get('/api/wecom/callbacks?limit=10');
  assert.equal(log.status, 200);
  assert.ok(log.body.some((c: { changeType: string }) => c.changeType === 'dismiss'));
  const staff = await srv.login('s1@alpha', PASSWORD);
  assert.equal((await staff.get('/api/wecom/callbacks')).status, 403, 'only admins read the callback log');
  assert.equal((await staff.put('/api/wecom/connection', { corpId: CORP })).status, 403);
});
