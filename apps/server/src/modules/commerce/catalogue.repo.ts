// SQL of the product and SKU catalogue as imports and syncs meet it: find-or-create by key, in bulk.
import { sql } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';

export type ProductSeed = { id: string; key: string; name: string; platform: string };
export type SkuSeed = { id: string; key: string; productKey: string; outerCode: string | null; platformSkuId: string | null; properties: string | null; priceFen: number | null };

/** Inserts the products not known yet; returns key → id for all, and how many were new. */
export async function ensureProducts(db: CommerceDb, tenantId: string, seeds: ProductSeed[]): Promise<{ ids: Map<string, string>; created: number }> {
  if (seeds.length === 0) return { ids: new Map(), created: 0 };
  const made = await sql<{ id: string; key: string }>`
    insert into products (tenant_id, id, key, name, platforms)
    select ${tenantId}, u.id, u.key, u.name, array[u.platform] from unnest(${seeds.map((s) => s.id)}::text[], ${seeds.map((s) => s.key)}::text[],
      ${seeds.map((s) => s.name)}::text[], ${seeds.map((s) => s.platform)}::text[]) as u(id, key, name, platform)
    on conflict (tenant_id, key) do nothing returning id, key`.execute(db);
  const ids = new Map(made.rows.map((r) => [r.key, r.id]));
  const missing = seeds.filter((s) => !ids.has(s.key));
  if (missing.length) {
    const have = await sql<{ id: string; key: string; platforms: string[] }>`
      select id, key, platforms from products where tenant_id = ${tenantId} and key = any(${missing.map((s) => s.key)}::text[])`.execute(db);
    for (const r of have.rows) ids.set(r.key, r.id);
    // A product sold on one more platform: remember it (the console shows where a product sells).
    const more = missing.filter((s) => !have.rows.find((r) => r.key === s.key)?.platforms.includes(s.platform));
    if (more.length) {
      await sql`update products p set platforms = array(select distinct x from unnest(p.platforms || array[u.platform]) x), updated_at = now()
        from unnest(${more.map((s) => s.key)}::text[], ${more.map((s) => s.platform)}::text[]) as u(key, platform)
        where p.tenant_id = ${tenantId} and p.key = u.key`.execute(db);
    }
  }
  return { ids, created: made.rows.length };
}

export async function ensureSkus(db: CommerceDb, tenantId: string, seeds: Array<SkuSeed & { productId: string }>): Promise<{ ids: Map<string, string>; created: number }> {
  if (seeds.length === 0) return { ids: new Map(), created: 0 };
  const made = await sql<{ id: string; key: string }>`
    insert into skus (tenant_id, id, product_id, key, outer_code, platform_sku_id, properties, price_fen)
    select ${tenantId}, u.id, u.product_id, u.key, u.outer_code, u.platform_sku_id, u.properties, u.price_fen
    from unnest(${seeds.map((s) => s.id)}::text[], ${seeds.map((s) => s.productId)}::text[], ${seeds.map((s) => s.key)}::text[],
      ${seeds.map((s) => s.outerCode)}::text[], ${seeds.map((s) => s.platformSkuId)}::text[], ${seeds.map((s) => s.properties)}::text[],
      ${seeds.map((s) => s.priceFen)}::bigint[]) as u(id, product_id, key, outer_code, platform_sku_id, properties, price_fen)
    on conflict (tenant_id, key) do nothing returning id, key`.execute(db);
  const ids = new Map(made.rows.map((r) => [r.key, r.id]));
  const missing = seeds.filter((s) => !ids.has(s.key)).map((s) => s.key);
  if (missing.length) {
    const have = await sql<{ id: string; key: string }>`select id, key from skus where tenant_id = ${tenantId} and key = any(${missing}::text[])`.execute(db);
    for (const r of have.rows) ids.set(r.key, r.id);
  }
  return { ids, created: made.rows.length };
}
