// Works through a tenant's stored callbacks in arrival order. Each callback's effects and its
// "processed" mark commit together, so a crash repeats a callback at most as a whole — and the
// handlers are upserts, so a repeat changes nothing. A callback that keeps failing is set aside
// as 'failed' after MAX_ATTEMPTS so it cannot block the ones behind it forever.
import type { Deps } from '../../deps.ts';
import * as repo from './callbacks.repo.ts';
import { channelDb } from './channel.tables.ts';

export const MAX_ATTEMPTS = 5;
const BATCH = 100;

export type CallbackOutcome = 'processed' | 'ignored';
/** Work before the transaction (WeCom API reads), then the writes inside it. */
export type CallbackHandler = (deps: Deps, tenantId: string, xml: string) => Promise<(trxDeps: Deps) => Promise<CallbackOutcome>>;

export async function processPendingCallbacks(deps: Deps, tenantId: string, handle: CallbackHandler): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await repo.pendingCallbacks(deps.db, tenantId, BATCH);
    if (rows.length === 0) return done;
    for (const row of rows) {
      try {
        const write = await handle(deps, tenantId, row.payload);
        await channelDb(deps.db).transaction().execute(async (trx) => {
          const outcome = await write({ ...deps, db: trx });
          await repo.markCallback(trx, tenantId, row.id, outcome, null, deps.clock.now());
        });
        done++;
      } catch (err) {
        const message = (err as Error).message ?? String(err);
        const giveUp = row.attempts + 1 >= MAX_ATTEMPTS;
        await repo.markCallback(deps.db, tenantId, row.id, giveUp ? 'failed' : 'pending', message, deps.clock.now());
        deps.log.warn({ tenantId, callbackId: row.id, err }, giveUp ? 'WeCom callback failed for good' : 'WeCom callback failed; will retry');
        // Stop here: later callbacks may depend on this one (add before delete). The job retries.
        if (!giveUp) throw err;
      }
    }
  }
}

export const tenantsWithPendingCallbacks = (deps: Deps) => repo.tenantsWithPending(deps.db);
