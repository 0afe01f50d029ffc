// Event consumers with their own checkpoints. Each batch is handled in ONE transaction that also
// advances the checkpoint, so a crash either keeps the whole batch's effects and the new
// checkpoint, or neither: nothing lost, nothing doubled.
//
// Ordering: an identity id is taken when a row is inserted, not when its transaction commits, so
// a later id can commit first. We only read events whose writing transaction is older than every
// transaction still running (tx_id < xmin of the current snapshot); a slow writer holds the
// consumer back instead of being skipped.
import { sql } from 'kysely';
import { viewOf, type Db, type Tx } from '../db/connect.ts';
import type { CoreTables } from './core.tables.ts';
import type { StoredEvent } from './events.ts';
import type { Logger } from './logger.ts';

export type Consumer = {
  name: string;
  /** Only these event types are passed to `handle`; the checkpoint moves past the others. */
  types?: string[];
  batchSize?: number;
  handle: (trx: Tx, events: StoredEvent[]) => Promise<void>;
};

/** Processes one batch; returns how many events it read (0 = caught up). */
export async function runConsumerOnce(db: Db, consumer: Consumer): Promise<number> {
  return viewOf<CoreTables>(db).transaction().execute(async (trx) => {
    await trx.insertInto('consumer_checkpoints').values({ consumer: consumer.name, last_id: 0 })
      .onConflict((oc) => oc.column('consumer').doNothing()).execute();
    // FOR UPDATE: two processes running the same consumer take turns instead of doubling.
    const cp = await trx.selectFrom('consumer_checkpoints').select('last_id')
      .where('consumer', '=', consumer.name).forUpdate().executeTakeFirstOrThrow();
    const rows = await trx.selectFrom('outbox_events').selectAll()
      .where('id', '>', cp.last_id)
      .where(sql<boolean>`tx_id < pg_snapshot_xmin(pg_current_snapshot())`)
      .orderBy('id').limit(consumer.batchSize ?? 500).execute();
    if (rows.length === 0) return 0;
    const wanted = consumer.types ? new Set(consumer.types) : null;
    const events: StoredEvent[] = rows
      .filter((r) => !wanted || wanted.has(r.type))
      .map((r) => ({
        tenantId: r.tenant_id, id: r.id, type: r.type, aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id, payload: r.payload as Record<string, unknown>,
        actorId: r.actor_id, occurredAt: r.occurred_at,
      }));
    if (events.length > 0) await consumer.handle(trx, events);
    await trx.updateTable('consumer_checkpoints')
      .set({ last_id: rows[rows.length - 1].id, updated_at: new Date() })
      .where('consumer', '=', consumer.name).execute();
    return rows.length;
  });
}

/** Polls every consumer until stopped; a busy consumer loops without sleeping. */
export function startConsumers(db: Db, consumers: Consumer[], log: Logger, intervalMs = 200): { stop: () => Promise<void> } {
  let stopping = false;
  const loops = consumers.map(async (c) => {
    while (!stopping) {
      let n = 0;
      try {
        n = await runConsumerOnce(db, c);
      } catch (err) {
        if (stopping) break;
        log.error({ err, consumer: c.name }, 'consumer batch failed; will retry');
      }
      if (n === 0 && !stopping) await new Promise((r) => setTimeout(r, intervalMs));
    }
  });
  return {
    stop: async () => {
      stopping = true;
      await Promise.allSettled(loops);
    },
  };
}
