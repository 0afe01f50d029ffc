// Kill the server (SIGKILL, no cleanup) while its timeline consumer is working through a stream
// of events, start it again: every event ends up in the timeline exactly once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, TEST_SECRET, type TestDb } from './helpers/db.ts';
import { runSiyu, waitForStart, type SiyuProcess } from './helpers/process.ts';
import { connectDb } from '../src/db/connect.ts';
import { emit } from '../src/core/index.ts';

const TOTAL = 20_000;
const BATCH = 250;
let tdb: TestDb;
let proc: SiyuProcess | undefined;
after(async () => {
  proc?.child.kill('SIGKILL');
  await tdb?.drop();
});

test('SIGKILL mid-stream loses nothing and doubles nothing', { timeout: 180_000 }, async () => {
  tdb = await createTestDatabase();
  const env = { DATABASE_URL: tdb.url, SIYU_SECRET_KEY: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIYU_WORKERS: '1' };
  proc = runSiyu(['start', '--no-build'], env);
  await waitForStart(proc);
  const { db } = connectDb(tdb.url, 4);
  const checkpoint = async () => Number((await db.selectFrom('consumer_checkpoints').select('last_id').where('consumer', '=', 'customers.timeline').executeTakeFirst())?.last_id ?? 0);

  let produced = 0;
  let killedAt = -1;
  while (produced < TOTAL) {
    await db.transaction().execute((trx) => emit(trx, 'tenant-crash', Array.from({ length: BATCH }, (_, i) => ({
      type: 'customer.updated', aggregateType: 'customer', aggregateId: `c-${(produced + i) % 997}`, payload: { fields: ['remark'], n: produced + i },
    }))));
    produced += BATCH;
    if (killedAt < 0 && (await checkpoint()) > 2_000) {
      proc.child.kill('SIGKILL'); // mid-stream: the consumer is busy and events keep arriving
      await proc.exited;
      killedAt = await checkpoint();
    }
  }
  // On a slow machine the producer may finish first: the consumer is still mid-stream then.
  for (const until = Date.now() + 60_000; killedAt < 0 && Date.now() < until;) {
    if ((await checkpoint()) > 2_000) {
      proc.child.kill('SIGKILL');
      await proc.exited;
      killedAt = await checkpoint();
    } else await new Promise((r) => setTimeout(r, 5));
  }
  assert.ok(killedAt > 0, 'the server was killed while consuming');
  assert.ok(killedAt < TOTAL, `killed before the end (checkpoint ${killedAt})`);
  const before = Number((await db.selectFrom('timeline_entries').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.ok(before < TOTAL, 'work was left for the restart');

  proc = runSiyu(['start', '--no-build'], env);
  await waitForStart(proc);
  const deadline = Date.now() + 120_000;
  let count = 0;
  while (Date.now() < deadline) {
    count = Number((await db.selectFrom('timeline_entries').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (count >= TOTAL) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 500)); // had anything been doubled, it would show now
  const stats = await db.selectFrom('timeline_entries')
    .select([db.fn.countAll().as('n'), db.fn.count('event_id').distinct().as('distinct_events')]).executeTakeFirstOrThrow();
  assert.equal(Number(stats.n), TOTAL, 'nothing lost');
  assert.equal(Number(stats.distinct_events), TOTAL, 'nothing doubled');
  const maxId = Number((await db.selectFrom('outbox_events').select(db.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
  assert.equal(await checkpoint(), maxId, 'checkpoint at the last event');
  proc.child.kill('SIGTERM');
  assert.equal(await proc.exited, 0, 'a clean stop on SIGTERM');
  await db.destroy();
});
