// SQL of call lists and their tasks. `staffIds` null = every staff member (admins); otherwise the
// actor's data scope, applied in every query that returns tasks or their counts.
import { sql, type Insertable } from 'kysely';
import type { AcquisitionDb } from './acquisition.tables.ts';
import type { CallListsTable, CallTasksTable } from './call-lists.tables.ts';

type Scope = string[] | null;

/** Serialises list building per tenant, so two lists made at once cannot both take one buyer. */
export async function lockListBuilding(db: AcquisitionDb, tenantId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`call-lists:${tenantId}`}))`.execute(db);
}

/** Of these customers, those with a task in an open list. */
export async function customersInOpenLists(db: AcquisitionDb, tenantId: string, customerIds: string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const r = await sql<{ customer_id: string }>`
    select distinct t.customer_id from call_tasks t join call_lists l on l.tenant_id = t.tenant_id and l.id = t.list_id
    where t.tenant_id = ${tenantId} and t.customer_id = any(${customerIds}::text[]) and l.status = 'open'`.execute(db);
  return new Set(r.rows.map((x) => x.customer_id));
}

export async function insertList(db: AcquisitionDb, row: Insertable<CallListsTable>) {
  await db.insertInto('call_lists').values(row).execute();
}

export async function insertTasks(db: AcquisitionDb, rows: Insertable<CallTasksTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('call_tasks').values(rows.slice(i, i + 1000)).execute();
}

export const findList = (db: AcquisitionDb, tenantId: string, id: string) =>
  db.selectFrom('call_lists').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function closeList(db: AcquisitionDb, tenantId: string, id: string) {
  await db.updateTable('call_lists').set({ status: 'closed' }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Lists the scope may see: made by someone in it, or assigning someone in it. Newest first. */
export async function visibleLists(db: AcquisitionDb, tenantId: string, staffIds: Scope) {
  let q = db.selectFrom('call_lists').selectAll().where('tenant_id', '=', tenantId);
  if (staffIds) {
    q = q.where(sql<boolean>`(created_by = any(${staffIds}::text[])
      or exists (select 1 from jsonb_array_elements(staff) s where s->>'staffId' = any(${staffIds}::text[])))`);
  }
  return q.orderBy('id', 'desc').limit(500).execute();
}

export type CountRow = {
  key: string; total: number; pending: number; due: number; reached: number; added: number; refused: number;
  wrong_number: number; callback: number; linked: number;
};

/** Tasks per list (`by` = 'list_id') or per staff member of one list (`by` = 'staff_id'), by status and outcome. */
export async function countTasks(db: AcquisitionDb, tenantId: string, by: 'list_id' | 'staff_id', listIds: string[], staffIds: Scope, now: Date): Promise<CountRow[]> {
  if (listIds.length === 0) return [];
  const r = await sql<CountRow>`
    select ${sql.ref(by)} as key, count(*)::int as total,
      count(*) filter (where status = 'pending')::int as pending,
      count(*) filter (where status = 'pending' or (status = 'callback' and callback_at <= ${now}))::int as due,
      count(*) filter (where outcome = 'reached')::int as reached, count(*) filter (where outcome = 'added')::int as added,
      count(*) filter (where outcome = 'refused')::int as refused, count(*) filter (where outcome = 'wrong_number')::int as wrong_number,
      count(*) filter (where status = 'callback')::int as callback, count(*) filter (where linked_at is not null)::int as linked
    from call_tasks
    where tenant_id = ${tenantId} and list_id = any(${listIds}::text[]) ${staffIds ? sql`and staff_id = any(${staffIds}::text[])` : sql``}
    group by 1`.execute(db);
  return r.rows;
}

export const findTask = (db: AcquisitionDb, tenantId: string, id: string) =>
  db.selectFrom('call_tasks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export type TaskView = 'due' | 'scheduled' | 'done' | 'all';

/**
 * A page of tasks. `due`: never called first (in the list's order), then call-backs whose time has
 * come (earliest first); `scheduled`: call-backs still ahead; `done`: final outcomes, latest first.
 */
export async function listTasks(db: AcquisitionDb, tenantId: string, q: { staffIds: Scope; listId?: string; view: TaskView; now: Date; limit: number; offset: number }) {
  let base = db.selectFrom('call_tasks').where('tenant_id', '=', tenantId);
  if (q.staffIds) base = base.where('staff_id', 'in', q.staffIds.length ? q.staffIds : ['']);
  if (q.listId) base = base.where('list_id', '=', q.listId);
  if (q.view === 'due') base = base.where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'callback'), eb('callback_at', '<=', q.now)])]));
  if (q.view === 'scheduled') base = base.where('status', '=', 'callback').where('callback_at', '>', q.now);
  if (q.view === 'done') base = base.where('status', '=', 'done');
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = base.selectAll();
  rows = q.view === 'done' ? rows.orderBy('outcome_at', 'desc').orderBy('id')
    : q.view === 'scheduled' ? rows.orderBy('callback_at').orderBy('id')
    : rows.orderBy(sql`case when status = 'pending' then 0 else 1 end`).orderBy('callback_at').orderBy('list_id', 'desc').orderBy('seq');
  return { total: Number(total.n), items: await rows.limit(q.limit).offset(q.offset).execute() };
}

export async function countReveal(db: AcquisitionDb, tenantId: string, id: string) {
  await db.updateTable('call_tasks').set((eb) => ({ reveals: eb('reveals', '+', 1) })).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export type OutcomeUpdate = {
  status: 'pending' | 'callback' | 'done'; outcome: CallTasksTable['outcome']; note: string | null; callback_at: Date | null; outcome_at: Date; outcome_by: string;
};

/**
 * Records an outcome. "added" links the task when its friend has already arrived (friend_at set by
 * the consumer, or `friend` found now); any other outcome unlinks.
 */
export async function recordOutcome(db: AcquisitionDb, tenantId: string, id: string, u: OutcomeUpdate, friend: { at: Date; staffId: string | null; userid: string } | null) {
  await db.updateTable('call_tasks').set((eb) => ({
    ...u,
    attempts: eb('attempts', '+', 1),
    ...(friend ? { friend_at: sql`coalesce(friend_at, ${friend.at})`, friend_staff_id: sql`coalesce(friend_staff_id, ${friend.staffId})`, friend_userid: sql`coalesce(friend_userid, ${friend.userid})` } : {}),
    linked_at: u.outcome === 'added' ? sql`case when friend_at is not null or ${!!friend} then coalesce(linked_at, ${u.outcome_at}::timestamptz) end` : null,
  })).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/**
 * Customers became friends: their tasks keep the first friendship seen, and those whose outcome is
 * already "added" are linked — as of the moment both were true. One statement per batch.
 */
export async function noteFriends(db: AcquisitionDb, tenantId: string, fs: Array<{ customerId: string; at: Date; staffId: string | null; userid: string | null }>) {
  if (fs.length === 0) return;
  await sql`
    update call_tasks t set friend_at = u.at, friend_staff_id = u.staff, friend_userid = u.userid,
      linked_at = case when t.outcome = 'added' then greatest(t.outcome_at, u.at) end
    from (select distinct on (c) c, at, staff, userid
          from unnest(${fs.map((f) => f.customerId)}::text[], ${fs.map((f) => f.at.toISOString())}::timestamptz[], ${fs.map((f) => f.staffId)}::text[], ${fs.map((f) => f.userid)}::text[]) as x(c, at, staff, userid)
          order by c, at) u
    where t.tenant_id = ${tenantId} and t.customer_id = u.c and t.friend_at is null`.execute(db);
}

/**
 * A merge moved customer `from` into `to` (binding merges the order's buyer into the WeCom
 * friend): their tasks follow, except where `to` already has a task in the same list.
 */
export async function moveTasks(db: AcquisitionDb, tenantId: string, from: string, to: string) {
  await sql`update call_tasks t set customer_id = ${to}, merged_from = ${from}
    where t.tenant_id = ${tenantId} and t.customer_id = ${from}
      and not exists (select 1 from call_tasks k where k.tenant_id = t.tenant_id and k.list_id = t.list_id and k.customer_id = ${to})`.execute(db);
}

/** The merge was undone: the tasks it moved go back, forgetting the friendship they took from `to`. */
export async function moveTasksBack(db: AcquisitionDb, tenantId: string, to: string, from: string) {
  await db.updateTable('call_tasks').set({ customer_id: from, merged_from: null, friend_at: null, friend_staff_id: null, friend_userid: null, linked_at: null })
    .where('tenant_id', '=', tenantId).where('customer_id', '=', to).where('merged_from', '=', from).execute();
}

/** A list's tasks in their order, for the export. */
export function tasksOfList(db: AcquisitionDb, tenantId: string, listId: string, staffIds: Scope) {
  let q = db.selectFrom('call_tasks').selectAll().where('tenant_id', '=', tenantId).where('list_id', '=', listId);
  if (staffIds) q = q.where('staff_id', 'in', staffIds.length ? staffIds : ['']);
  return q.orderBy('seq').execute();
}
