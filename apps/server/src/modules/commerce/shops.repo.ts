// SQL of shops.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { ShopsTable } from './commerce.tables.ts';

export const listShops = (db: Db, tenantId: string) =>
  db.selectFrom('shops').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();

export const findShop = (db: Db, tenantId: string, id: string) =>
  db.selectFrom('shops').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const findShopByName = (db: Db, tenantId: string, platform: string, name: string) =>
  db.selectFrom('shops').selectAll().where('tenant_id', '=', tenantId).where('platform', '=', platform).where('name', '=', name).executeTakeFirst();

export const insertShop = (db: Db, row: Insertable<ShopsTable>) =>
  db.insertInto('shops').values(row).onConflict((oc) => oc.columns(['tenant_id', 'platform', 'name']).doNothing()).execute();

export const updateShop = (db: Db, tenantId: string, id: string, set: Updateable<ShopsTable>) =>
  db.updateTable('shops').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Orders, buyers (distinct customers) per shop; friends are counted by insight (it may join across modules). */
export async function shopCounts(db: Db, tenantId: string) {
  const r = await sql<{ shop_id: string; orders: number; buyers: number }>`
    select shop_id, count(*)::int as orders, count(distinct customer_id)::int as buyers from orders where tenant_id = ${tenantId} group by shop_id`.execute(db);
  return new Map(r.rows.map((x) => [x.shop_id, x]));
}

/** Shops whose API sync is due: enabled, with credentials, last run older than their interval. */
export async function shopsDueForSync(db: Db, now: Date) {
  const r = await sql<{ tenant_id: string; id: string }>`
    select tenant_id, id from shops
    where sync_enabled and credentials_enc is not null
      and (last_sync_at is null or last_sync_at + make_interval(mins => sync_interval_minutes) <= ${now})`.execute(db);
  return r.rows;
}
