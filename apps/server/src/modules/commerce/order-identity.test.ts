// Who the buyer is, and what happens when the platform says no: Taobao's weekly oaid never splits
// a customer (buyer_open_uid is the key); a WeChat Shop unionid lands on the WeCom friend with that
// unionid; wrong credentials leave a Chinese error on the shop and no orders; busy / limit answers
// are retried; the client paces itself under the platform's QPS; due shops are queued one job each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Jobs } from '../../core/index.ts';
import { resolveWecomCustomers } from '../customers/index.ts';
import { runSyncShopJob, syncDueShops, syncShop, SYNC_SHOP_TASK } from './order-sync.ts';
import { ConnectorError } from '@siyu/platform-connectors';
import { FAST, PLATFORMS, makeShop, nowSec, orderRows, shopRow, spread, startWorld, type World } from '../../../test/helpers/platform-sim.ts';

let w: World;
before(async () => {
  w = await startWorld();
});
after(() => w.close());

const identities = (customerId: string) =>
  w.deps.db.selectFrom('customer_identities').selectAll().where('tenant_id', '=', w.tenantId).where('customer_id', '=', customerId).execute();

test('taobao: one buyer over three natural weeks (three different oaids) stays one customer, keyed by buyer_open_uid', async () => {
  const shop = await makeShop(w, 'taobao');
  const now = nowSec();
  const at = [now - 20 * 86400, now - 12 * 86400, now - 2 * 86400];
  const order = (created: number) => ({ buyer: { buyer_open_uid: 'AAHk9x-buyer-1', nickname: '陈姐' }, items: [{ title: '东阿阿胶糕 500g礼盒', price_fen: 19_800 }], created_at: created, modified_at: created + 60 });
  await w.sim.control.platforms.addOrders('taobao', shop.simShopId, at.map(order));
  await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 30 });
  const rows = await orderRows(w, shop.shopId);
  assert.equal(rows.length, 3);
  assert.deepEqual([...new Set(rows.map((r) => r.buyer_key))], ['AAHk9x-buyer-1']);
  const customers = [...new Set(rows.map((r) => r.customer_id))];
  assert.equal(customers.length, 1, 'one customer for the three orders');
  const ids = await identities(customers[0]!);
  assert.deepEqual(ids.map((i) => [i.kind, i.value]), [['platform_buyer', `${shop.shopId}:AAHk9x-buyer-1`]]);
  assert.ok(rows.every((r) => r.receiver_name_masked?.includes('*') && r.receiver_phone_masked?.startsWith('*******')));
});

test('wechat_shop: an order with a unionid reaches the WeCom friend who has that unionid', async () => {
  const resolved = await w.deps.db.transaction().execute((trx) =>
    resolveWecomCustomers({ ...w.deps, db: trx }, w.tenantId, 'wwcorp1', [{ externalUserId: 'wmFriend1', unionid: 'oUnion-friend-1', name: '老顾客', avatar: null, gender: 2, owners: [], source: '企业微信同步' }]));
  const friend = resolved.get('wmFriend1')!.customerId;
  const shop = await makeShop(w, 'wechat_shop');
  const now = nowSec();
  await w.sim.control.platforms.addOrders('wechat_shop', shop.simShopId, [
    { buyer: { openid: 'o-shop-openid-1', unionid: 'oUnion-friend-1', nickname: '老顾客' }, items: [{ title: '干燕窝 燕盏 50g', price_fen: 68_800 }], created_at: now - 7200, modified_at: now - 7100 },
    { buyer: { openid: 'o-shop-openid-2', nickname: '新客' }, items: [{ title: '红枣 1kg', price_fen: 3_990 }], created_at: now - 7000, modified_at: now - 6900 },
  ]);
  await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 1 });
  const rows = await orderRows(w, shop.shopId);
  const mine = rows.find((r) => r.buyer_key === 'o-shop-openid-1')!;
  assert.equal(mine.customer_id, friend, 'matched by unionid to the existing WeCom customer');
  const kinds = (await identities(friend)).map((i) => `${i.kind}:${i.value}`).sort();
  assert.deepEqual(kinds, [`platform_buyer:${shop.shopId}:o-shop-openid-1`, 'unionid:oUnion-friend-1', 'wecom_external_userid:wmFriend1']);
  assert.notEqual(rows.find((r) => r.buyer_key === 'o-shop-openid-2')!.customer_id, friend);
});

for (const platform of PLATFORMS) {
  test(`${platform}: wrong credentials → a clear Chinese error on the shop, no orders, the job does not retry`, async () => {
    const shop = await makeShop(w, platform, { wrongSecret: true });
    const now = nowSec();
    await w.sim.control.platforms.addOrders(platform, shop.simShopId, spread(5, now - 7200, now - 3600));
    await assert.rejects(syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 1 }), (err: unknown) => err instanceof ConnectorError && err.kind === 'auth');
    const s = await shopRow(w, shop.shopId);
    assert.match(s.last_sync_error ?? '', /接口鉴权失败.*请检查.*是否正确/);
    assert.equal((await orderRows(w, shop.shopId)).length, 0);
    await runSyncShopJob(w.deps, { tenantId: w.tenantId, shopId: shop.shopId }); // resolves: nothing to gain by retrying
  });
}

test('missing credentials are named on the shop', async () => {
  const shop = await makeShop(w, 'douyin', { credentials: { appKey: 'k' } });
  await assert.rejects(syncShop(w.deps, w.tenantId, shop.shopId, FAST), /未填写接口凭证：App Secret、店铺授权 access_token/);
  assert.match((await shopRow(w, shop.shopId)).last_sync_error ?? '', /未填写接口凭证/);
});

test('busy and limit answers are retried with backoff; the run completes', async () => {
  for (const platform of ['taobao', 'pinduoduo', 'youzan', 'wechat_shop'] as const) {
    const shop = await makeShop(w, platform);
    const now = nowSec();
    await w.sim.control.platforms.addOrders(platform, shop.simShopId, spread(120, now - 5400, now - 3600));
    await w.sim.control.platforms.addFault({ platform, shop_id: shop.simShopId, kind: 'limit', count: 2 });
    await w.sim.control.platforms.addFault({ platform, shop_id: shop.simShopId, kind: 'busy', count: 2, after_calls: 1 });
    await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 0.1 });
    assert.equal((await orderRows(w, shop.shopId)).length, 120, platform);
    assert.equal((await shopRow(w, shop.shopId)).last_sync_error, null);
  }
});

test('the client paces itself under the platform QPS (no retries needed), and rides out the limit when it does not', async () => {
  const now = nowSec();
  const paced = await makeShop(w, 'douyin', { qps: 3 });
  await w.sim.control.platforms.addOrders('douyin', paced.simShopId, spread(250, now - 3 * 86400, now - 3600));
  // 400 ms apart = 2.5 calls/s under a 3/s limit: one attempt per call is enough.
  const started = Date.now();
  const r = await syncShop(w.deps, w.tenantId, paced.shopId, { minIntervalMs: 400, retry: { attempts: 1 }, lookbackDays: 3.1 });
  assert.equal(r.orders.ordersNew, 250);
  assert.ok(Date.now() - started >= (r.pages - 1) * 390, 'calls were spaced');

  const greedy = await makeShop(w, 'douyin', { qps: 3 });
  await w.sim.control.platforms.addOrders('douyin', greedy.simShopId, spread(250, now - 3 * 86400, now - 3600));
  const g = await syncShop(w.deps, w.tenantId, greedy.shopId, { minIntervalMs: 0, retry: { attempts: 8, baseMs: 200, maxMs: 1000 }, lookbackDays: 3.1 });
  assert.equal(g.orders.ordersNew, 250);
});

test('syncDueShops queues one job per due shop, keyed and queued per shop', async () => {
  const shop = await makeShop(w, 'jd');
  await w.deps.db.updateTable('shops').set({ sync_enabled: false }).where('tenant_id', '=', w.tenantId).execute();
  await w.deps.db.updateTable('shops').set({ sync_enabled: true }).where('tenant_id', '=', w.tenantId).where('id', '=', shop.shopId).execute();
  const added: Array<{ task: string; payload: unknown; opts: unknown }> = [];
  const jobs: Jobs = { add: async (task, payload, opts) => void added.push({ task, payload, opts }), stop: async () => {} };
  assert.equal(await syncDueShops({ ...w.deps, jobs }), 1);
  assert.deepEqual(added, [{ task: SYNC_SHOP_TASK, payload: { tenantId: w.tenantId, shopId: shop.shopId }, opts: { jobKey: `commerce-sync:${shop.shopId}`, queueName: `commerce-sync:${shop.shopId}` } }]);
});
