// Retention of rejected import rows: each keeps the raw export line, which holds a buyer's name,
// address or phone as the platform exported it. Kept `config.retention.importRejectsDays` after
// the import ended — long enough to download the Excel of rejects and fix the file — then
// deleted in batches, each statement committing alone.
import type { Deps } from '../../deps.ts';
import { cutoff, pruneInBatches } from '../../core/index.ts';
import { commerceDb } from './commerce.tables.ts';
import * as repo from './imports.repo.ts';

export async function pruneImportRejects(deps: Deps, batch?: number): Promise<number> {
  const before = cutoff(deps.clock.now(), deps.config.retention.importRejectsDays);
  return pruneInBatches((n) => repo.deleteOldRejects(commerceDb(deps.db), before, n), batch);
}
