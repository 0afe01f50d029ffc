// Every platform, end to end against the simulator over HTTP and a real PostgreSQL: ~300 orders over
// several windows sync completely; a second run writes nothing; an order refunded (and one shipped)
// after the run is updated by the next; money lands in fen whatever the platform's unit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { syncShop } from './order-sync.ts';
import { FAST, PLATFORMS, makeShop, nowSec, orderRow, orderRows, shopRow, spread, startWorld, type World } from '../../../test/helpers/platform-sim.ts';

let w: World;
before(async () => {
  w = await startWorld();
});
after(() => w.close());

// PDD windows are 30 minutes: three hours of orders is already six of them. The rest: four days.
const SPAN = (p: string) => (p === 'pinduoduo' ? 3 * 3600 : 4 * 86400);

for (const platform of PLATFORMS) {
  test(`${platform}: 300 orders over several windows sync completely, a second run writes nothing, a refund after the run arrives with the next`, async () => {
    const shop = await makeShop(w, platform);
    const now = nowSec();
    const span = SPAN(platform);
    const inputs = spread(300, now - span - 3600, now - 3600);
    // The money check: one order of exactly 123.45 yuan (12345 fen), no postage, no discount.
    inputs[7] = { ...inputs[7], items: [{ title: '印尼燕窝 即食 6瓶', price_fen: 12_345, outer_code: 'YW-JS-6' }] };
    const { order_ids } = await w.sim.control.platforms.addOrders(platform, shop.simShopId, inputs);

    const first = await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, lookbackDays: (span + 2 * 3600) / 86400 });
    assert.equal(first.orders.ordersNew, 300);
    assert.equal((await orderRows(w, shop.shopId)).length, 300);
    assert.ok(first.pages >= 4, `several windows and pages (${first.pages})`);
    const s1 = await shopRow(w, shop.shopId);
    assert.equal(s1.last_sync_error, null);
    assert.deepEqual(s1.sync_checkpoint, {});
    assert.ok(s1.synced_until && Math.abs(s1.synced_until.getTime() - first.syncedUntil.getTime()) < 1000);

    const money = await orderRow(w, shop.shopId, order_ids[7]);
    assert.equal(money.paid_fen, 12_345);
    assert.equal(money.total_fen, 12_345);
    assert.equal(money.status, 'paid');
    assert.equal(money.source, 'api');
    assert.equal(money.phone_enc, null, 'platform APIs never give a phone Siyu may keep');
    assert.ok(money.modified_at);
    if (platform !== 'pinduoduo') assert.ok(money.buyer_key?.startsWith('open-'), `buyer key from the platform's buyer id (${money.buyer_key})`);
    else assert.equal(money.buyer_key, null, 'PDD names no buyer');

    const second = await syncShop(w.deps, w.tenantId, shop.shopId, FAST);
    assert.equal(second.orders.ordersNew, 0);
    assert.equal(second.orders.ordersUpdated, 0);
    assert.equal((await orderRows(w, shop.shopId)).length, 300);

    const refunded = order_ids[20];
    const shipped = order_ids[21];
    await w.sim.control.platforms.modifyOrder(platform, shop.simShopId, refunded, { refund: 'full' });
    await w.sim.control.platforms.modifyOrder(platform, shop.simShopId, shipped, { status: 'shipped' });
    const third = await syncShop(w.deps, w.tenantId, shop.shopId, { ...FAST, until: new Date(Date.now() + 2000) });
    assert.equal(third.orders.ordersNew, 0);
    assert.equal(third.orders.ordersUpdated, 2);
    const r = await orderRow(w, shop.shopId, refunded);
    assert.equal(r.status, 'closed');
    assert.equal(r.refund_state, 'full');
    assert.equal(r.refund_fen, r.paid_fen);
    assert.equal((await orderRow(w, shop.shopId, shipped)).status, 'shipped');
    assert.equal((await orderRows(w, shop.shopId)).length, 300);
  });
}
