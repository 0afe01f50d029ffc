// `npm run bench` must keep working: run the customers-list benchmark at a tiny size and check
// it prints its figures and ratios (the real figures come from `npm run bench` at 1M).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('the customers-list benchmark runs end to end at a small size', { timeout: 240_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/customers-list.bench.ts'], {
    cwd: root, encoding: 'utf8', timeout: 230_000,
    env: { ...process.env, BENCH_CUSTOMERS: '2000', BENCH_SECONDS: '2', BENCH_DETAIL_SECONDS: '0', BENCH_CONNECTIONS: '10' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  const json = JSON.parse(last.slice(last.indexOf('{')));
  assert.ok(JSON.stringify(json).includes('healthz'), 'the reference is measured in the same run');
  assert.match(r.stdout, /ratio|×/i);
});

test('the order-import benchmark runs end to end at a small size, with its reference and storage floor', { timeout: 240_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/order-import.bench.ts'], {
    cwd: root, encoding: 'utf8', timeout: 230_000, env: { ...process.env, BENCH_ORDERS: '3000' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  const json = JSON.parse(last.slice(last.indexOf('{')));
  assert.equal(json.ordersNew, 3000);
  assert.equal(json.rejected, 0);
  assert.ok(json.referenceMs > 0 && json.floorMs > 0, 'the reference and the floor are measured in the same run');
  assert.match(r.stdout, /storage floor .* rows written again/);
});

test('the storage benchmark runs end to end at a small size: sizes loaded, then after the pruning jobs', { timeout: 240_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/storage.bench.ts'], {
    cwd: root, encoding: 'utf8', timeout: 230_000, env: { ...process.env, BENCH_CUSTOMERS: '2000', BENCH_ORDERS: '0' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  const json = JSON.parse(last.slice(last.indexOf('{')));
  assert.equal(json.customers, 2000);
  assert.ok(json.loaded.tablesMb.timeline_entries > 0 && json.loaded.tablesMb.outbox_events > 0, 'the timeline and the outbox were loaded');
  assert.ok(json.compacted.tablesMb.outbox_events === undefined || json.compacted.tablesMb.outbox_events < json.loaded.tablesMb.outbox_events, 'the outbox was pruned');
  assert.match(r.stdout + r.stderr, /core\.prune-outbox/);
});

test('the overview-cards benchmark runs end to end at a small size: kept figures exact, references measured', { timeout: 240_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/overview-cards.bench.ts'], {
    cwd: root, encoding: 'utf8', timeout: 230_000,
    env: { ...process.env, BENCH_CUSTOMERS: '2000', BENCH_SECONDS: '1', BENCH_CONNECTIONS: '5', BENCH_COUNTED_RUNS: '1' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  const json = JSON.parse(last.slice(last.indexOf('{')));
  const [size] = json.sizes;
  assert.equal(size.customers, 2000);
  assert.deepEqual(size.exact, { shops: true, matchRate: true, staff: true });
  assert.ok(size.healthz.p50 > 0 && size.selectOne.p50 > 0, 'the references are measured in the same run');
  assert.ok(size.load.shops.p50 > 0 && size.load.matchRate.p50 > 0 && size.load.staff.p50 > 0);
  assert.ok(json.peakRssMb > 0);
  assert.match(r.stdout, /ratio GET \/api\/shops \/ healthz/);
});

test('the attribution benchmark runs end to end at a small size: consistent shares, reference measured', { timeout: 240_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/attribution.bench.ts'], {
    cwd: root, encoding: 'utf8', timeout: 230_000, env: { ...process.env, BENCH_CUSTOMERS: '3000', BENCH_BATCH_ORDERS: '2000' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  const json = JSON.parse(last.slice(last.indexOf('{')));
  assert.equal(json.orders, 6000);
  assert.equal(json.touches, 12000);
  assert.ok(json.attributedOrders > 0 && json.rows >= json.attributedOrders && json.rows <= json.referenceRows);
  assert.ok(json.batches >= 2, 'ran in customer ranges');
  assert.ok(json.reattributeSeconds > 0 && json.referenceSeconds > 0 && json.peakRssMb > 0);
  assert.match(r.stdout, /ratio re-attribution \/ reference/);
});
