// Touches and order attribution (issue 11, item 6) on a seeded scenario where every number is
// worked out by hand below: touches from outbox events, orders on several platforms, the three
// models, the window, 反哺, replays, an order arriving later, the API with tenant and staff scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestServer, eventually, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { emit, runConsumerOnce, type DomainEvent } from '../src/core/index.ts';
import { catchUpOrders, reattributeAll, touchesConsumer } from '../src/modules/acquisition/index.ts';

let srv: TestServer;
let w: Awaited<ReturnType<typeof buildWorld>>;
const at = (iso: string) => new Date(iso);
// Consumers read only events older than every running transaction of the cluster (another test's
// open transaction holds them back a while): run the consumer until the touches are there.
const touchCount = async () => (await sql<{ n: number }>`select count(*)::int as n from touches`.execute(srv.deps.db)).rows[0].n;
const drain = (touches: number) => eventually(async () => {
  await runConsumerOnce(srv.deps.db, touchesConsumer);
  return (await touchCount()) >= touches;
}, 120_000, 'the touches consumer');
/** The stored events handed to the consumer once more, as a replay after a crash would. */
async function replay() {
  const rows = (await sql<any>`select * from outbox_events order by id`.execute(srv.deps.db)).rows;
  const events = rows.filter((r) => touchesConsumer.types!.includes(r.type)).map((r) => ({
    tenantId: r.tenant_id, id: r.id, type: r.type, aggregateType: r.aggregate_type, aggregateId: r.aggregate_id, payload: r.payload, actorId: r.actor_id, occurredAt: r.occurred_at,
  }));
  await srv.deps.db.transaction().execute((trx) => touchesConsumer.handle(trx, events));
}

let n = 0;
async function order(tenantId: string, customerId: string | null, platform: string, paidFen: number, placed: string) {
  n++;
  await sql`insert into orders (tenant_id, id, shop_id, platform, order_no, status, raw_status, created_at, paid_at, paid_fen, customer_id, source, content_hash)
    values (${tenantId}, ${`o${n}`}, ${`shop-${platform}`}, ${platform}, ${`NO${n}`}, 'paid', '已付款', ${at(placed)}, ${at(placed)}, ${paidFen}, ${customerId}, 'import', ${`h${n}`})`.execute(srv.deps.db);
  return `o${n}`;
}
const ev = (type: string, customerId: string, occurred: string, payload: Record<string, unknown>): DomainEvent =>
  ({ type, aggregateType: 'customer', aggregateId: customerId, occurredAt: at(occurred), payload });

// The scenario (window 30 days; T1…T3 are c1's touches):
//   c1  T1 11-01 10:00 friend add by 渠道活码 code_A (WeCom's friend_added + the code's code_added: one touch), staff s1
//       T2 11-05 group join by group code gs_1 (no staff) · T3 11-10 a broadcast bc1 by s2
//       O1 jd 100.00 on 10-30, before the friend add: not attributed
//       O2 tmall 100.00 on 11-12: T1,T2,T3 → first code_A, last bc1, linear 3334/3333/3333; 反哺
//       O3 douyin 50.00 on 12-03: T1 is 32 days back, out → T2,T3: first gs_1, last bc1, linear 2500/2500
//       O4 taobao 70.01 on 2027-01-15: no touch in 30 days → not attributed
//   c2  friend add without a code on 11-20 00:00 by s2; O5 taobao 20.00 11-20 12:00 → all to it; 反哺
//       O6 pinduoduo 9.99 on 11-19, before: not attributed
//   c3  a group join only (never a friend): O7 jd 30.00 → not attributed
before(async () => {
  srv = await startTestServer();
  w = await buildWorld(srv.deps);
  const { c1, c2, c3 } = w.alpha.customers;
  const t = w.alpha.tenantId;
  await emit(srv.deps.db, t, [
    ev('acquisition.code_added', c1.id, '2026-11-01T10:00:00Z', { codeId: 'code_A', state: 'st_a', staffId: w.alpha.s1.staffId }),
    ev('wecom.friend_added', c1.id, '2026-11-01T10:00:00Z', { state: 'st_a', staffId: w.alpha.s1.staffId, userid: 's1' }),
    ev('wecom.group_joined', c1.id, '2026-11-05T10:00:00Z', { chatId: 'chat1', state: 'gs_1' }),
    ev('acquisition.touched', c1.id, '2026-11-10T10:00:00Z', { kind: 'broadcast', channelKind: 'broadcast', channelId: 'bc1', staffId: w.alpha.s2.staffId }),
    ev('wecom.friend_added', c2.id, '2026-11-20T00:00:00Z', { state: null, staffId: w.alpha.s2.staffId, userid: 's2' }),
    ev('wecom.group_joined', c3.id, '2026-11-01T00:00:00Z', { chatId: 'chat1', state: null }),
  ]);
  await order(t, c1.id, 'jd', 10000, '2026-10-30T10:00:00Z');
  await order(t, c1.id, 'tmall', 10000, '2026-11-12T10:00:00Z');
  await order(t, c1.id, 'douyin', 5000, '2026-12-03T10:00:00Z');
  await order(t, c1.id, 'taobao', 7001, '2027-01-15T10:00:00Z');
  await order(t, c2.id, 'taobao', 2000, '2026-11-20T12:00:00Z');
  await order(t, c2.id, 'pinduoduo', 999, '2026-11-19T12:00:00Z');
  await order(t, c3.id, 'jd', 3000, '2026-11-02T00:00:00Z');
  await drain(5);
  await catchUpOrders(srv.deps, t);
});
after(async () => srv?.close());

const rowsOf = async () => (await sql<Record<string, unknown>>`
  select order_id, touch_id::text, k, touches, linear_fen::int, channel_kind, channel_id, code_id, staff_id, feedback
  from order_attributions where tenant_id = ${w.alpha.tenantId} order by order_id, k`.execute(srv.deps.db)).rows;

test('a code add seen from both sides is one touch; replaying the events changes nothing', async () => {
  const touches = (await sql<{ kind: string; channel_kind: string; channel_id: string; n: number }>`
    select kind, channel_kind, channel_id, cardinality(event_ids) as n from touches where tenant_id = ${w.alpha.tenantId} and customer_id = ${w.alpha.customers.c1.id} order by occurred_at`.execute(srv.deps.db)).rows;
  assert.deepEqual(touches.map((x) => [x.kind, x.channel_kind, x.channel_id, x.n]), [
    ['code_add', 'live_code', 'code_A', 2], ['group_join', 'group_code', 'gs_1', 1], ['broadcast', 'broadcast', 'bc1', 1],
  ]);
  const before_ = await rowsOf();
  await replay();
  assert.equal(await touchCount(), 5);
  assert.deepEqual(await rowsOf(), before_);
});

test('last, first and linear shares as worked out by hand; before the friend add, outside the window and non-friends are not attributed', async () => {
  const r = (await rowsOf()).map((x) => [x.order_id, x.k, x.touches, x.linear_fen, x.channel_id, x.feedback]);
  assert.deepEqual(r, [
    ['o2', 1, 3, 3334, 'code_A', true], ['o2', 2, 3, 3333, 'gs_1', true], ['o2', 3, 3, 3333, 'bc1', true],
    ['o3', 1, 2, 2500, 'gs_1', false], ['o3', 2, 2, 2500, 'bc1', false],
    ['o5', 1, 1, 2000, null, true],
  ]);
  const full = await reattributeAll(srv.deps, w.alpha.tenantId, { batchOrders: 2 });
  assert.equal(full.rows, 6);
  assert.ok(full.batches >= 2, 'ran in customer ranges');
  assert.deepEqual((await rowsOf()).map((x) => [x.order_id, x.k, x.touches, x.linear_fen, x.channel_id, x.feedback]), r, 're-running changes nothing');
});

const Q = 'from=2026-10-01&to=2027-01-31';
const fig = (x: any) => [x.orders.last, x.gmvFen.last, x.orders.first, x.gmvFen.first, x.orders.linear, x.gmvFen.linear, x.feedback.orders, x.feedback.gmvFen];

test('the API: per channel, kind and staff, totals, 反哺', async () => {
  const boss = await srv.login('boss@alpha', PASSWORD);
  const byChannel = (await boss.get(`/api/attribution/summary?by=channel&${Q}`)).body;
  assert.equal(byChannel.windowDays, 30);
  const m = Object.fromEntries(byChannel.rows.map((x: any) => [`${x.channelKind}/${x.channelId}`, fig(x)]));
  assert.deepEqual(m, {
    'broadcast/bc1': [2, 15000, 0, 0, 0.8333, 5833, 1, 10000],
    'direct/null': [1, 2000, 1, 2000, 1, 2000, 1, 2000],
    'live_code/code_A': [0, 0, 1, 10000, 0.3333, 3334, 0, 0],
    'group_code/gs_1': [0, 0, 1, 5000, 0.8333, 5833, 0, 0],
  });
  assert.deepEqual(fig(byChannel.total), [3, 17000, 3, 17000, 3, 17000, 2, 12000]);
  const byKind = (await boss.get(`/api/attribution/summary?by=channel_kind&${Q}`)).body;
  assert.equal(byKind.rows.length, 4);
  const byStaff = (await boss.get(`/api/attribution/summary?by=staff&${Q}`)).body;
  const s = Object.fromEntries(byStaff.rows.map((x: any) => [x.name ?? 'none', fig(x)]));
  assert.deepEqual(s, {
    员工二: [3, 17000, 1, 2000, 1.8333, 7833, 2, 12000],
    员工一: [0, 0, 1, 10000, 0.3333, 3334, 0, 0],
    none: [0, 0, 1, 5000, 0.8333, 5833, 0, 0],
  });
  // A date range that holds only O3 (Asia/Shanghai days).
  const dec = (await boss.get('/api/attribution/summary?by=channel&from=2026-12-01&to=2026-12-31')).body;
  assert.deepEqual(fig(dec.total), [1, 5000, 1, 5000, 1, 5000, 0, 0]);
  assert.equal((await boss.get('/api/attribution/summary?by=channel&from=2026-12-31&to=2026-12-01')).status, 400);
});

test('staff see the orders attributed to their own touches; another tenant sees nothing', async () => {
  const s1 = (await (await srv.login('s1@alpha', PASSWORD)).get(`/api/attribution/summary?by=staff&${Q}`)).body;
  assert.deepEqual(s1.rows.map((x: any) => x.staffId), [w.alpha.s1.staffId]);
  assert.deepEqual(fig(s1.total), [0, 0, 1, 10000, 0.3333, 3334, 0, 0]);
  const s2 = (await (await srv.login('s2@alpha', PASSWORD)).get(`/api/attribution/summary?by=channel&${Q}`)).body;
  assert.deepEqual(fig(s2.total), [3, 17000, 1, 2000, 1.8333, 7833, 2, 12000]);
  const beta = (await (await srv.login('boss@beta', PASSWORD)).get(`/api/attribution/summary?by=channel&${Q}`)).body;
  assert.deepEqual(beta.rows, []);
  assert.deepEqual(fig(beta.total), [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal((await (await srv.login('s1@alpha', PASSWORD)).put('/api/attribution/settings', { windowDays: 7 })).status, 403);
});

test('a new order arriving later is attributed by the incremental path', async () => {
  // O8 tmall 10.00 on 11-11: T1, T2, T3 → 334/333/333, last bc1, 反哺.
  const o8 = await order(w.alpha.tenantId, w.alpha.customers.c1.id, 'tmall', 1000, '2026-11-11T00:00:00Z');
  assert.equal(await catchUpOrders(srv.deps, w.alpha.tenantId), 1, 'only the new order is read');
  assert.deepEqual((await rowsOf()).filter((x) => x.order_id === o8).map((x) => [x.k, x.linear_fen, x.channel_id, x.feedback]),
    [[1, 334, 'code_A', true], [2, 333, 'gs_1', true], [3, 333, 'bc1', true]]);
  const boss = await srv.login('boss@alpha', PASSWORD);
  assert.deepEqual(fig((await boss.get(`/api/attribution/summary?by=channel&${Q}`)).body.total), [4, 18000, 4, 18000, 4, 18000, 3, 13000]);
  assert.equal(await catchUpOrders(srv.deps, w.alpha.tenantId), 0, 'nothing new: nothing read');
});

test('a new window re-attributes every order (the job)', async () => {
  const admin = await srv.login('admin@alpha', PASSWORD);
  assert.equal((await admin.put('/api/attribution/settings', { windowDays: 400 })).status, 400);
  assert.deepEqual((await admin.put('/api/attribution/settings', { windowDays: 10 })).body, { windowDays: 10 });
  // O2 (11-12 10:00): T1 (11-01 10:00) now out → T2, T3; O3 (12-03): none in 10 days; O8 (11-11 00:00): T1 still in; O5 unchanged.
  await eventually(async () => {
    const r = (await rowsOf()).map((x) => `${x.order_id}:${x.k}/${x.touches}`);
    return r.join() === 'o2:1/2,o2:2/2,o5:1/1,o8:1/3,o8:2/3,o8:3/3';
  }, 20_000, 're-attribution with the new window');
  assert.equal((await admin.get('/api/attribution/settings')).body.windowDays, 10);
});
