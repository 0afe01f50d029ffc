// Which consumers and jobs run in a worker process: each module contributes through its index.
import type { Deps } from './deps.ts';
import type { Consumer, JobSpec } from './core/index.ts';
import { timelineConsumer, tagTokensConsumer } from './modules/customers/index.ts';
import { pruneSessions } from './modules/tenancy/index.ts';
import { AppError, pruneRateLimits } from './core/index.ts';
import { processPendingCallbacks, tenantsWithPendingCallbacks, connectedTenants, requestSync, SYNC_TASK } from './modules/channel/index.ts';
import { handleWecomCallback } from './flows/wecom-events.flow.ts';
import { runSync } from './flows/wecom-sync.flow.ts';
import { runImportJob, IMPORT_TASK, sweepStalledImports, SWEEP_IMPORTS_TASK, runSyncShopJob, syncDueShops, SYNC_SHOP_TASK } from './modules/commerce/index.ts';

export const consumers: Consumer[] = [timelineConsumer, tagTokensConsumer];

export const CALLBACKS_TASK = 'channel.process-callbacks';

/** Asks a worker to work through a tenant's new callbacks: one queue per tenant keeps them in order. */
export async function kickCallbacks(deps: Deps, tenantId: string) {
  await deps.jobs?.add(CALLBACKS_TASK, { tenantId }, { jobKey: `wecom-callbacks:${tenantId}`, queueName: `wecom:${tenantId}`, maxAttempts: 25 });
}

/** Queues an API sync of one shop now (the connectors' job). */
export async function syncShopNow(deps: Deps, tenantId: string, shopId: string) {
  await deps.jobs?.add(SYNC_SHOP_TASK, { tenantId, shopId }, { jobKey: `commerce-sync:${shopId}`, queueName: `commerce-sync:${shopId}` });
}

export function jobSpec(deps: Deps): JobSpec {
  return {
    tasks: {
      'tenancy.prune-sessions': async () => {
        await pruneSessions(deps);
        await pruneRateLimits(deps.db);
      },
      [CALLBACKS_TASK]: async (payload) => {
        await processPendingCallbacks(deps, (payload as { tenantId: string }).tenantId, handleWecomCallback);
      },
      // A safety net: callbacks stored by a process without workers, or left by a crash.
      'channel.sweep-callbacks': async () => {
        for (const tenantId of await tenantsWithPendingCallbacks(deps)) await kickCallbacks(deps, tenantId);
      },
      // Callbacks can be lost (WeCom gives up after its retries): a nightly full sync reconciles.
      'channel.nightly-sync': async () => {
        for (const tenantId of await connectedTenants(deps)) {
          await requestSync(deps, null, tenantId, 'full').catch((err) => {
            if (!(err instanceof AppError && err.code === 'SYNC_RUNNING')) throw err;
          });
        }
      },
      [SYNC_SHOP_TASK]: async (payload) => {
        await runSyncShopJob(deps, payload as { tenantId: string; shopId: string });
      },
      // Shops with API sync enabled are synced on their own interval (each shop its own queue).
      'commerce.sync-due': async () => {
        await syncDueShops(deps);
      },
      // Imports whose process died are failed and their uploaded files removed.
      [SWEEP_IMPORTS_TASK]: async () => {
        await sweepStalledImports(deps);
      },
      [IMPORT_TASK]: async (payload) => {
        const p = payload as { tenantId: string; importId: string };
        await runImportJob(deps, p.tenantId, p.importId);
      },
      [SYNC_TASK]: async (payload, helpers) => {
        const p = payload as { tenantId: string; runId: string };
        await runSync(deps, p.tenantId, p.runId, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
      },
    },
    crontab: [
      { task: 'tenancy.prune-sessions', match: '17 * * * *', identifier: 'prune-sessions' },
      { task: 'channel.sweep-callbacks', match: '* * * * *', identifier: 'sweep-callbacks' },
      { task: 'commerce.sync-due', match: '* * * * *', identifier: 'commerce-sync-due' },
      { task: SWEEP_IMPORTS_TASK, match: '*/5 * * * *', identifier: 'commerce-sweep-imports' },
      { task: 'channel.nightly-sync', match: '30 19 * * *', identifier: 'nightly-sync' }, // 03:30 in Asia/Shanghai (cron runs in UTC)
    ],
  };
}
