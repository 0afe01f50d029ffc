// SQL of the corp's contact ways (渠道活码) as mirrored from WeCom: the name of each channel state.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';

export type ContactWayRow = {
  config_id: string; state: string; remark: string; name: string; type: number; scene: number; userids: string[]; is_temp: boolean;
};

/**
 * The name of a state: several ways may share one, so a live way beats a deleted one, a way with a
 * remark beats a fallback name, and the most recently written wins.
 */
const bestWay = (db: ChannelDb) => db.selectFrom('wecom_contact_ways')
  .distinctOn('state').select(['state', 'name', 'deleted_at'])
  .orderBy('state').orderBy(sql`deleted_at is null desc`).orderBy(sql`remark <> '' desc`).orderBy(sql`updated_at desc`);

export async function namesOfStates(db: ChannelDb, tenantId: string, states: string[]): Promise<Map<string, string>> {
  if (states.length === 0) return new Map();
  const rows = await bestWay(db).where('tenant_id', '=', tenantId).where('state', 'in', states).execute();
  return new Map(rows.map((r) => [r.state, r.name]));
}

/** Every named state of the tenant, once each (the console's list of channels). */
export const allStates = (db: ChannelDb, tenantId: string) => bestWay(db).where('tenant_id', '=', tenantId).execute();

/**
 * The channel each customer first came through: the state of their earliest relation that has
 * one, with its name (null while no way with that state is known).
 */
export async function firstChannelOf(db: ChannelDb, tenantId: string, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  const r = await sql<{ customer_id: string; state: string; name: string | null }>`
    select f.customer_id, f.state, w.name
    from (
      select distinct on (customer_id) customer_id, state from wecom_relations
      where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[]) and state is not null and state <> ''
      order by customer_id, added_at
    ) f
    left join lateral (
      select name from wecom_contact_ways w where w.tenant_id = ${tenantId} and w.state = f.state
      order by w.deleted_at is null desc, w.remark <> '' desc, w.updated_at desc limit 1
    ) w on true`.execute(db);
  return r.rows;
}

/** Which of these config ids are mirrored already (a listing fetches only the others). */
export async function knownConfigIds(db: ChannelDb, tenantId: string, configIds: string[]): Promise<Set<string>> {
  if (configIds.length === 0) return new Set();
  const rows = await db.selectFrom('wecom_contact_ways').select('config_id').where('tenant_id', '=', tenantId).where('config_id', 'in', configIds).execute();
  return new Set(rows.map((r) => r.config_id));
}

/** Upserts ways as live; returns the config ids that were new and those whose name changed. */
export async function upsertWays(db: ChannelDb, tenantId: string, rows: ContactWayRow[], runId: string | null, at: Date) {
  if (rows.length === 0) return { added: [] as string[], renamed: [] as string[] };
  const before = await db.selectFrom('wecom_contact_ways').select(['config_id', 'name']).where('tenant_id', '=', tenantId)
    .where('config_id', 'in', rows.map((r) => r.config_id)).execute();
  const old = new Map(before.map((r) => [r.config_id, r.name]));
  await db.insertInto('wecom_contact_ways')
    .values(rows.map((r) => ({ tenant_id: tenantId, ...r, deleted_at: null, seen_run_id: runId, updated_at: at })))
    .onConflict((oc) => oc.columns(['tenant_id', 'config_id']).doUpdateSet((eb) => ({
      state: eb.ref('excluded.state'), remark: eb.ref('excluded.remark'), name: eb.ref('excluded.name'), type: eb.ref('excluded.type'),
      scene: eb.ref('excluded.scene'), userids: eb.ref('excluded.userids'), is_temp: eb.ref('excluded.is_temp'), deleted_at: null,
      seen_run_id: eb.ref('excluded.seen_run_id'), updated_at: eb.ref('excluded.updated_at'),
    }))).execute();
  return {
    added: rows.filter((r) => !old.has(r.config_id)).map((r) => r.config_id),
    renamed: rows.filter((r) => old.has(r.config_id) && old.get(r.config_id) !== r.name).map((r) => r.config_id),
  };
}

/** Ways WeCom no longer has (41044 on get, or their state was cleared): kept for their name, marked deleted. */
export async function markDeleted(db: ChannelDb, tenantId: string, configIds: string[], runId: string | null, at: Date): Promise<number> {
  if (configIds.length === 0) return 0;
  const r = await db.updateTable('wecom_contact_ways').set({ deleted_at: at, seen_run_id: runId, updated_at: at })
    .where('tenant_id', '=', tenantId).where('config_id', 'in', configIds).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Live, lasting ways this run has not read yet, in config_id order after `after`: what a sync re-reads for renames. */
export const waysToRefresh = (db: ChannelDb, tenantId: string, runId: string, after: string, limit: number) =>
  db.selectFrom('wecom_contact_ways').select('config_id').where('tenant_id', '=', tenantId).where('deleted_at', 'is', null)
    .where('is_temp', '=', false).where((eb) => eb.or([eb('seen_run_id', 'is', null), eb('seen_run_id', '!=', runId)]))
    .where('config_id', '>', after).orderBy('config_id').limit(limit).execute();

export async function countToRefresh(db: ChannelDb, tenantId: string, runId: string, after: string): Promise<number> {
  const r = await db.selectFrom('wecom_contact_ways').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null).where('is_temp', '=', false)
    .where((eb) => eb.or([eb('seen_run_id', 'is', null), eb('seen_run_id', '!=', runId)])).where('config_id', '>', after).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function listedUntil(db: ChannelDb, tenantId: string): Promise<Date | null> {
  const r = await db.selectFrom('wecom_contact_way_listing').select('listed_until').where('tenant_id', '=', tenantId).executeTakeFirst();
  return r?.listed_until ?? null;
}

/** Moves the listing mark forward only: a slower, older listing never undoes a newer one. */
export const setListedUntil = (db: ChannelDb, tenantId: string, until: Date) =>
  db.insertInto('wecom_contact_way_listing').values({ tenant_id: tenantId, listed_until: until, updated_at: until })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({
      listed_until: sql`greatest(wecom_contact_way_listing.listed_until, excluded.listed_until)`, updated_at: sql`now()`,
    })).execute();

/** Of these states, those neither carried by a mirrored way nor looked up before. */
export async function statesToLookUp(db: ChannelDb, tenantId: string, states: string[]): Promise<string[]> {
  if (states.length === 0) return [];
  const r = await sql<{ state: string }>`
    select s.state from unnest(${states}::text[]) as s(state)
    where not exists (select 1 from wecom_contact_ways w where w.tenant_id = ${tenantId} and w.state = s.state)
      and not exists (select 1 from wecom_unknown_states u where u.tenant_id = ${tenantId} and u.state = s.state)`.execute(db);
  return r.rows.map((x) => x.state);
}

export const rememberUnknown = (db: ChannelDb, tenantId: string, states: string[]) =>
  states.length === 0 ? Promise.resolve() :
    db.insertInto('wecom_unknown_states').values(states.map((state) => ({ tenant_id: tenantId, state })))
      .onConflict((oc) => oc.columns(['tenant_id', 'state']).doNothing()).execute().then(() => undefined);
