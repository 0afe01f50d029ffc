// Why clients page TOP backwards: pages are cut from a live list, so an order modified between two
// calls (it leaves a window that ends in the past) shifts the rows after it. Forward paging then
// skips a row; backward paging can only read one twice. And a keyset cursor (Kuaishou) skips nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSimulator } from '../server.ts';
import { kuaishouCall, makeShop, nowSec, spreadOrders, startPlatformSim, taobaoCall, type Creds } from './test-support.ts';
import { chinaTime } from './privacy.ts';

let sim: RunningSimulator;
const T0 = nowSec() - 6 * 3600;
const window = { start_modified: chinaTime(T0), end_modified: chinaTime(T0 + 3 * 3600), page_size: '100' };

before(async () => {
  sim = await startPlatformSim();
});
after(() => sim.stop());

async function shopWithOrders(shopId: string) {
  const c = await makeShop(sim, 'taobao', shopId);
  const { order_ids } = await sim.control.platforms.addOrders('taobao', c.shopId, spreadOrders(250, T0 + 60, T0 + 2 * 3600));
  return { c, ids: order_ids };
}

const tids = (r: any): string[] => (r.trades_sold_increment_get_response.trades?.trade ?? []).map((t: any) => t.tid_str);
const page = async (c: Creds, n: number) => tids(await taobaoCall(sim.url, c, { ...window, page_no: String(n) }));

// Newest first: after page 1 (rows 0–99) is read, orders at the top of page 1 are modified "now",
// leave the window, and every row moves up — row 100 becomes row 99+…, already "read".
test('forward paging of increment.get misses orders when orders of a read page change meanwhile', async () => {
  const { c, ids } = await shopWithOrders('tb-forward');
  const newest = ids.slice(-5); // spread ascending: the last ones are the newest = top of page 1
  await sim.control.platforms.addTrigger('taobao', c.shopId, { after_list_calls: 1, modify: newest.map((order_id) => ({ order_id, status: 'shipped' })) });
  const seen = new Set<string>();
  for (let n = 1; n <= 3; n++) for (const id of await page(c, n)) seen.add(id);
  const unmodified = ids.filter((id) => !newest.includes(id));
  const missed = unmodified.filter((id) => !seen.has(id));
  assert.equal(missed.length, 5, 'five untouched orders slid across a page boundary and were never seen');
});

test('backward paging (last page first) sees every untouched order under the same change', async () => {
  const { c, ids } = await shopWithOrders('tb-backward');
  const probe = await taobaoCall(sim.url, c, { ...window, page_no: '1' });
  const total = probe.trades_sold_increment_get_response.total_results as number;
  const last = Math.ceil(total / 100);
  const newest = ids.slice(-5);
  const oldest = ids.slice(0, 5);
  // Changes land between calls: some orders on pages not read yet, some on pages already read.
  await sim.control.platforms.addTrigger('taobao', c.shopId, { after_list_calls: 2, modify: [...newest, ...oldest].map((order_id) => ({ order_id, status: 'shipped' })) });
  const seen = new Set<string>();
  for (let n = last; n >= 1; n--) for (const id of await page(c, n)) seen.add(id);
  const untouched = ids.filter((id) => !newest.includes(id) && !oldest.includes(id));
  assert.deepEqual(untouched.filter((id) => !seen.has(id)), []);
  // The changed ones now sit after the window: a later window (or run) reads them.
  const later = await taobaoCall(sim.url, c, { start_modified: chinaTime(nowSec() - 120), end_modified: chinaTime(nowSec() + 5) });
  assert.ok(newest.every((id) => tids(later).includes(id)));
});

test('a keyset cursor (Kuaishou) skips nothing when orders change mid-walk', async () => {
  const c = await makeShop(sim, 'kuaishou', 'ks-walk');
  const { order_ids } = await sim.control.platforms.addOrders('kuaishou', c.shopId, spreadOrders(250, T0 + 60, T0 + 2 * 3600));
  const changed = [...order_ids.slice(-5), ...order_ids.slice(100, 105)];
  await sim.control.platforms.addTrigger('kuaishou', c.shopId, { after_list_calls: 1, modify: changed.map((order_id) => ({ order_id, refund: 'full' as const })) });
  const seen = new Set<string>();
  let cursor = '';
  while (cursor !== 'nomore') {
    const r = await kuaishouCall(sim.url, c, { queryType: 2, beginTime: T0 * 1000, endTime: (T0 + 3 * 3600) * 1000, pageSize: 100, sort: 1, cursor });
    for (const o of r.data.orderList) seen.add(String(o.orderBaseInfo.oid));
    cursor = r.data.cursor;
  }
  assert.deepEqual(order_ids.filter((id) => !changed.includes(id) && !seen.has(id)), []);
});
