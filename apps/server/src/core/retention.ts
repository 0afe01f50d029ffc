// What every pruning job shares (docs/operations.md, "Retention"). The days each table keeps are
// settings (`config.retention`, config.ts); each module prunes its own tables through its door and
// the composition root schedules the jobs (main.ts, jobSpec).

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
