// Orders that change while a sync is paging: the simulator fires order changes after the shop's
// Nth list call (between two of our pages). No untouched order may be missed by that run, and the
// next run ends with every order in its latest state. Also: a run that fails mid-window resumes
// from its saved cursor, and Youzan's 100-page ceiling makes the driver halve a crowded window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { syncShop } from './order-sync.ts';
import { ConnectorError } from '@siyu/platform-connectors';
import { FAST, PLATFORMS, makeShop, nowSec, orderRow, orderRows, shopRow, spread, startWorld, type World } from '../../../test/helpers/platform-sim.ts';

let w: World;
before(async () => {
  w = await startWorld();
});
after(() => w.close());

for (const platform of PLATFORMS) {
  test(`${platform}: orders modified during the sync — nothing untouched is missed, the next run has the latest state`, async () => {
    const shop = await makeShop(w, platform);
    const now = nowSec();
    // Crowd the FIRST non-empty window so it takes several pages and the triggers fire inside it.
    // Windows start at until − lookback (until = now − 3 min lag): 1-day windows over 2 days put
    // [now−21 h, now−1 h] in the second; PDD's 30-minute ones over 95 minutes put
    // [now−90 min, now−70 min] in the first.
    const [from, to] = platform === 'pinduoduo' ? [now - 90 * 60, now - 70 * 60] : [now - 21 * 3600, now - 3600];
    const lookbackDays = platform === 'pinduoduo' ? 95 / 1440 : 2;
    const { order_ids } = await w.sim.control.platforms.addOrders(platform, shop.simShopId, spread(300, from, to));
    // Newest and oldest, spread across pages already read and pages not yet read, whatever the order of the walk.
    const changed = [...order_ids.slice(0, 8), ...order_ids.slice(146, 150), ...order_ids.slice(-8)];
    await w.sim.control.platforms.addTrigger(platform, shop.simShopId, { after_list_calls: 2, modify: changed.map((order_id) => ({ order_id, refund: 'full' as const })) });
    await w.sim.control.platforms.addTrigger(platform, shop.simShopId, { after_list_calls: 3, modify: order_ids.slice(60, 64).map((order_id) => ({ order_id, status: 'shipped' as const })) });
    const touched = new Set([...changed, ...order_ids.slice(60, 64)]);

    await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays });
    const have = new Set((await orderRows(w, shop.shopId)).map((r) => r.order_no));
    assert.deepEqual(order_ids.filter((id) => !touched.has(id) && !have.has(id)), [], 'every untouched order was read');
    assert.ok((await w.sim.control.platforms.shop(platform, shop.simShopId)).calls.list >= 3, 'the triggers fired mid-run');

    // The changes were stamped "now", after this run's windows (which end a safety lag ago): the next run reads them.
    await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, until: new Date(Date.now() + 2000) });
    assert.equal((await orderRows(w, shop.shopId)).length, 300);
    for (const id of changed) {
      const r = await orderRow(w, shop.shopId, id);
      assert.equal(r.status, 'closed', `${id} refunded`);
      assert.equal(r.refund_state, 'full');
    }
    for (const id of order_ids.slice(60, 64)) assert.equal((await orderRow(w, shop.shopId, id)).status, 'shipped');
  });
}

for (const platform of ['taobao', 'kuaishou', 'wechat_shop'] as const) {
  test(`${platform}: a run that fails mid-window keeps its cursor on the shop and the next run resumes there`, async () => {
    const shop = await makeShop(w, platform);
    const now = nowSec();
    await w.sim.control.platforms.addOrders(platform, shop.simShopId, spread(300, now - 20 * 3600, now - 3600));
    // Busy from the 3rd call on (WeChat Shop: a page is a list call plus one call per order), longer
    // than our two attempts: the run gives up after a page or two.
    const afterCalls = platform === 'wechat_shop' ? 150 : 2;
    await w.sim.control.platforms.addFault({ platform, shop_id: shop.simShopId, kind: 'busy', count: 50, after_calls: afterCalls });
    await assert.rejects(syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 1, retry: { attempts: 2, baseMs: 1, maxMs: 2 } }), (err: unknown) => err instanceof ConnectorError && err.kind === 'retry');
    const stopped = await shopRow(w, shop.shopId);
    assert.match(stopped.last_sync_error ?? '', /繁忙或限流/);
    const cp = stopped.sync_checkpoint as { window?: unknown; cursor?: unknown };
    assert.ok(cp.window && cp.cursor, `the window and cursor are saved (${JSON.stringify(cp)})`);
    const partial = (await orderRows(w, shop.shopId)).length;
    assert.ok(partial > 0 && partial < 300, `some pages were written (${partial})`);

    await w.sim.control.platforms.clearFaults();
    const resumed = await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 1 });
    assert.equal((await orderRows(w, shop.shopId)).length, 300);
    assert.equal(resumed.orders.ordersNew, 300 - partial);
    const done = await shopRow(w, shop.shopId);
    assert.equal(done.last_sync_error, null);
    assert.deepEqual(done.sync_checkpoint, {});
  });
}

test('youzan: a window with more rows than page_no ≤ 100 allows is halved until it fits', async () => {
  const shop = await makeShop(w, 'youzan');
  const now = nowSec();
  await w.sim.control.platforms.addOrders('youzan', shop.simShopId, spread(300, now - 3 * 3600, now - 3600));
  // page_size 2 → at most 200 rows a window: the window of 300 must be split.
  const r = await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: 1, pageSize: 2 });
  assert.equal(r.orders.ordersNew, 300);
  assert.equal((await orderRows(w, shop.shopId)).length, 300);
});
