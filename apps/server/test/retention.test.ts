// Retention (issue 10, item 8): the pruning jobs remove what retention allows and nothing that is
// still needed — an event a consumer has not read survives however old, a pending callback
// survives, recent timeline entries survive — and their batches loop until the work is done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, testConfig } from './helpers/db.ts';
import { buildDeps, consumers, jobSpec, migrations, type Database } from '../src/main.ts';
import { createLogger, emit, migrateJobs, pruneOutbox, runConsumerOnce, type Consumer } from '../src/core/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { pruneCallbacks } from '../src/modules/channel/index.ts';
import { pruneTimeline, timelineConsumer } from '../src/modules/customers/index.ts';
import { pruneImportRejects } from '../src/modules/commerce/index.ts';
import type { Deps } from '../src/deps.ts';
import { loadConfig } from '../src/config.ts';

const DAY = 86_400_000;
const RETENTION = { outboxDays: 30, callbacksDays: 7, timelineDays: 365, importRejectsDays: 90 };

let deps: Deps;
let db: Kysely<Database>;
let close: () => Promise<void>;
before(async () => {
  const tdb = await createTestDatabase();
  deps = buildDeps(testConfig(tdb.url, { retention: RETENTION }), tdb.url, createLogger('warn'));
  await migrateToLatest(deps.db, migrations);
  await migrateJobs(deps.pool, deps.log);
  db = deps.db as Kysely<Database>;
  close = async () => { await deps.db.destroy(); await tdb.drop(); };
});
after(async () => close?.());

const ago = (days: number) => new Date(Date.now() - days * DAY);
const count = async (table: keyof Database, where?: (q: any) => any) => {
  let q: any = db.selectFrom(table).select(db.fn.countAll<number>().as('n'));
  if (where) q = where(q);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

/** Runs a consumer until its checkpoint reaches the newest event (see consumers.test.ts: another database's writer may hold it back a moment). */
async function drain(consumer: Consumer) {
  const until = Date.now() + 10_000;
  for (;;) {
    await runConsumerOnce(deps.db, consumer);
    const max = Number((await db.selectFrom('outbox_events').select(db.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
    const cp = Number((await db.selectFrom('consumer_checkpoints').select('last_id').where('consumer', '=', consumer.name).executeTakeFirst())?.last_id ?? 0);
    if (cp >= max) return;
    if (Date.now() > until) throw new Error(`consumer ${consumer.name} stuck at ${cp} < ${max}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ev = (tenant: string, n: number, occurredAt: Date) => ({
  type: 'test.happened', aggregateType: 'test', aggregateId: `${tenant}-${n}`, occurredAt,
});

test('retention comes from config.retention: the documented defaults, each set by its variable', () => {
  assert.deepEqual(deps.config.retention, RETENTION);
  assert.deepEqual(loadConfig({}).retention, { outboxDays: 30, callbacksDays: 7, timelineDays: 730, importRejectsDays: 90 });
  assert.deepEqual(loadConfig({ SIYU_RETAIN_OUTBOX_DAYS: '10', SIYU_RETAIN_CALLBACKS_DAYS: '3', SIYU_RETAIN_TIMELINE_DAYS: '400', SIYU_RETAIN_IMPORT_REJECTS_DAYS: '20' }).retention,
    { outboxDays: 10, callbacksDays: 3, timelineDays: 400, importRejectsDays: 20 });
});

test('outbox: old events every consumer has read go; an old event above one consumer\'s checkpoint stays; recent ones stay', async () => {
  await db.deleteFrom('outbox_events').execute();
  await emit(deps.db, 'tenant-o', Array.from({ length: 25 }, (_, i) => ev('o', i, ago(40)))); // old
  await emit(deps.db, 'tenant-o', [ev('o', 100, ago(2))]); // recent
  await emit(deps.db, 'tenant-p', Array.from({ length: 5 }, (_, i) => ev('p', i, ago(40)))); // old, another tenant
  const ids = (await db.selectFrom('outbox_events').select('id').orderBy('id').execute()).map((r) => Number(r.id));
  assert.equal(ids.length, 31);
  // fast has read everything; slow has read up to the 20th event only.
  const fast = 'test.fast';
  const slow = 'test.slow';
  // Checkpoints are positions in (tx_id, id) order: each names the last event's transaction and id.
  const at = async (id: number) => ({ last_tx: (await db.selectFrom('outbox_events').select('tx_id').where('id', '=', id).executeTakeFirstOrThrow()).tx_id, last_id: id });
  await db.insertInto('consumer_checkpoints').values([{ consumer: fast, ...(await at(ids[30])) }, { consumer: slow, ...(await at(ids[19])) }]).execute();

  // A registered consumer without a checkpoint has read nothing: nothing may go.
  const none = await pruneOutbox(deps.db, { consumers: [fast, slow, 'test.new'], keepDays: 30, now: new Date(), batch: 4 });
  assert.deepEqual(none, { deleted: 0, consumedUpTo: { tx: '0', id: 0 } });

  // Batches of 4 loop until all 20 that both consumers read are gone.
  const r = await pruneOutbox(deps.db, { consumers: [fast, slow], keepDays: 30, now: new Date(), batch: 4 });
  assert.equal(r.consumedUpTo.id, ids[19]);
  assert.equal(r.deleted, 20);
  const left = (await db.selectFrom('outbox_events').select(['id', 'aggregate_id']).orderBy('id').execute()).map((x) => Number(x.id));
  assert.deepEqual(left, ids.slice(20), 'old events above the slow consumer\'s checkpoint stay, and the recent one');

  // A checkpoint of a consumer that is no longer registered holds nothing back.
  const r2 = await pruneOutbox(deps.db, { consumers: [fast], keepDays: 30, now: new Date(), batch: 4 });
  assert.equal(r2.deleted, 10, 'the rest of the old events go once only `fast` counts');
  const rest = await db.selectFrom('outbox_events').select(['aggregate_id']).execute();
  assert.deepEqual(rest.map((x) => x.aggregate_id), ['o-100'], 'the recent event stays although every consumer read it');
});

test('outbox: the scheduled job keeps what the real consumers have not read yet', async () => {
  await db.deleteFrom('outbox_events').execute();
  const customer = (n: number, days: number) => ({ type: 'customer.created', aggregateType: 'customer', aggregateId: `cust-${n}`, occurredAt: ago(days), payload: { source: '测试' } });
  await emit(deps.db, 'tenant-j', [customer(1, 90), customer(2, 60), customer(3, 5)]);
  for (const c of consumers) await drain(c);
  await emit(deps.db, 'tenant-j', [customer(4, 100)]); // old, but not read by anyone yet
  await jobSpec(deps).tasks['core.prune-outbox']!({}, undefined as never);
  const left = (await db.selectFrom('outbox_events').select('aggregate_id').orderBy('id').execute()).map((x) => x.aggregate_id);
  assert.deepEqual(left, ['cust-3', 'cust-4']);
  // Its timeline entry was written before the event left the outbox.
  assert.equal(await count('timeline_entries', (q) => q.where('customer_id', '=', 'cust-1')), 1);
});

test('callbacks: finished ones older than the window go (in batches); pending ones stay however old; recent ones stay', async () => {
  await db.deleteFrom('wecom_callbacks').execute();
  const row = (tenant: string, key: string, days: number, status: 'pending' | 'processed' | 'ignored' | 'failed', attempts = 0) => ({
    tenant_id: tenant, dedupe_key: key, received_at: ago(days), event: 'change_external_contact', change_type: 'add_external_contact',
    payload: `<xml>${key}</xml>`, status, attempts, processed_at: status === 'pending' ? null : ago(days),
  });
  const rows = [
    ...Array.from({ length: 7 }, (_, i) => row('tenant-a', `old-processed-${i}`, 8 + i, 'processed')),
    row('tenant-a', 'old-ignored', 30, 'ignored'),
    row('tenant-a', 'old-failed', 9, 'failed', 5),
    row('tenant-a', 'old-pending', 40, 'pending', 0),
    row('tenant-a', 'old-retrying', 20, 'pending', 3),
    row('tenant-a', 'recent-processed', 6, 'processed'),
    row('tenant-b', 'b-old-processed', 10, 'processed'),
    row('tenant-b', 'b-recent-pending', 1, 'pending'),
  ];
  await db.insertInto('wecom_callbacks').values(rows).execute();
  const deleted = await pruneCallbacks(deps, { batch: 2 });
  assert.equal(deleted, 10);
  const left = (await db.selectFrom('wecom_callbacks').select('dedupe_key').orderBy('dedupe_key').execute()).map((r) => r.dedupe_key);
  assert.deepEqual(left, ['b-recent-pending', 'old-pending', 'old-retrying', 'recent-processed']);
  // The scheduled job is the same function with the configured window.
  await db.updateTable('wecom_callbacks').set({ status: 'processed', processed_at: new Date() }).where('dedupe_key', '=', 'old-retrying').execute();
  await jobSpec(deps).tasks['channel.prune-callbacks']!({}, undefined as never);
  assert.equal(await count('wecom_callbacks'), 3);
});

test('timeline: entries older than the retention go, page range by page range and batch by batch; recent ones stay', async () => {
  await db.deleteFrom('timeline_entries').execute();
  // Old and recent entries interleaved over many pages.
  const rows = Array.from({ length: 3000 }, (_, i) => ({
    tenant_id: i % 3 === 0 ? 'tenant-x' : 'tenant-y', customer_id: `c${i % 97}`, event_id: i + 1, kind: 'customer.updated',
    title: `资料更新：备注 ${'的'.repeat(40)}`, detail: JSON.stringify({ fields: ['remark'] }),
    occurred_at: i % 4 === 0 ? ago(10) : i % 4 === 1 ? ago(364) : ago(366 + (i % 500)),
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('timeline_entries').values(rows.slice(i, i + 500)).execute();
  const pages = Number((await sql<{ p: number }>`select pg_relation_size('timeline_entries') / 8192 as p`.execute(db)).rows[0].p);
  assert.ok(pages >= 10, `the table spans pages (${pages})`);
  const due = rows.filter((_, i) => i % 4 >= 2).length;

  const deleted = await pruneTimeline(deps, { batch: 7, spanPages: 3 });
  assert.equal(deleted, due);
  assert.equal(await count('timeline_entries'), rows.length - due);
  assert.equal(await count('timeline_entries', (q) => q.where('occurred_at', '<', ago(365))), 0);
  assert.equal(await pruneTimeline(deps), 0, 'a second run finds nothing');
  await jobSpec(deps).tasks['customers.prune-timeline']!({}, undefined as never);
  assert.equal(await count('timeline_entries'), rows.length - due, 'the scheduled job keeps what is recent');
});

test('timeline entries keep the event\'s references, not its whole payload, and a replayed event adds nothing', async () => {
  await db.deleteFrom('timeline_entries').execute();
  await db.deleteFrom('outbox_events').execute();
  await emit(deps.db, 'tenant-r', [
    { type: 'tag.assigned', aggregateType: 'customer', aggregateId: 'cust-r', payload: { tagId: 'tag-1', tagName: '复购客', reason: '演示', by: '张三', source: 'manual' } },
    { type: 'customer.created', aggregateType: 'customer', aggregateId: 'cust-r', payload: { source: '手动录入', by: '张三' } },
    { type: 'order.bound', aggregateType: 'customer', aggregateId: 'cust-r', payload: { orderNo: '123', platform: 'tmall', source: 'h5', mergedCustomerId: null } },
  ]);
  await drain(timelineConsumer);
  const entries = await db.selectFrom('timeline_entries').select(['event_id', 'kind', 'title', 'detail']).orderBy('event_id').execute();
  assert.deepEqual(entries.map((e) => [e.kind, e.title, e.detail]), [
    ['tag.assigned', '打上标签「复购客」', { tagId: 'tag-1' }],
    ['customer.created', '成为客户（来源：手动录入）', null],
    ['order.bound', '绑定订单 123（客户在 H5 页面操作）', { orderNo: '123', platform: 'tmall' }],
  ]);
  // Replaying the batch (a crash before the checkpoint moved) adds nothing.
  await db.updateTable('consumer_checkpoints').set({ last_tx: '0', last_id: 0 }).where('consumer', '=', timelineConsumer.name).execute();
  await drain(timelineConsumer);
  assert.equal(await count('timeline_entries'), 3);
});

test('the timeline migration keeps every entry, keyed by its event, with only its references', async () => {
  const tdb = await createTestDatabase();
  const d = buildDeps(testConfig(tdb.url), tdb.url, createLogger('warn'));
  try {
    const target = '20261204_022_timeline_retention';
    const earlier = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < target));
    await migrateToLatest(d.db, earlier);
    await sql`insert into timeline_entries (tenant_id, id, customer_id, event_id, kind, title, detail, occurred_at) values
      ('t', 'id-1', 'c1', 11, 'tag.assigned', '打上标签「阿胶」', '{"tagId":"g1","tagName":"阿胶","by":"张三","reason":"x","source":"manual"}', now() - interval '3 days'),
      ('t', 'id-2', 'c1', 12, 'customer.created', '成为客户', '{"source":"手动录入","by":"张三"}', now() - interval '2 days'),
      ('t', 'id-3', 'c2', 13, 'wecom.friend_added', '添加企业微信好友：李四', '{"userid":"lisi","staffId":null,"staffName":"李四","state":"pkg","addWay":1}', now())`.execute(d.db);
    await migrateToLatest(d.db, migrations);
    const rows = await sql<{ customer_id: string; event_id: number; detail: unknown }>`select customer_id, event_id, detail from timeline_entries order by event_id`.execute(d.db);
    assert.deepEqual(rows.rows.map((r) => [r.customer_id, Number(r.event_id), r.detail]), [
      ['c1', 11, { tagId: 'g1' }],
      ['c1', 12, null],
      ['c2', 13, { userid: 'lisi', state: 'pkg' }],
    ]);
    const pk = await sql<{ def: string }>`select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'timeline_entries'::regclass`.execute(d.db);
    assert.deepEqual(pk.rows.map((r) => r.def.replace(/^.*USING btree /, '')), ['(tenant_id, customer_id, event_id)'], 'one index: the primary key');
    // The migrations table knows the new one: a later start applies nothing again.
    assert.deepEqual(await migrateToLatest(d.db, migrations), []);
  } finally {
    await d.db.destroy();
    await tdb.drop();
  }
});

test('import rejects: the raw lines of imports that ended before the window go (in batches); the import row and recent rejects stay', async () => {
  const imp = (id: string, days: number | null) => ({
    tenant_id: 'tenant-r', id, shop_id: null, platform: 'taobao', files: '[]', status: 'done' as const, progress: '{}', summary: '{"rowsRejected":3}',
    error: null, created_by: null, created_at: ago(days ?? 200), started_at: null, finished_at: days === null ? null : ago(days), heartbeat_at: null,
  });
  await db.insertInto('order_imports').values([imp('old', 120), imp('recent', 10), imp('never-ended', null)]).execute();
  const rejects = (importId: string) => [0, 1, 2].map((seq) => ({ tenant_id: 'tenant-r', import_id: importId, seq, file: 'a.csv', line: seq + 2, reason: '订单号缺失', raw: '林*坤,13800000000,上海' }));
  await db.insertInto('order_import_rejects').values([...rejects('old'), ...rejects('recent'), ...rejects('never-ended')]).execute();

  assert.equal(await pruneImportRejects(deps, 2), 6, 'the old and the never-ended import lose their lines, two at a time');
  const left = await db.selectFrom('order_import_rejects').select('import_id').where('tenant_id', '=', 'tenant-r').execute();
  assert.deepEqual([...new Set(left.map((r) => r.import_id))], ['recent']);
  assert.equal(left.length, 3);
  assert.equal(await count('order_imports', (q) => q.where('tenant_id', '=', 'tenant-r')), 3, 'the imports themselves stay');
  assert.equal(await pruneImportRejects(deps), 0, 'a second run finds nothing');
});
