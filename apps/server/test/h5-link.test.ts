// The H5 bind page asks whether its link is good before it shows a form: POST /api/h5/link answers
// valid / invalid / expired and nothing else, without a session, limited per address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { h5Token } from '../src/modules/commerce/index.ts';

let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let admin: Client;

before(async () => {
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  admin = await srv.login('admin@alpha', PASSWORD);
});
after(async () => srv?.close());

const check = async (token: unknown) => {
  const res = await fetch(`${srv.url}/api/h5/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  return { status: res.status, body: (await res.json()) as any };
};

async function goodToken(): Promise<string> {
  const link = await admin.post(`/api/customers/${world.alpha.customers.c1.id}/bind-link`);
  assert.equal(link.status, 200);
  return new URL(link.body.url, srv.url).searchParams.get('t')!;
}

test('a made-up or altered token is invalid, a real one valid, an old one expired; nothing else is told', async () => {
  const token = await goodToken();
  const good = await check(token);
  assert.equal(good.status, 200);
  assert.deepEqual(good.body, { status: 'valid' }, 'only the status: no tenant, customer or expiry');

  const [body, sig] = token.split('.');
  const madeUp = ['abcdefghijklmnop', 'eyJhIjoxfQ.0123456789abcdef0123456789abcdef', '', 'x'.repeat(5000), `${body}.${sig}.extra`, `${body}.${'é'.repeat(32)}`];
  for (const t of madeUp) assert.deepEqual((await check(t)).body, { status: 'invalid' }, t.slice(0, 40));
  const flipped = sig.slice(0, -1) + (sig.endsWith('a') ? 'b' : 'a');
  assert.deepEqual((await check(`${body}.${flipped}`)).body, { status: 'invalid' }, 'a changed signature');
  const otherBody = Buffer.from(JSON.stringify([world.beta.tenantId, world.beta.customers.b1.id, 4102444800])).toString('base64url');
  assert.deepEqual((await check(`${otherBody}.${sig}`)).body, { status: 'invalid' }, 'another customer under the same signature');

  const weekAgo = { ...srv.deps, clock: { ...srv.deps.clock, now: () => new Date(Date.now() - 8 * 86_400_000) } };
  const old = h5Token(weekAgo, world.alpha.tenantId, world.alpha.customers.c1.id).token;
  assert.deepEqual((await check(old)).body, { status: 'expired' });

  assert.equal((await check(12345)).status, 400, 'not a string at all');
});

test('looking at a link does not use up its bind attempts', async () => {
  const token = await goodToken();
  for (let i = 0; i < 15; i++) assert.equal((await check(token)).body.status, 'valid');
  const bind = await fetch(`${srv.url}/api/h5/bind`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, orderNo: 'no-such-order', consent: true }) });
  assert.equal(bind.status, 404, 'the bind is tried (order not found), not refused as too many attempts');
});

test('checks are limited per address', async () => {
  let limited: { status: number; body: any } | undefined;
  for (let i = 0; i < 200 && !limited; i++) {
    const r = await check(`made-up-token-${i}`);
    if (r.status === 429) limited = r;
    else assert.equal(r.status, 200);
  }
  assert.ok(limited, 'some check is refused');
  assert.equal(limited.body.error.code, 'RATE_LIMITED');
});
