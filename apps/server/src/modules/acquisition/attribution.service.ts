// Attribution's work: keeping the copy of commerce's orders current (new and changed orders are
// attributed as they are read), the full re-attribution after a window change, and the settings.
import type { Deps } from '../../deps.ts';
import { invalid } from '../../core/index.ts';
import { listTenants, requireRole, type Actor } from '../tenancy/index.ts';
import { ordersForAttribution } from '../commerce/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import * as repo from './attribution.repo.ts';

export const ATTRIBUTE_ORDERS_TASK = 'acquisition.attribute-orders';
export const REATTRIBUTE_TASK = 'acquisition.reattribute';
const PAGE = 5_000;

/**
 * Reads the orders commerce changed since the tenant's cursor, a page per transaction, and
 * re-attributes the customers they belong to now and belonged to before. The cursor stops before
 * the first order a still-running transaction may yet be joined by (see commerce's orders-feed).
 * Returns the orders read.
 */
export async function catchUpOrders(deps: Deps, tenantId: string): Promise<number> {
  let read = 0;
  for (;;) {
    const { n, more } = await acquisitionDb(deps.db).transaction().execute(async (trx) => {
      await repo.lockTenant(trx, tenantId);
      const s = await repo.settingsForUpdate(trx, tenantId);
      const rows = await ordersForAttribution({ db: trx }, tenantId, s.ordersAfter, PAGE);
      if (rows.length === 0) return { n: 0, more: false };
      const before = await repo.saveOrderFacts(trx, tenantId, rows);
      const customers = new Set([...before, ...rows.flatMap((r) => (r.customerId ? [r.customerId] : []))]);
      await repo.attributeCustomers(trx, tenantId, { ids: [...customers].sort() }, s.windowDays);
      const settled = rows.filter((r) => r.settled);
      const last = settled[settled.length - 1];
      if (last) await repo.saveOrdersCursor(trx, tenantId, last.updatedAt, last.orderId);
      return { n: rows.length, more: rows.length === PAGE && settled.length === rows.length };
    });
    read += n;
    if (!more) return read;
  }
}

/** Every tenant's new orders (the cron job). */
export async function catchUpAllOrders(deps: Deps) {
  for (const t of await listTenants(deps)) await catchUpOrders(deps, t.tenant_id);
}

export type ReattributeOptions = { batchOrders?: number; concurrency?: number };

/**
 * Re-attributes all of a tenant's orders with the current window: set-based SQL per customer
 * range of about `batchOrders` orders, each range in its own transaction (a long writing
 * transaction would hold back every outbox consumer), `concurrency` ranges at a time.
 * Returns the attribution rows written.
 */
export async function reattributeAll(deps: Deps, tenantId: string, opts: ReattributeOptions = {}): Promise<{ rows: number; batches: number }> {
  const db = acquisitionDb(deps.db);
  const size = opts.batchOrders ?? 50_000;
  const days = await repo.windowDays(db, tenantId);
  const ranges: Array<{ from: string | null; to: string | null }> = [];
  for (let from: string | null = null; ;) {
    const to = await repo.nextBoundary(db, tenantId, from, size);
    ranges.push({ from, to });
    if (to === null) break;
    from = to;
  }
  // The first range starts at null (unbounded) and so does the last end: customers whose orders
  // all moved away lose their rows too.
  let rows = 0;
  let next = 0;
  const worker = async () => {
    while (next < ranges.length) {
      const r = ranges[next++];
      const written = await db.transaction().execute(async (trx) => {
        await repo.lockTenant(trx, tenantId, true);
        return repo.attributeCustomers(trx, tenantId, r, days);
      });
      rows += written;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  return { rows, batches: ranges.length };
}

export async function attributionSettings(deps: Deps, actor: Actor) {
  return { windowDays: await repo.windowDays(acquisitionDb(deps.db), actor.tenantId) };
}

/** A new window: saved, then every order is attributed again by a job. */
export async function setAttributionWindow(deps: Deps, actor: Actor, days: number) {
  requireRole(actor, 'admin');
  if (!Number.isInteger(days) || days < 1 || days > 365) throw invalid('归因窗口须为 1–365 天');
  await repo.saveWindow(acquisitionDb(deps.db), actor.tenantId, days);
  // A process without workers (HTTP only) does it now; the job key folds repeated changes into one run.
  if (deps.jobs) await deps.jobs.add(REATTRIBUTE_TASK, { tenantId: actor.tenantId }, { jobKey: `acquisition-reattribute:${actor.tenantId}` });
  else await reattributeAll(deps, actor.tenantId);
  return { windowDays: days };
}
