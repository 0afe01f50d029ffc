// The demo brand: 固元堂滋补旗舰 (an invented tonic brand) with its team, tags and tens of
// thousands of customers, so every page of the console has data on first start. Also used by
// the benchmark at a million customers, which is why customers are bulk-loaded.
import type { Deps } from '../deps.ts';
import { AppError } from '../core/index.ts';
import { eraseTenant } from '../db/erase-tenant.ts';
import { createRng, createIdSource } from './random.ts';
import { createTenant, findTenantBySlug, countCustomers, vacuumCustomerTables, vacuumTagAssignments } from './ports.ts';
import { DEMO_CORP_ID, DEMO_NAME, DEMO_PASSWORD, DEMO_SLUG } from './brand.ts';
import { seedOrg } from './org.ts';
import { seedTags } from './tags.ts';
import { arrivalTimes } from './arrivals.ts';
import { createGenerator, type CustomerBatch } from './customer-gen.ts';
import { loadBatch } from './customer-load.ts';
import { seedDemoOrders } from './orders.ts';

export { startDemoWecom, goLive, simStateFile, type DemoWecom } from './wecom.ts';
export { CATALOGUE, PRODUCT_LINES, PURCHASE_TAGS, skuTitle, type CatalogueSku, type ProductLine } from './catalogue.ts';
export { DEMO_SLUG, DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_NAME, DEMO_CORP_ID } from './brand.ts';

export type SeedOptions = {
  slug?: string;
  name?: string;
  customers?: number;
  /** Write the outbox events the timeline is built from (default true; the benchmark skips them). */
  events?: boolean;
  /** Write the demo's order history on its three shops (default true; the list benchmark skips it). */
  orders?: boolean;
  /** Seed of the PRNG: the same seed and size give the same people, tags and times. */
  seed?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
};

const CHUNK = 5_000;
// Two batches in flight: PostgreSQL works on both (one core each when free) while Node builds
// the next; measured on 2 cores, a third loader only adds contention.
const LOADERS = 2;

export async function seedDemoTenant(deps: Deps, opts: SeedOptions = {}): Promise<{ tenantId: string; customers: number }> {
  const slug = opts.slug ?? DEMO_SLUG;
  const total = Math.max(0, Math.floor(opts.customers ?? 50_000));
  const progress = opts.onProgress ?? (() => undefined);
  const rng = createRng(opts.seed ?? 20_260_101);
  const now = deps.clock.now();

  progress('企业', 0, 1);
  const { tenantId } = await createTenant(deps, { slug, name: opts.name ?? DEMO_NAME });
  progress('企业', 1, 1);
  try {
    progress('员工与部门', 0, 1);
    const { owner, staff } = await seedOrg(deps, tenantId, DEMO_PASSWORD, rng);
    progress('员工与部门', 1, 1);

    progress('标签', 0, 1);
    const tags = await seedTags(deps, owner);
    progress('标签', 1, 1);

    const times = arrivalTimes(rng, total, now);
    const batch = createGenerator({
      rng, ids: createIdSource(), pii: deps.pii, now, corpId: DEMO_CORP_ID, events: opts.events ?? true, times, staff, tags,
    });
    // Generate the next batch while the database writes the previous ones; at most LOADERS
    // batches are in flight, so memory stays flat at any size.
    progress('客户', 0, total);
    const inflight = new Set<Promise<void>>();
    let loaded = 0;
    for (let from = 0; from < total; from += CHUNK) {
      const b: CustomerBatch = await batch(from, Math.min(total, from + CHUNK));
      while (inflight.size >= LOADERS) await Promise.race(inflight);
      const p: Promise<void> = loadBatch(deps, tenantId, b).then(() => {
        inflight.delete(p);
        loaded += b.size;
        progress('客户', loaded, total);
      });
      p.catch(() => undefined); // awaited below; this only prevents an early unhandled rejection
      inflight.add(p);
    }
    await Promise.all(inflight);

    if (opts.orders ?? true) {
      progress('订单', 0, 1);
      await seedDemoOrders(deps, tenantId, (done, n) => progress('订单', done, n));
    }

    // VACUUM flushes the search index's pending list and sets the visibility map; ANALYZE gives
    // the planner real statistics before the first page is opened.
    progress('统计信息', 0, 1);
    await vacuumCustomerTables(deps);
    await vacuumTagAssignments(deps);
    progress('统计信息', 1, 1);
  } catch (err) {
    // A half-seeded demo would be reused by the next start: remove it so that start seeds again.
    await eraseTenant(deps.db, tenantId).catch(() => undefined);
    throw err;
  }
  return { tenantId, customers: total };
}

/** Seeds the demo brand unless its slug exists already: a second start reuses the data. */
export async function ensureDemoTenant(deps: Deps, opts: SeedOptions = {}): Promise<{ tenantId: string; customers: number; created: boolean }> {
  const slug = opts.slug ?? DEMO_SLUG;
  const existing = await findTenantBySlug(deps, slug);
  if (existing) return { tenantId: existing.tenant_id, customers: await countCustomers(deps, existing.tenant_id), created: false };
  try {
    return { ...(await seedDemoTenant(deps, opts)), created: true };
  } catch (err) {
    // Another process started at the same moment and took the slug: use its brand.
    const other = err instanceof AppError && err.code === 'CONFLICT' ? await findTenantBySlug(deps, slug) : undefined;
    if (other) return { tenantId: other.tenant_id, customers: await countCustomers(deps, other.tenant_id), created: false };
    throw err;
  }
}
