// Event consumers with their own checkpoints. Each batch is handled in ONE transaction that also
// advances the checkpoint, so a crash either keeps the whole batch's effects and the new
// checkpoint, or neither: nothing lost, nothing doubled.
//
// Ordering: an identity id is taken when a row is inserted, and a transaction's id (xid) when it
// first writes — neither when it commits, so a later id can commit first, and a transaction that
// took its xid earlier can insert its row later. We read only events whose writing transaction is
// older than every transaction still running (tx_id < xmin of the current snapshot): those rows
// are final, and every row still to come has a larger tx_id. Reading in (tx_id, id) order with the
// checkpoint a position in that order therefore never passes over an event that appears later; a
// slow writer holds the consumer back instead of being skipped. (Id order could: a row of an old
// transaction, inserted after a younger one's row that was already read, would land below it.)
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
    const cp = await trx.selectFrom('consumer_checkpoints').select(['last_tx', 'last_id'])
      .where('consumer', '=', consumer.name).forUpdate().executeTakeFirstOrThrow();
    const rows = await trx.selectFrom('outbox_events').selectAll()
      .where(sql<boolean>`(tx_id, id) > (${cp.last_tx}::xid8, ${cp.last_id}::bigint)`)
      .where(sql<boolean>`tx_id < pg_snapshot_xmin(pg_current_snapshot())`)
      .orderBy('tx_id').orderBy('id').limit(consumer.batchSize ?? 500).execute();
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
      .set({ last_tx: rows[rows.length - 1].tx_id, last_id: rows[rows.length - 1].id, updated_at: new Date() })
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
