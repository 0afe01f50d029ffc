// Platform population mode (new orders from the given buyers and products, existing ones moving on)
// and persistence of the platforms' state with the rest of the simulator's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator } from '../server.ts';
import { makeShop, nowSec, spreadOrders } from './test-support.ts';
import { TONIC_PRODUCTS } from './catalogue.ts';

const waitFor = async <T>(fn: () => Promise<T | false | undefined>, ms = 8000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

test('population: orders arrive from the given buyers and products, then ship, complete or get refunded as time passes', async (t) => {
  const sim = await startSimulator({ port: 0 });
  t.after(() => sim.stop());
  const { shopId } = await makeShop(sim, 'douyin', 'dy-pop');
  const buyers = [{ id: 'dy-open-1', nickname: '王姐' }, { id: 'dy-open-2', nickname: '小李' }];
  await sim.control.platforms.setPopulation('douyin', shopId, { rate_per_minute: 600, buyers, products: TONIC_PRODUCTS.slice(0, 3), ship_after_seconds: 60, complete_after_seconds: 60, refund_rate: 0.5 });
  await waitFor(async () => (await sim.control.platforms.shop('douyin', shopId)).orders >= 8);
  await sim.control.platforms.setPopulation('douyin', shopId, { rate_per_minute: 0 });
  const orders = await sim.control.platforms.orders('douyin', shopId);
  assert.ok(orders.every((o) => buyers.some((b) => b.id === o.buyer.id)));
  assert.ok(orders.every((o) => o.items.every((i) => TONIC_PRODUCTS.slice(0, 3).some((p) => p.title === i.title))));
  const settled = (await sim.control.platforms.shop('douyin', shopId)).orders;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await sim.control.platforms.shop('douyin', shopId)).orders, settled, 'rate 0 stops arrivals');

  // Existing orders move on with the sim clock, each step bumping modified (progress runs while a population is set).
  await sim.control.platforms.setPopulation('douyin', shopId, { rate_per_minute: 1, buyers, ship_after_seconds: 60, complete_after_seconds: 60, refund_rate: 0.5 });
  const before = new Map(orders.map((o) => [o.order_id, o.modified]));
  await sim.control.advanceClock(200);
  const moved = await waitFor(async () => {
    const now = await sim.control.platforms.orders('douyin', shopId);
    const done = now.filter((o) => before.has(o.order_id) && (o.status === 'shipped' || o.status === 'completed' || o.status === 'closed'));
    return done.length >= orders.filter((o) => o.status === 'paid').length && now;
  }, 10_000);
  for (const o of moved.filter((x) => before.has(x.order_id) && x.status !== 'paid' && x.status !== 'pending_payment')) {
    assert.ok(o.modified > before.get(o.order_id)!, 'a step bumps modified');
  }
  await sim.control.platforms.setPopulation('douyin', shopId, { rate_per_minute: 0 });
});

test('platform shops, orders, issued tokens and population settings survive a restart with the same stateFile', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-sim-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const stateFile = path.join(dir, 'state.json');
  const first = await startSimulator({ port: 0, stateFile });
  const { shopId } = await makeShop(first, 'taobao', 'tb-persist');
  const { order_ids } = await first.control.platforms.addOrders('taobao', shopId, spreadOrders(3, nowSec() - 3600, nowSec() - 600));
  await first.control.platforms.modifyOrder('taobao', shopId, order_ids[0], { refund: 'full' });
  await first.control.platforms.setPopulation('taobao', shopId, { rate_per_minute: 0.001, buyers: [{ buyer_open_uid: 'AAF-1', nickname: '张' }] });
  await first.stop();

  const second = await startSimulator({ port: 0, stateFile });
  t.after(() => second.stop());
  const shop = await second.control.platforms.shop('taobao', shopId);
  assert.equal(shop.orders, 3);
  assert.equal(shop.population?.buyers, 1);
  const o = await second.control.platforms.order('taobao', shopId, order_ids[0]);
  assert.equal(o.status, 'closed');
  assert.equal(o.refund_fen, o.paid_fen);
});
