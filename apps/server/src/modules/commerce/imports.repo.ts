// SQL of order imports: the job row (files, progress, summary), rejected rows, and the staging
// table where 宝贝报表 items wait for their 订单报表 rows.
import { sql } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';
import type { LooseItem, RejectedRow } from '@siyu/order-exports';

export const insertImport = (db: CommerceDb, row: { tenant_id: string; id: string; shop_id: string | null; platform: string | null; files: string; created_by: string | null }) =>
  db.insertInto('order_imports').values({ ...row, progress: JSON.stringify({ bytesRead: 0, bytesTotal: 0, rows: 0 }), summary: '{}' }).execute();

export const findImport = (db: CommerceDb, tenantId: string, id: string) =>
  db.selectFrom('order_imports').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const recentImports = (db: CommerceDb, tenantId: string, limit: number) =>
  db.selectFrom('order_imports').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();

export const setImport = (db: CommerceDb, tenantId: string, id: string, set: { status?: 'running' | 'done' | 'failed'; progress?: string; summary?: string; files?: string; shop_id?: string; platform?: string; error?: string | null; started_at?: Date; finished_at?: Date; heartbeat_at?: Date }) =>
  db.updateTable('order_imports').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export async function insertRejects(db: CommerceDb, tenantId: string, importId: string, firstSeq: number, file: string, rows: RejectedRow[]) {
  if (rows.length === 0) return;
  await sql`insert into order_import_rejects (tenant_id, import_id, seq, file, line, reason, raw)
    select ${tenantId}, ${importId}, ${firstSeq} + u.n, ${file}, u.line, u.reason, u.raw
    from unnest(${rows.map((_, i) => i)}::int[], ${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.reason)}::text[], ${rows.map((r) => r.raw.slice(0, 2000))}::text[]) as u(n, line, reason, raw)`.execute(db);
}

export const rejectsOf = (db: CommerceDb, tenantId: string, importId: string, limit: number, afterSeq = -1) =>
  db.selectFrom('order_import_rejects').select(['seq', 'file', 'line', 'reason', 'raw']).where('tenant_id', '=', tenantId).where('import_id', '=', importId)
    .where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();

export async function stageItems(db: CommerceDb, tenantId: string, importId: string, firstSeq: number, items: LooseItem[]) {
  if (items.length === 0) return;
  await sql`insert into order_import_items (tenant_id, import_id, order_no, seq, item)
    select ${tenantId}, ${importId}, u.o, ${firstSeq} + u.n, u.i::jsonb
    from unnest(${items.map((i) => i.orderId)}::text[], ${items.map((_, n) => n)}::int[], ${items.map((i) => JSON.stringify(i))}::text[]) as u(o, n, i)`.execute(db);
}

/** Takes the staged items of these orders out of staging (they are about to be written with them). */
export async function takeStagedItems(db: CommerceDb, tenantId: string, importId: string, orderNos: string[]): Promise<LooseItem[]> {
  if (orderNos.length === 0) return [];
  const r = await sql<{ item: LooseItem; seq: number }>`
    delete from order_import_items where tenant_id = ${tenantId} and import_id = ${importId} and order_no = any(${orderNos}::text[])
    returning item, seq`.execute(db);
  return r.rows.sort((a, b) => a.seq - b.seq).map((x) => x.item);
}

/** Order numbers still in staging (items whose order was not in any 订单报表 of this import), a page at a time. */
export async function stagedOrderNos(db: CommerceDb, tenantId: string, importId: string, limit: number): Promise<string[]> {
  const r = await sql<{ order_no: string }>`select distinct order_no from order_import_items where tenant_id = ${tenantId} and import_id = ${importId} order by order_no limit ${limit}`.execute(db);
  return r.rows.map((x) => x.order_no);
}

/** Imports of every tenant that are running with no heartbeat since, or queued since, the given times. */
export async function stalledImports(db: CommerceDb, heartbeatBefore: Date, queuedBefore: Date) {
  const r = await sql<{ tenant_id: string; id: string; status: 'queued' | 'running'; files: unknown[] }>`
    select tenant_id, id, status, files from order_imports
    where (status = 'running' and coalesce(heartbeat_at, started_at, created_at) < ${heartbeatBefore})
       or (status = 'queued' and created_at < ${queuedBefore})`.execute(db);
  return r.rows;
}

/** Fails an import only if it is still in the state the sweep saw (a finishing import wins). */
export async function failUnfinished(db: CommerceDb, tenantId: string, id: string, status: 'queued' | 'running', error: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('order_imports').set({ status: 'failed', error, finished_at: at })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', status).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const clearStaging = (db: CommerceDb, tenantId: string, importId: string) =>
  db.deleteFrom('order_import_items').where('tenant_id', '=', tenantId).where('import_id', '=', importId).execute();

/**
 * Deletes up to `batch` rejected rows of imports that ended (or, never ended, began) before
 * `before`; returns how many. The import row and its counts stay: only the raw lines go.
 */
export async function deleteOldRejects(db: CommerceDb, before: Date, batch: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with doomed as (
      select r.tenant_id, r.import_id, r.seq from order_import_rejects r
      join order_imports i on i.tenant_id = r.tenant_id and i.id = r.import_id
      where coalesce(i.finished_at, i.created_at) < ${before}
      limit ${batch}
    ), gone as (
      delete from order_import_rejects x using doomed d
      where x.tenant_id = d.tenant_id and x.import_id = d.import_id and x.seq = d.seq returning 1
    )
    select count(*)::int as n from gone`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
