// Shops: one per platform store. API credentials are sealed at rest and write-only; the sync
// checkpoint (modified-time high-water mark plus the connector's own cursor) lives on the row.
import type { Shop, ShopInput } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { audit, conflict, newId, notFound } from '../../core/index.ts';
import { requireRole, type Actor } from '../tenancy/index.ts';
import * as repo from './shops.repo.ts';
import { shopCounts as keptShopCounts } from './shop-buyers.ts';
import { PLATFORM_NAMES, type Platform } from '@siyu/order-exports';

export { PLATFORM_NAMES };

type ShopRow = NonNullable<Awaited<ReturnType<typeof repo.findShop>>>;

function toApi(s: ShopRow, counts: { orders: number; buyers: number } | undefined, friends: number): Shop {
  return {
    id: s.id, platform: s.platform as Platform, name: s.name, externalId: s.external_id, hasCredentials: !!s.credentials_enc,
    apiBaseUrl: s.api_base_url, syncEnabled: s.sync_enabled, syncIntervalMinutes: s.sync_interval_minutes,
    lastSyncAt: s.last_sync_at?.toISOString() ?? null, lastSyncError: s.last_sync_error, syncedUntil: s.synced_until?.toISOString() ?? null,
    orderCount: counts?.orders ?? 0, buyerCount: counts?.buyers ?? 0, friendCount: friends, createdAt: new Date(s.created_at).toISOString(),
  };
}

export async function listShops(deps: Deps, actor: Actor, friendsByShop: Map<string, number> = new Map()): Promise<Shop[]> {
  const [rows, counts] = await Promise.all([repo.listShops(deps.db, actor.tenantId), keptShopCounts(deps, actor.tenantId)]);
  return rows.map((s) => toApi(s, counts.get(s.id), friendsByShop.get(s.id) ?? 0));
}

export async function createShop(deps: Deps, actor: Actor, input: ShopInput): Promise<Shop> {
  requireRole(actor, 'admin');
  if (await repo.findShopByName(deps.db, actor.tenantId, input.platform, input.name)) throw conflict(`${PLATFORM_NAMES[input.platform]}店铺「${input.name}」已存在`);
  const id = newId();
  await repo.insertShop(deps.db, {
    tenant_id: actor.tenantId, id, platform: input.platform, name: input.name, external_id: input.externalId ?? null,
    api_base_url: input.apiBaseUrl ?? null, credentials_enc: input.credentials ? deps.pii.encrypt(JSON.stringify(input.credentials)) : null,
    sync_enabled: input.syncEnabled ?? false, sync_interval_minutes: input.syncIntervalMinutes ?? 30, sync_checkpoint: '{}',
  });
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'shop.create', targetType: 'shop', targetId: id, detail: { platform: input.platform, name: input.name } });
  return toApi((await repo.findShop(deps.db, actor.tenantId, id))!, undefined, 0);
}

export async function updateShop(deps: Deps, actor: Actor, id: string, input: Partial<ShopInput>): Promise<Shop> {
  requireRole(actor, 'admin');
  const s = await repo.findShop(deps.db, actor.tenantId, id);
  if (!s) throw notFound('店铺');
  await repo.updateShop(deps.db, actor.tenantId, id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.externalId !== undefined && { external_id: input.externalId }),
    ...(input.apiBaseUrl !== undefined && { api_base_url: input.apiBaseUrl }),
    ...(input.credentials !== undefined && { credentials_enc: deps.pii.encrypt(JSON.stringify(input.credentials)) }),
    ...(input.syncEnabled !== undefined && { sync_enabled: input.syncEnabled }),
    ...(input.syncIntervalMinutes !== undefined && { sync_interval_minutes: input.syncIntervalMinutes }),
  });
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'shop.update', targetType: 'shop', targetId: id, detail: { fields: Object.keys(input) } });
  return toApi((await repo.findShop(deps.db, actor.tenantId, id))!, undefined, 0);
}

/** The shop an import writes to: the one named, else one per platform (and file shop name) made on first use. */
export async function shopForImport(deps: Deps, tenantId: string, opts: { shopId?: string | null; platform: Platform; shopName?: string | null; externalId?: string | null }): Promise<{ id: string; platform: Platform; name: string }> {
  if (opts.shopId) {
    const s = await repo.findShop(deps.db, tenantId, opts.shopId);
    if (!s) throw notFound('店铺');
    return { id: s.id, platform: s.platform as Platform, name: s.name };
  }
  const name = opts.shopName?.trim() && opts.shopName.trim() !== '0' ? opts.shopName.trim() : `${PLATFORM_NAMES[opts.platform]}店铺`;
  const have = await repo.findShopByName(deps.db, tenantId, opts.platform, name);
  if (have) return { id: have.id, platform: opts.platform, name };
  await repo.insertShop(deps.db, { tenant_id: tenantId, id: newId(), platform: opts.platform, name, external_id: opts.externalId && opts.externalId !== '0' ? opts.externalId : null, sync_checkpoint: '{}' });
  const made = (await repo.findShopByName(deps.db, tenantId, opts.platform, name))!;
  return { id: made.id, platform: opts.platform, name };
}

export type ShopForSync = {
  tenantId: string; id: string; platform: Platform; name: string; externalId: string | null; apiBaseUrl: string | null;
  credentials: Record<string, string>; syncedUntil: Date | null; checkpoint: Record<string, unknown>;
};

/** What a connector needs: the decrypted credentials and where the last sync stopped. */
export async function shopForSync(deps: Deps, tenantId: string, shopId: string): Promise<ShopForSync> {
  const s = await repo.findShop(deps.db, tenantId, shopId);
  if (!s) throw notFound('店铺');
  return {
    tenantId, id: s.id, platform: s.platform as Platform, name: s.name, externalId: s.external_id, apiBaseUrl: s.api_base_url,
    credentials: s.credentials_enc ? JSON.parse(deps.pii.decrypt(s.credentials_enc)) : {}, syncedUntil: s.synced_until, checkpoint: s.sync_checkpoint,
  };
}

/** Saves progress; callers pass deps whose db is the transaction that wrote the page, so both commit together. */
export async function saveSyncProgress(deps: Deps, tenantId: string, shopId: string, p: { syncedUntil?: Date | null; checkpoint: Record<string, unknown>; error?: string | null; finished?: boolean }) {
  await repo.updateShop(deps.db, tenantId, shopId, {
    ...(p.syncedUntil !== undefined && { synced_until: p.syncedUntil }),
    sync_checkpoint: JSON.stringify(p.checkpoint),
    ...(p.error !== undefined && { last_sync_error: p.error }),
    ...(p.finished && { last_sync_at: deps.clock.now() }),
  });
}

export const shopsDueForSync = (deps: Deps) => repo.shopsDueForSync(deps.db, deps.clock.now());

/** A shop by id, or by name (and platform, when two platforms have a shop of that name). */
export async function shopIdByName(deps: Deps, tenantId: string, nameOrId: string, platform?: Platform): Promise<string | null> {
  const all = await repo.listShops(deps.db, tenantId);
  const hit = all.find((s) => s.id === nameOrId) ?? all.find((s) => s.name === nameOrId && (!platform || s.platform === platform));
  return hit?.id ?? null;
}

/** API sync settings set by the system (the demo's live shop), not an operator. */
export async function configureShopSync(deps: Deps, tenantId: string, shopId: string, input: { externalId?: string; apiBaseUrl: string; credentials: Record<string, string>; syncEnabled: boolean; syncIntervalMinutes: number }) {
  await repo.updateShop(deps.db, tenantId, shopId, {
    ...(input.externalId !== undefined && { external_id: input.externalId }),
    api_base_url: input.apiBaseUrl, credentials_enc: deps.pii.encrypt(JSON.stringify(input.credentials)),
    sync_enabled: input.syncEnabled, sync_interval_minutes: input.syncIntervalMinutes,
  });
}
