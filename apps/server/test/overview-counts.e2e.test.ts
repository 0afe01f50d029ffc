// The overview figures kept as events arrive (issue 10, item 11), over real HTTP on a real
// database with the WeCom simulator: orders and buyers per shop (kept with the order writes),
// friend buyers per shop and the match rate (kept by insight's consumer), customers per staff
// member (kept with the owner rows). After each step — an import, the same import again, a newer
// export, a binding that merges two customers and its undo, a binding of an order without buyer,
// a friend deleted and added again — every figure the shops page, the match-rate card and the org
// page show equals a count from scratch, and the tables behind them equal theirs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { countedShopCounts } from '../src/modules/commerce/index.ts';
import { countedMatchRate } from '../src/modules/insight/index.ts';
import { countedCustomersByStaff } from '../src/modules/customers/index.ts';

const CORP = 'wwcounts00001';
const SECRET = 'counts-app-secret-01';
const TOKEN = 'countsToken';
const AES = 'CountsEncodingAesKey0123456789abcdefghijklm';

let srv: TestServer;
let sim: RunningSimulator;
let admin: Client;
let tenantId: string;
const shops: Record<'a' | 'b', string> = { a: '', b: '' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-counts-e2e-'));

const q = async <T = any>(sql: string, params: unknown[] = []) => (await srv.deps.pool.query(sql, params)).rows as T[];

before(async () => {
  sim = await startSimulator({ port: 0, callbackTimeoutMs: 3000 });
  srv = await startTestServer();
  tenantId = (await buildWorld(srv.deps)).alpha.tenantId;
  admin = await srv.login('boss@alpha', PASSWORD);
  const c = sim.control;
  await c.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await c.addDepartments(CORP, [{ id: 1, name: '阿尔法滋补', parentid: 0 }, { id: 2, name: '私域部', parentid: 1 }]);
  await c.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [2] });
  const saved = await admin.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await c.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId}`, token: TOKEN, encoding_aes_key: AES });
  const started = await admin.post('/api/wecom/sync', { kind: 'incremental' });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  await eventually(async () => {
    const r = (await admin.get('/api/wecom/sync')).body.recent.find((x: { id: string }) => x.id === started.body.id);
    return r && r.status === 'done';
  }, 60_000, 'first sync');
  for (const k of ['a', 'b'] as const) {
    const made = await admin.post('/api/shops', { platform: 'taobao', name: `计数${k.toUpperCase()}店` });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    shops[k] = made.body.id;
  }
});
after(async () => {
  await srv?.close();
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A Taobao 订单报表: order `first + i` bought by `buyer(i)` ('' = no buyer named), in status `status(i)`. */
function taobaoExport(name: string, n: number, first: number, buyer: (i: number) => string, status: (i: number) => string = () => '交易成功'): string {
  const rows = ['订单编号,买家会员名,总金额,买家实际支付金额,订单状态,收货地址,订单创建时间,订单付款时间'];
  for (let i = 0; i < n; i++) rows.push(`${first + i},${buyer(i)},58.50,58.50,${status(i)},广东省 广州市 越秀区 华乐街道,2024-03-01 10:00:00,2024-03-01 10:01:00`);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

async function upload(file: string, shopId: string) {
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
  form.append('shopId', shopId);
  const res = await fetch(`${srv.url}/api/imports`, { method: 'POST', headers: { cookie: admin.cookie }, body: form });
  const body = (await res.json()) as { id: string };
  assert.equal(res.status, 200, JSON.stringify(body));
  const job = await eventually(async () => {
    const j = (await admin.get(`/api/imports/${body.id}`)).body;
    return j.status === 'done' || j.status === 'failed' ? j : null;
  }, 60_000, 'import finished');
  assert.equal(job.status, 'done', job.error);
  return job.summary as Record<string, number>;
}

/**
 * Every kept figure equals its count from scratch. The match counts follow events, so they are
 * waited for (the consumer polls every 200 ms); the shop and staff counts are exact at once.
 */
async function assertExact(step: string) {
  // Orders and buyers per shop: written in the same transaction as the orders.
  const counted = await countedShopCounts(srv.deps, tenantId);
  const listed = (await admin.get('/api/shops')).body as Array<{ id: string; orderCount: number; buyerCount: number; friendCount: number }>;
  for (const s of listed) {
    const c = counted.get(s.id);
    assert.deepEqual({ orders: s.orderCount, buyers: s.buyerCount }, { orders: c?.orders ?? 0, buyers: c?.buyers ?? 0 }, `${step}: orders and buyers of shop ${s.id}`);
  }
  const pairs = `select shop_id, customer_id, count(*)::int as orders from orders where tenant_id = $1 and customer_id is not null group by 1, 2 order by 1, 2`;
  assert.deepEqual(await q(`select shop_id, customer_id, orders from shop_buyers where tenant_id = $1 order by 1, 2`, [tenantId]), await q(pairs, [tenantId]), `${step}: shop_buyers`);

  // Customers per staff member: written with the owner rows.
  const owners = await countedCustomersByStaff(srv.deps, tenantId);
  for (const s of (await admin.get('/api/staff')).body as Array<{ id: string; customerCount: number }>) {
    assert.equal(s.customerCount, owners.get(s.id) ?? 0, `${step}: customers of staff ${s.id}`);
  }

  // Match rate and friends per shop: kept by the insight consumer, within moments.
  const want = await countedMatchRate(srv.deps, tenantId);
  const caughtUp = await eventually(async () => isDeepStrictEqual((await admin.get('/api/commerce/match-rate')).body, want), 10_000, `${step}: match rate`).catch(() => false);
  if (!caughtUp) assert.deepEqual((await admin.get('/api/commerce/match-rate')).body, want, `${step}: match rate`);
  const friends = new Map(want.shops.map((s) => [s.shopId, s.friends]));
  for (const s of (await admin.get('/api/shops')).body as Array<{ id: string; friendCount: number }>) {
    assert.equal(s.friendCount, friends.get(s.id) ?? 0, `${step}: friends of shop ${s.id}`);
  }
  return want;
}

async function addFriend(name: string) {
  const u = await sim.control.createWechatUser(CORP, { name });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  const customerId = await eventually(async () => (await q(`select customer_id from wecom_relations where tenant_id = $1 and external_userid = $2 and status = 'active'`, [tenantId, u.external_userid]))[0]?.customer_id, 10_000, 'friend in Siyu');
  return { externalUserId: u.external_userid, customerId: customerId as string };
}

test('an import, the same import again and a newer export keep orders and buyers per shop exact', async () => {
  await assertExact('before any order');
  // Shop A: 200 orders, order i by tb_(i mod 80) except every 20th from the 8th (i mod 20 = 7), which
  // names no buyer: tb_7, tb_27, tb_47 and tb_67 never appear, 76 buyers.
  const first = taobaoExport('a1.csv', 200, 880_000_000, (i) => (i % 20 === 7 ? '' : `tb_${i % 80}`));
  const s1 = await upload(first, shops.a);
  assert.equal(s1.ordersNew, 200);
  const r1 = await assertExact('first import');
  assert.equal(r1.shops.find((s) => s.shopId === shops.a)!.buyers, 76);

  const again = await upload(first, shops.a);
  assert.equal(again.ordersUnchanged, 200);
  const added = await q(`select count(*)::int as n from outbox_events where tenant_id = $1 and type = 'commerce.buyers_added'`, [tenantId]);
  await assertExact('the same import again');
  assert.deepEqual(await q(`select count(*)::int as n from outbox_events where tenant_id = $1 and type = 'commerce.buyers_added'`, [tenantId]), added, 'nothing new: no event');

  // A newer export of shop A (statuses change) and shop B's own buyers, some with A's names (another shop's buyer ids are other people).
  const newer = taobaoExport('a2.csv', 200, 880_000_000, (i) => (i % 20 === 7 ? '' : `tb_${i % 80}`), (i) => (i % 3 === 0 ? '交易关闭' : '交易成功'));
  const s2 = await upload(newer, shops.a);
  assert.ok(s2.ordersUpdated > 0 && s2.ordersNew === 0, JSON.stringify(s2));
  await upload(taobaoExport('b1.csv', 120, 881_000_000, (i) => `tb_${50 + (i % 60)}`), shops.b);
  await assertExact('a newer export and a second shop');
});

test('a WeCom friend who binds a buyer\'s order (a merge) and its undo; an order without buyer bound; the friend deleted and added again', async () => {
  const friend = await addFriend('绑定好友');
  await assertExact('a new friend (no orders yet)');

  // Order 880000003 belongs to the imported buyer tb_3: binding it to the friend merges tb_3 into the friend.
  const bound = await admin.post('/api/bindings', { orderNo: '880000003', platform: 'taobao', customerId: friend.customerId, consent: true });
  assert.equal(bound.status, 200, JSON.stringify(bound.body));
  assert.ok(bound.body.mergeId, 'the buyer was another customer: merged');
  const merged = await assertExact('binding that merges');
  assert.equal(merged.shops.find((s) => s.shopId === shops.a)!.friends, 1, 'the buyer is now a friend');

  const undo = await admin.post(`/api/merges/${bound.body.mergeId}/undo`);
  assert.equal(undo.status, 200, JSON.stringify(undo.body));
  const undone = await assertExact('merge undone');
  assert.equal(undone.total.friends, 0);

  // Order 880000007 has no buyer: binding attaches it to the friend.
  const attach = await admin.post('/api/bindings', { orderNo: '880000007', platform: 'taobao', customerId: friend.customerId, consent: true });
  assert.equal(attach.status, 200, JSON.stringify(attach.body));
  assert.equal(attach.body.mergeId, null);
  const attached = await assertExact('an order without buyer bound');
  assert.equal(attached.shops.find((s) => s.shopId === shops.a)!.friends, 1);

  await sim.control.deleteByCustomer(CORP, { userid: 'zhangsan', external_userid: friend.externalUserId });
  await eventually(async () => (await q(`select 1 from wecom_relations where tenant_id = $1 and external_userid = $2 and status = 'active'`, [tenantId, friend.externalUserId])).length === 0, 10_000, 'relation ended');
  const deleted = await assertExact('friend deleted');
  assert.equal(deleted.total.friends, 0);

  await sim.control.addFriend(CORP, { external_userid: friend.externalUserId, userid: 'zhangsan' });
  await eventually(async () => (await q(`select 1 from wecom_relations where tenant_id = $1 and external_userid = $2 and status = 'active'`, [tenantId, friend.externalUserId])).length === 1, 10_000, 'friend again');
  const again = await assertExact('friend added again');
  assert.equal(again.total.friends, 1);
});

test('a merge of two buyers of the same shop by an admin, and its undo', async () => {
  const [x, y] = await q<{ customer_id: string }>(`select customer_id from shop_buyers where tenant_id = $1 and shop_id = $2 order by customer_id limit 2`, [tenantId, shops.b]);
  const merged = await admin.post('/api/customers/merge', { keepId: x.customer_id, mergeId: y.customer_id, reason: '同一人' });
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  await assertExact('two buyers of one shop merged');
  assert.equal((await admin.post(`/api/merges/${merged.body.id}/undo`)).status, 200);
  await assertExact('their merge undone');
});
