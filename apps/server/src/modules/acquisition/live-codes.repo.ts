// All SQL of the live-codes part, on the acquisition module's own view of the database.
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AcquisitionDb } from './acquisition.tables.ts';
import type { LiveCodeStaffTable, LiveCodesTable, LiveCodeWelcomesTable, WelcomeMessage } from './live-codes.tables.ts';

export type CodeRow = Selectable<LiveCodesTable>;
export type CodeStaffRow = Selectable<LiveCodeStaffTable>;

export const findCode = (db: AcquisitionDb, tenantId: string, id: string) =>
  db.selectFrom('live_codes').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '!=', 'deleted').executeTakeFirst();

/** Any code, deleted ones included (reconciling a deletion removes its WeCom way). */
export const codeById = (db: AcquisitionDb, tenantId: string, id: string) =>
  db.selectFrom('live_codes').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

/** The code behind a state, deleted ones included: an add that arrives late still belongs to it. */
export const codeByState = (db: AcquisitionDb, tenantId: string, state: string) =>
  db.selectFrom('live_codes').selectAll().where('tenant_id', '=', tenantId).where('state', '=', state).executeTakeFirst();

export const stateTaken = async (db: AcquisitionDb, tenantId: string, state: string) =>
  !!(await db.selectFrom('live_codes').select('id').where('tenant_id', '=', tenantId).where('state', '=', state).executeTakeFirst());

export const listCodes = (db: AcquisitionDb, tenantId: string) =>
  db.selectFrom('live_codes').selectAll().where('tenant_id', '=', tenantId).where('status', '!=', 'deleted').orderBy('created_at', 'desc').execute();

export const activeCodes = (db: AcquisitionDb) =>
  db.selectFrom('live_codes').select(['tenant_id', 'id']).where('status', '=', 'active').execute();

export const staffOf = (db: AcquisitionDb, tenantId: string, codeIds: string[]) =>
  codeIds.length === 0 ? Promise.resolve([] as CodeStaffRow[])
    : db.selectFrom('live_code_staff').selectAll().where('tenant_id', '=', tenantId).where('code_id', 'in', codeIds).orderBy('sort_order').execute();

export const insertCode = (db: AcquisitionDb, row: Insertable<LiveCodesTable>) => db.insertInto('live_codes').values(row).execute();

export const updateCode = (db: AcquisitionDb, tenantId: string, id: string, set: Updateable<LiveCodesTable>) =>
  db.updateTable('live_codes').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export async function replaceStaff(db: AcquisitionDb, tenantId: string, codeId: string, rows: Array<Insertable<LiveCodeStaffTable>>) {
  await db.deleteFrom('live_code_staff').where('tenant_id', '=', tenantId).where('code_id', '=', codeId).execute();
  if (rows.length) await db.insertInto('live_code_staff').values(rows).execute();
}

/** Adds per staff member of one code on one Shanghai day. */
export async function addsOnDay(db: AcquisitionDb, tenantId: string, codeId: string, day: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('live_code_adds').select(['staff_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId).where('code_id', '=', codeId).where('day', '=', day).groupBy('staff_id').execute();
  return new Map(rows.filter((r) => r.staff_id).map((r) => [r.staff_id!, Number(r.n)]));
}

/** Adds today and in all per code, for the list. */
export async function addCounts(db: AcquisitionDb, tenantId: string, day: string) {
  const rows = await db.selectFrom('live_code_adds')
    .select(['code_id', (eb) => eb.fn.countAll<string>().as('total'), sql<string>`count(*) filter (where day = ${day})`.as('today')])
    .where('tenant_id', '=', tenantId).groupBy('code_id').execute();
  return new Map(rows.map((r) => [r.code_id, { today: Number(r.today), total: Number(r.total) }]));
}

/** Records an add once per (code, customer, member); false when it was already counted. */
export async function insertAdd(db: AcquisitionDb, row: { tenant_id: string; code_id: string; staff_id: string | null; userid: string; external_userid: string; customer_id: string; day: string; added_at: Date }) {
  const r = await db.insertInto('live_code_adds').values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'code_id', 'external_userid', 'userid']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims a welcome code: true only for the first claimer, so a message goes out at most once. */
export async function claimWelcome(db: AcquisitionDb, row: Insertable<LiveCodeWelcomesTable>) {
  const r = await db.insertInto('live_code_welcomes').values(row).onConflict((oc) => oc.columns(['tenant_id', 'welcome_code']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const finishWelcome = (db: AcquisitionDb, tenantId: string, code: string, set: { status: 'sent' | 'failed'; errcode: number | null; error: string | null; finished_at: Date }) =>
  db.updateTable('live_code_welcomes').set(set).where('tenant_id', '=', tenantId).where('welcome_code', '=', code).execute();

export const welcomesOf = (db: AcquisitionDb, tenantId: string, codeId: string, limit: number) =>
  db.selectFrom('live_code_welcomes').selectAll().where('tenant_id', '=', tenantId).where('code_id', '=', codeId).orderBy('created_at', 'desc').limit(limit).execute();

export async function defaultWelcome(db: AcquisitionDb, tenantId: string): Promise<WelcomeMessage | null> {
  const r = await db.selectFrom('live_code_settings').select('default_welcome').where('tenant_id', '=', tenantId).executeTakeFirst();
  return r?.default_welcome ?? null;
}

export const saveDefaultWelcome = (db: AcquisitionDb, tenantId: string, w: WelcomeMessage | null, at: Date) =>
  db.insertInto('live_code_settings').values({ tenant_id: tenantId, default_welcome: JSON.stringify(w), updated_at: at })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ default_welcome: JSON.stringify(w), updated_at: at })).execute();
