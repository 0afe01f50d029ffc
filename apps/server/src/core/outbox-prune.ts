// Pruning the outbox. An event may go once every registered consumer has read past it AND it
// occurred more than the retention ago: consumers added later (segments, journeys) start from
// the history that is kept. Deletes walk the id index upwards in batches, each its own statement.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { cutoff, pruneInBatches } from './retention.ts';

/**
 * The highest event id that every consumer in `consumers` has read. A consumer without a
 * checkpoint row has read nothing yet (0), so it holds back the whole outbox; checkpoints of
 * consumers no longer registered hold back nothing. With no consumers at all, every event is read.
 */
export async function consumedUpTo(db: Db, consumers: string[]): Promise<number> {
  if (consumers.length === 0) {
    const { rows } = await sql<{ n: number | null }>`select max(id) as n from outbox_events`.execute(db);
    return Number(rows[0]?.n ?? 0);
  }
  const { rows } = await sql<{ n: number | null }>`
    select min(coalesce(cp.last_id, 0)) as n
    from unnest(${consumers}::text[]) as c(name) left join consumer_checkpoints cp on cp.consumer = c.name`.execute(db);
  return Number(rows[0]?.n ?? 0);
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
export async function pruneOutbox(db: Db, opts: OutboxPrune): Promise<{ deleted: number; consumedUpTo: number }> {
  const upTo = await consumedUpTo(db, opts.consumers);
  const olderThan = cutoff(opts.now, opts.keepDays);
  let after = 0;
  const deleted = await pruneInBatches(async (batch) => {
    // Ids ascending from where the last batch ended: an event kept because it is recent is
    // passed over once, not read again by every batch.
    const { rows } = await sql<{ n: number; last: number | null }>`
      with doomed as (
        select tenant_id, id from outbox_events
        where id > ${after} and id <= ${upTo} and occurred_at < ${olderThan}
        order by id limit ${batch}
      ), gone as (
        delete from outbox_events o using doomed d where o.tenant_id = d.tenant_id and o.id = d.id returning o.id
      )
      select count(*)::int as n, max(id) as last from gone`.execute(db);
    const r = rows[0];
    if (r?.last != null) after = Number(r.last);
    return Number(r?.n ?? 0);
  }, opts.batch);
  return { deleted, consumedUpTo: upTo };
}
