// The sync driver: one shop, incrementally by modified time, from where the last run stopped
// (shop.synced_until) to now minus a safety lag.
//
// - Windows: the first starts OVERLAP before the checkpoint, so an order the platform stamped with a
//   modified time just before our last window end but made visible after we read it is caught; the
//   rest follow back to back, each ≤ the connector's window (≤ the platform's limit). First sync:
//   a lookback (30 days by default). The end trails now by a safety lag (PDD's doc: ≥ 3 min),
//   because a platform's search lags its writes and because page-number paging is only safe over
//   windows whose orders can leave but never enter (the package's paging.ts).
// - Pages: each page is written with writeOrders — its own transaction — and the checkpoint
//   (window + the connector's cursor) is saved right after. Not in the same transaction: the writer
//   opens one and Kysely cannot nest them. A crash between the two re-reads at most that one page on
//   resume, and the writer is idempotent (content hash), so nothing is doubled. When a window is
//   done, synced_until moves to its end.
// - Pace and retries: calls for a shop are spaced and the platform's busy / limit answers retried
//   with backoff (the connector context, @siyu/platform-connectors). Auth failures stop the run with
//   a Chinese message on the shop.
import type { Deps } from '../../deps.ts';
import { PLATFORM_NAMES, type Platform } from '@siyu/order-exports';
import { ConnectorError, connectorContext, connectorFor, missingCredentialFields, missingCredentials, type Cursor, type RetryPolicy, type Window } from '@siyu/platform-connectors';
import { addStats, emptyStats, writeOrders, type WriteStats } from './order-writer.ts';
import { saveSyncProgress, shopForSync, shopsDueForSync } from './shops.service.ts';

export const SYNC_SHOP_TASK = 'commerce.sync-shop';
export const SAFETY_LAG_MS = 3 * 60_000;
export const OVERLAP_MS = 5 * 60_000;
export const DEFAULT_LOOKBACK_DAYS = 30;

export type SyncOptions = {
  until?: Date; // default: now − SAFETY_LAG_MS
  lookbackDays?: number; // first sync only
  pageSize?: number; // default 100 (every platform's maximum)
  minIntervalMs?: number; // default: the connector's
  retry?: Partial<RetryPolicy>;
};
export type SyncResult = { pages: number; orders: WriteStats; syncedUntil: Date };

type Checkpoint = { window?: { start: string; end: string }; cursor?: Cursor };

const second = (ms: number) => Math.floor(ms / 1000) * 1000;

function windows(from: number, until: number, size: number): Window[] {
  const out: Window[] = [];
  for (let s = from; s < until; s += size) out.push({ start: new Date(s), end: new Date(Math.min(s + size, until)) });
  return out;
}

function shopError(platform: Platform, err: unknown): string {
  if (err instanceof ConnectorError) return err.kind === 'retry' ? `${err.message}，多次重试仍失败，稍后会自动再试。` : err.message;
  return `${PLATFORM_NAMES[platform]}订单同步中断：${(err as Error).message ?? String(err)}`;
}

export async function syncShop(deps: Deps, tenantId: string, shopId: string, opts: SyncOptions = {}): Promise<SyncResult> {
  const shop = await shopForSync(deps, tenantId, shopId);
  const connector = connectorFor(shop.platform);
  const now = deps.clock.now().getTime();
  const until = second(opts.until?.getTime() ?? now - (deps.config.orderSyncLagSeconds ?? SAFETY_LAG_MS / 1000) * 1000);
  const saved = shop.checkpoint as Checkpoint;
  let checkpoint: Checkpoint = saved.window ? saved : {};
  let syncedUntil = shop.syncedUntil ?? null;
  let pages = 0;
  let stats = emptyStats();
  // The connector sees the platform, the shop's platform id and its credentials: nothing of the row.
  const target = { platform: shop.platform, externalId: shop.externalId, credentials: shop.credentials };
  const ctx = connectorContext(target, {
    baseUrl: shop.apiBaseUrl, pageSize: opts.pageSize, minIntervalMs: opts.minIntervalMs, retry: opts.retry, paceKey: `shop:${shop.id}`,
    now: () => deps.clock.now(),
    onRetry: (err, attempt) => deps.log.warn({ shopId, platform: shop.platform, attempt, detail: err.detail }, 'order sync: platform busy, retrying'),
  });
  const write = { tenantId, shopId, platform: shop.platform, importId: null, source: 'api' as const };
  const save = (p: { syncedUntil?: Date; error?: string | null; finished?: boolean }) => saveSyncProgress(deps, tenantId, shopId, { ...p, checkpoint });

  try {
    const missing = missingCredentialFields(target);
    if (missing.length) throw missingCredentials(shop.platform, missing.map((f) => f.label));
    const from = syncedUntil ? second(syncedUntil.getTime() - OVERLAP_MS) : second(until - (opts.lookbackDays ?? DEFAULT_LOOKBACK_DAYS) * 86_400_000);
    // A run that stopped mid-window resumes that window at its cursor, then carries on after it.
    const resume = checkpoint.window ? { start: new Date(checkpoint.window.start), end: new Date(checkpoint.window.end) } : null;
    const queue = resume ? [resume, ...windows(resume.end.getTime(), until, connector.windowMs)] : windows(from, until, connector.windowMs);
    let cursor: Cursor | null = resume ? checkpoint.cursor ?? null : null;

    while (queue.length > 0) {
      const w = queue.shift()!;
      for (;;) {
        const page = await connector.fetchPage(ctx, w, cursor);
        pages++;
        if (page.tooMany) {
          // More rows than the API can page through: halve the window (not saved — a resume recomputes it).
          const mid = second((w.start.getTime() + w.end.getTime()) / 2);
          if (mid <= w.start.getTime()) throw new ConnectorError('fatal', `${PLATFORM_NAMES[shop.platform]}：一秒内修改的订单超过接口可翻页的上限，无法同步`);
          queue.unshift({ start: w.start, end: new Date(mid) }, { start: new Date(mid), end: w.end });
          cursor = null;
          break;
        }
        if (page.records.length > 0) stats = addStats(stats, await writeOrders(deps, write, page.records));
        cursor = page.next;
        if (cursor) {
          checkpoint = { window: { start: w.start.toISOString(), end: w.end.toISOString() }, cursor };
          await save({});
          continue;
        }
        checkpoint = {};
        if (!syncedUntil || w.end > syncedUntil) syncedUntil = w.end;
        await save({ syncedUntil });
        break;
      }
    }
    await save({ error: null, finished: true });
    deps.log.info({ shopId, platform: shop.platform, pages, ...stats }, 'order sync done');
    return { pages, orders: stats, syncedUntil: syncedUntil ?? new Date(until) };
  } catch (err) {
    await save({ error: shopError(shop.platform, err), finished: true });
    throw err;
  }
}

/** The job: auth failures are on the shop and will not heal by retrying, so they end the job quietly. */
export async function runSyncShopJob(deps: Deps, payload: { tenantId: string; shopId: string }): Promise<void> {
  try {
    await syncShop(deps, payload.tenantId, payload.shopId);
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'auth') {
      deps.log.warn({ shopId: payload.shopId, err: err.message }, 'order sync: credentials refused');
      return;
    }
    throw err;
  }
}

/** Queues a sync for every shop whose interval has passed; one queue per shop keeps its runs in order. */
export async function syncDueShops(deps: Deps): Promise<number> {
  const due = await shopsDueForSync(deps);
  for (const s of due) {
    await deps.jobs?.add(SYNC_SHOP_TASK, { tenantId: s.tenant_id, shopId: s.id }, { jobKey: `commerce-sync:${s.id}`, queueName: `commerce-sync:${s.id}` });
  }
  return due.length;
}
