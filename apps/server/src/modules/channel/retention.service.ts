// Retention of the callback inbox: a finished callback (processed, ignored or set aside as
// failed) is kept for the callback log's window and then deleted with its decrypted plaintext,
// which is personal data. A pending callback is never deleted, however old: it is work not yet
// done. Deleting a row also frees its dedupe key, which is harmless: the intake refuses any
// callback whose timestamp is more than MAX_CLOCK_SKEW_S old, so a WeCom retry that old never
// reaches the inbox.
import type { Deps } from '../../deps.ts';
import { cutoff, pruneInBatches, PRUNE_BATCH } from '../../core/index.ts';
import * as repo from './callbacks.repo.ts';
import { channelDb } from './channel.tables.ts';

/** Deletes finished callbacks older than `config.retention.callbacksDays`, in batches; returns how many. */
export async function pruneCallbacks(deps: Deps, opts: { batch?: number } = {}): Promise<number> {
  const db = channelDb(deps.db);
  const before = cutoff(deps.clock.now(), deps.config.retention.callbacksDays);
  let total = 0;
  for (const tenantId of await repo.tenantsWithCallbacks(db)) {
    total += await pruneInBatches((n) => repo.deleteFinishedCallbacks(db, tenantId, before, n), opts.batch ?? PRUNE_BATCH);
  }
  return total;
}
