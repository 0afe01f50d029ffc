// How long what only grows is kept (docs/operations.md, "Retention"), and the batched delete
// every pruning job uses. Each module prunes its own tables through its door; the composition
// root schedules the jobs (main.ts, jobSpec).
import type { Config } from '../config.ts';

/** Days each growing table keeps its rows. */
export type Retention = Readonly<{
  /** Outbox events: kept while a registered consumer has not read them, and at least this long after they occurred. */
  outboxDays: number;
  /** Finished WeCom callbacks (processed, ignored, failed): their decrypted text is personal data. Pending ones stay. */
  callbacksDays: number;
  /** Customer timeline entries, by when the event occurred. */
  timelineDays: number;
  /** Rows an order import rejected: their raw export lines hold buyers' personal data. */
  importRejectsDays: number;
}>;

export const DEFAULT_RETENTION: Retention = Object.freeze({ outboxDays: 30, callbacksDays: 7, timelineDays: 730, importRejectsDays: 90 });

/** The configured retention (`config.retention`), each setting the default when absent. */
export function retentionOf(config: Config): Retention {
  const set = ((config as { retention?: Partial<Retention> }).retention ?? {}) as Partial<Retention>;
  const pick = (k: keyof Retention) => (typeof set[k] === 'number' && set[k]! > 0 ? set[k]! : DEFAULT_RETENTION[k]);
  return { outboxDays: pick('outboxDays'), callbacksDays: pick('callbacksDays'), timelineDays: pick('timelineDays'), importRejectsDays: pick('importRejectsDays') };
}

/** The moment `days` days before `now`: rows older than it may go. */
export const cutoff = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

/**
 * Rows per delete statement. Each statement commits alone, so a large prune never holds its
 * locks or its WAL in one long transaction, and concurrent writers wait for at most one batch.
 */
export const PRUNE_BATCH = 10_000;

/**
 * Runs `step` (one delete of at most `batch` rows, returning how many it deleted) until a step
 * deletes fewer than `batch`; returns the total. `step` must make progress: the rows it deletes
 * are gone, so the next call finds the next ones.
 */
export async function pruneInBatches(step: (batch: number) => Promise<number>, batch = PRUNE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step(batch);
    total += n;
    if (n < batch) return total;
  }
}
