// Retention of the customer timeline: entries whose event occurred more than
// `config.retention.timelineDays` ago are deleted. The table is walked in page ranges (TID range
// scans), at most `batch` rows per statement, each statement committing alone: no index on the
// time is kept for a nightly job, and a big prune never holds one long transaction.
import type { Deps } from '../../deps.ts';
import { cutoff, PRUNE_BATCH } from '../../core/index.ts';
import * as timeline from './timeline.repo.ts';
import { customersDb } from './customers.tables.ts';

/** Pages per range: 8 MB, a few thousand entries, read in milliseconds. */
const SPAN_PAGES = 1024;

export async function pruneTimeline(deps: Deps, opts: { batch?: number; spanPages?: number } = {}): Promise<number> {
  const db = customersDb(deps.db);
  const batch = opts.batch ?? PRUNE_BATCH;
  const span = opts.spanPages ?? SPAN_PAGES;
  const before = cutoff(deps.clock.now(), deps.config.retention.timelineDays);
  // Rows added while we walk land at the end or in freed space; they are new, so not due anyway.
  const pages = await timeline.timelinePages(db);
  let total = 0;
  for (let from = 0; from < pages;) {
    const to = from + span;
    const { deleted, lastPage } = await timeline.deleteTimelineBefore(db, before, from, to, batch);
    total += deleted;
    // A full batch may have left more in this range: resume at the page of the last row deleted.
    from = deleted < batch || lastPage === null ? to : lastPage;
  }
  return total;
}
