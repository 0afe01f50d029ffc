// The outbox consumer never skips an event whose transaction commits late, and never doubles one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { withTestDeps } from './helpers/db.ts';
import { emit, runConsumerOnce, type Consumer, type StoredEvent } from '../src/core/index.ts';
import type { Deps } from '../src/deps.ts';

let deps: Deps;
let close: () => Promise<void>;
before(async () => ({ deps, close } = await withTestDeps()));
after(async () => close?.());

const seen: number[] = [];
const recorder: Consumer = { name: 'test.recorder', handle: async (_trx, events: StoredEvent[]) => { seen.push(...events.map((e) => e.id)); } };
const ev = (n: number) => ({ type: 'test.happened', aggregateType: 'test', aggregateId: String(n) });

/**
 * Runs a consumer until its checkpoint reaches the newest event. ("Until a batch is empty" is not
 * enough: transaction ids are cluster-wide, so a writer in ANOTHER database of a shared server can
 * hold the consumer back for a moment — by design, it waits rather than skips.)
 */
async function drain(consumer: Consumer) {
  const until = Date.now() + 10_000;
  for (;;) {
    await runConsumerOnce(deps.db, consumer);
    const max = Number((await deps.db.selectFrom('outbox_events').select(deps.db.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
    const cp = Number((await deps.db.selectFrom('consumer_checkpoints').select('last_id').where('consumer', '=', consumer.name).executeTakeFirst())?.last_id ?? 0);
    if (cp >= max) return;
    if (Date.now() > until) throw new Error(`consumer ${consumer.name} stuck at ${cp} < ${max}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('an event committed after a later one is still delivered, in id order', async () => {
  let releaseSlow!: () => void;
  const slowMayCommit = new Promise<void>((r) => (releaseSlow = r));
  let slowInserted!: () => void;
  const inserted = new Promise<void>((r) => (slowInserted = r));
  const slow = deps.db.transaction().execute(async (trx) => {
    await emit(trx, 't1', [ev(1)]); // takes the lower id…
    slowInserted();
    await slowMayCommit; // …but commits last
  });
  await inserted;
  await emit(deps.db, 't1', [ev(2)]);
  while ((await runConsumerOnce(deps.db, recorder)) > 0) { /* drain */ }
  assert.deepEqual(seen, [], 'nothing is delivered while an older transaction is still open');
  releaseSlow();
  await slow;
  await drain(recorder);
  assert.equal(seen.length, 2);
  assert.ok(seen[0] < seen[1]);
  assert.equal(await runConsumerOnce(deps.db, recorder), 0, 'caught up: nothing delivered twice');
});

test('a failing batch leaves the checkpoint where it was and is retried whole', async () => {
  let fail = true;
  const got: number[] = [];
  const flaky: Consumer = { name: 'test.flaky', handle: async (trx, events) => {
    await trx.insertInto('audit_log').values(events.map((e) => ({ tenant_id: 't1', id: `flaky-${e.id}`, actor_id: null, action: 'x', target_type: 'x', detail: '{}' }))).execute();
    if (fail) throw new Error('boom');
    got.push(...events.map((e) => e.id));
  } };
  await emit(deps.db, 't1', [ev(3), ev(4)]);
  await assert.rejects(runConsumerOnce(deps.db, flaky));
  const partial = await deps.db.selectFrom('audit_log').select('id').where('id', 'like', 'flaky-%').execute();
  assert.equal(partial.length, 0, 'the failed batch wrote nothing');
  fail = false;
  await drain(flaky);
  const all = await deps.db.selectFrom('outbox_events').select('id').execute();
  assert.equal(got.length, all.length);
  const written = await deps.db.selectFrom('audit_log').select('id').where('id', 'like', 'flaky-%').execute();
  assert.equal(written.length, all.length);
});

test('an event of an older transaction inserted after a younger one\'s is not passed over', async () => {
  // Older (xid first) writes its row last and commits first; younger's row, with the lower id,
  // commits after the consumer has already read older's. In id order the checkpoint would have
  // moved past younger's row before it became visible.
  const gate = () => { let open!: () => void; const p = new Promise<void>((r) => (open = r)); return { p, open }; };
  const olderHasXid = gate(); const youngerInserted = gate(); const youngerMayCommit = gate();
  const got: number[] = [];
  const c: Consumer = { name: 'test.tx-order', handle: async (_trx, events) => { got.push(...events.map((e) => e.id)); } };
  while ((await runConsumerOnce(deps.db, c)) > 0) { /* start after the events of earlier tests */ }
  got.length = 0;

  const older = deps.db.transaction().execute(async (trx) => {
    await sql`select pg_current_xact_id()`.execute(trx); // takes its xid now
    olderHasXid.open();
    await youngerInserted.p;
    await emit(trx, 't1', [ev(21)]); // a higher id than younger's row
  });
  await olderHasXid.p;
  const younger = deps.db.transaction().execute(async (trx) => {
    await emit(trx, 't1', [ev(20)]); // a younger xid, the lower id
    youngerInserted.open();
    await youngerMayCommit.p;
  });
  await older;
  try {
    // Wait until older's event is read while younger is still open (another test's transaction on
    // the same cluster can hold every consumer back for a moment: xmin is cluster-wide).
    for (const until = Date.now() + 30_000; got.length === 0 && Date.now() < until;) {
      await runConsumerOnce(deps.db, c);
      if (got.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(got.length, 1, "older's event is read while younger is still open");
  } finally {
    // Never leave younger open: an idle transaction would hold back every consumer on the cluster.
    youngerMayCommit.open();
    await younger;
  }
  for (const until = Date.now() + 30_000; got.length < 2 && Date.now() < until;) {
    if ((await runConsumerOnce(deps.db, c)) === 0) await new Promise((r) => setTimeout(r, 20));
  }
  const ids = (await deps.db.selectFrom('outbox_events').select('id').where('aggregate_id', 'in', ['20', '21']).orderBy('id').execute()).map((r) => Number(r.id));
  assert.deepEqual([...got].sort((a, b) => a - b), ids, 'both events are delivered, once each');
});
