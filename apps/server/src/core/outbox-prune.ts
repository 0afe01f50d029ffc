// Pruning the outbox. An event may go once every registered consumer has read past it AND it
// occurred more than the retention ago: consumers added later (segments, journeys) start from
// the history that is kept. Deletes walk the (tx_id, id) index upwards in batches, each its own statement.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { cutoff, pruneInBatches } from './retention.ts';

/** A position in the outbox's read order, (tx_id, id): what a consumer's checkpoint holds. */
export type OutboxPosition = { tx: string; id: number };

/**
 * The position every consumer in `consumers` has read up to (consumers read in (tx_id, id) order,
 * see consumers.ts). A consumer without a checkpoint row has read nothing yet, so it holds back
 * the whole outbox; checkpoints of consumers no longer registered hold back nothing. With no
 * consumers at all, every event is read.
 */
export async function consumedPosition(db: Db, consumers: string[]): Promise<OutboxPosition> {
  const { rows } = consumers.length === 0
    ? await sql<{ tx: string | null; id: number | null }>`select tx_id::text as tx, id from outbox_events order by tx_id desc, id desc limit 1`.execute(db)
    : await sql<{ tx: string | null; id: number | null }>`
      select coalesce(cp.last_tx, '0')::text as tx, coalesce(cp.last_id, 0) as id
      from unnest(${consumers}::text[]) as c(name) left join consumer_checkpoints cp on cp.consumer = c.name
      order by coalesce(cp.last_tx, '0') asc, coalesce(cp.last_id, 0) asc limit 1`.execute(db);
  return { tx: rows[0]?.tx ?? '0', id: Number(rows[0]?.id ?? 0) };
}

export type OutboxPrune = {
  /** Names of the consumers that read the outbox (main.ts's `consumers`). */
  consumers: string[];
  /** Events that occurred more than this many days before `now` may go, once every consumer has read them. */
  keepDays: number;
  now: Date;
  batch?: number;
};

/** Deletes the events no consumer needs any more and older than the retention; returns how many. */
export async function pruneOutbox(db: Db, opts: OutboxPrune): Promise<{ deleted: number; consumedUpTo: OutboxPosition }> {
  const upTo = await consumedPosition(db, opts.consumers);
  const olderThan = cutoff(opts.now, opts.keepDays);
  let after: OutboxPosition = { tx: '0', id: 0 };
  const deleted = await pruneInBatches(async (batch) => {
    // In read order from where the last batch ended: an event kept because it is recent is
    // passed over once, not read again by every batch.
    const { rows } = await sql<{ n: number; tx: string | null; id: number | null }>`
      with doomed as (
        select tenant_id, id, tx_id from outbox_events
        where (tx_id, id) > (${after.tx}::xid8, ${after.id}::bigint) and (tx_id, id) <= (${upTo.tx}::xid8, ${upTo.id}::bigint)
          and occurred_at < ${olderThan}
        order by tx_id, id limit ${batch}
      ), gone as (
        delete from outbox_events o using doomed d where o.tenant_id = d.tenant_id and o.id = d.id returning o.tx_id, o.id
      ), last as (
        select tx_id::text as tx, id from gone order by tx_id desc, id desc limit 1
      )
      select (select count(*)::int from gone) as n, (select tx from last) as tx, (select id from last) as id`.execute(db);
    const r = rows[0];
    if (r?.tx != null) after = { tx: r.tx, id: Number(r.id) };
    return Number(r?.n ?? 0);
  }, opts.batch);
  return { deleted, consumedUpTo: upTo };
}
