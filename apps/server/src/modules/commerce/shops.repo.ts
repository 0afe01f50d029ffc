// SQL of shops.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';
import type { ShopsTable } from './commerce.tables.ts';

export const listShops = (db: CommerceDb, tenantId: string) =>
  db.selectFrom('shops').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();

export const findShop = (db: CommerceDb, tenantId: string, id: string) =>
  db.selectFrom('shops').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const findShopByName = (db: CommerceDb, tenantId: string, platform: string, name: string) =>
  db.selectFrom('shops').selectAll().where('tenant_id', '=', tenantId).where('platform', '=', platform).where('name', '=', name).executeTakeFirst();

export const insertShop = (db: CommerceDb, row: Insertable<ShopsTable>) =>
  db.insertInto('shops').values(row).onConflict((oc) => oc.columns(['tenant_id', 'platform', 'name']).doNothing()).execute();

export const updateShop = (db: CommerceDb, tenantId: string, id: string, set: Updateable<ShopsTable>) =>
  db.updateTable('shops').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

/** Shops whose API sync is due: enabled, with credentials, last run older than their interval. */
export async function shopsDueForSync(db: CommerceDb, now: Date) {
  const r = await sql<{ tenant_id: string; id: string }>`
    select tenant_id, id from shops
    where sync_enabled and credentials_enc is not null
      and (last_sync_at is null or last_sync_at + make_interval(mins => sync_interval_minutes) <= ${now})`.execute(db);
  return r.rows;
}
