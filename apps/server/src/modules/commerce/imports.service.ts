// Order imports as the console and CLI see them: create (files already on disk), run as a job,
// list, progress, rejected rows (JSON and an Excel download, audited: it holds personal data).
import path from 'node:path';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportJob, ImportReject, ImportSummary } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { audit, newId, notFound } from '../../core/index.ts';
import { requireRole, staffNames, type Actor } from '../tenancy/index.ts';
import * as repo from './imports.repo.ts';
import * as shops from './shops.repo.ts';
import { runImport, removeImportFiles, type ImportFile } from './import-runner.ts';
import type { Platform } from '@siyu/order-exports';

export const IMPORT_TASK = 'commerce.import';
const EMPTY: ImportSummary = { rowsRead: 0, ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 0, ordersFlagged: 0, items: 0, productsNew: 0, skusNew: 0, customersNew: 0, customersMatched: 0, rowsRejected: 0 };

/** Where uploads wait for their import (deleted when it ends). */
export const importDir = (deps: Deps, importId: string) => path.join(deps.config.dataDir, 'imports', importId);

export async function createImport(deps: Deps, actor: Actor | null, tenantId: string, input: { id?: string; files: ImportFile[]; shopId?: string | null; platform?: Platform | null }): Promise<string> {
  if (actor) requireRole(actor, 'operator_lead');
  if (input.shopId && !(await shops.findShop(deps.db, tenantId, input.shopId))) throw notFound('店铺');
  const id = input.id ?? newId();
  await repo.insertImport(deps.db, {
    tenant_id: tenantId, id, shop_id: input.shopId ?? null, platform: input.platform ?? null, files: JSON.stringify(input.files), created_by: actor?.staffId ?? null,
  });
  if (actor) await audit(deps.db, { tenantId, actorId: actor.staffId, action: 'orders.import', targetType: 'order_import', targetId: id, detail: { files: input.files.map((f) => f.name) } });
  return id;
}

/** The job: runs the import, then removes the uploaded files whatever happened. */
export async function runImportJob(deps: Deps, tenantId: string, importId: string) {
  const imp = await repo.findImport(deps.db, tenantId, importId);
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  try {
    await runImport(deps, tenantId, importId);
  } catch {
    // recorded on the import row; a failed import is not retried (the file will not change)
  } finally {
    removeImportFiles(imp.files as ImportFile[]);
    fs.rmSync(importDir(deps, importId), { recursive: true, force: true });
  }
}

export const SWEEP_IMPORTS_TASK = 'commerce.sweep-imports';
/** A running import writes its progress twice a second: ten silent minutes mean its process died. */
const STALLED_MS = 10 * 60_000;
/** Import jobs run once; one still queued after a day lost its job (a worker stopped while holding it). */
const LOST_MS = 24 * 3600_000;

/**
 * An import whose process died (killed, crashed, the machine restarted) would show 'running' for
 * ever and keep its uploaded files, which hold personal data. The sweep fails it with a reason the
 * operator can act on and removes its files and staged items. Returns how many it ended.
 */
export async function sweepStalledImports(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const stalled = await repo.stalledImports(deps.db, new Date(now.getTime() - STALLED_MS), new Date(now.getTime() - LOST_MS));
  let ended = 0;
  for (const imp of stalled) {
    const reason = imp.status === 'running'
      ? '导入中断：处理这次导入的进程停止了（超过 10 分钟没有进度）。已写入的订单完整保留，请重新上传同样的文件，已导入的订单不会重复。'
      : '导入没有开始：排队超过一天仍未执行。请重新上传文件。';
    if (!(await repo.failUnfinished(deps.db, imp.tenant_id, imp.id, imp.status, reason, now))) continue;
    ended++;
    removeImportFiles(imp.files as ImportFile[]);
    fs.rmSync(importDir(deps, imp.id), { recursive: true, force: true });
    await repo.clearStaging(deps.db, imp.tenant_id, imp.id);
    deps.log.warn({ tenantId: imp.tenant_id, importId: imp.id, status: imp.status }, 'stalled order import failed by the sweep');
  }
  return ended;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findImport>>>;
function toApi(r: Row, names: Map<string, string>, shopNames: Map<string, string>): ImportJob {
  const p = r.progress as { bytesRead?: number; bytesTotal?: number; rows?: number };
  return {
    id: r.id, shopId: r.shop_id, shopName: r.shop_id ? shopNames.get(r.shop_id) ?? null : null, platform: (r.platform as Platform | null) ?? null,
    files: (r.files as ImportFile[]).map((f) => ({ name: f.name, kind: f.kind ?? null, encoding: f.encoding ?? null, bytes: f.bytes })),
    status: r.status, progress: { bytesRead: p.bytesRead ?? 0, bytesTotal: p.bytesTotal ?? 0, rows: p.rows ?? 0 },
    summary: { ...EMPTY, ...(r.summary as Partial<ImportSummary>) }, error: r.error,
    createdBy: r.created_by ? names.get(r.created_by) ?? null : null, createdAt: new Date(r.created_at).toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

async function labels(deps: Deps, tenantId: string) {
  const [names, shopRows] = await Promise.all([staffNames(deps, tenantId), shops.listShops(deps.db, tenantId)]);
  return { names, shopNames: new Map(shopRows.map((s) => [s.id, s.name])) };
}

export async function listImports(deps: Deps, actor: Actor): Promise<ImportJob[]> {
  requireRole(actor, 'operator_lead');
  const [rows, l] = await Promise.all([repo.recentImports(deps.db, actor.tenantId, 50), labels(deps, actor.tenantId)]);
  return rows.map((r) => toApi(r, l.names, l.shopNames));
}

export async function getImport(deps: Deps, actor: Actor | null, tenantId: string, id: string): Promise<ImportJob> {
  if (actor) requireRole(actor, 'operator_lead');
  const r = await repo.findImport(deps.db, tenantId, id);
  if (!r) throw notFound('导入任务');
  const l = await labels(deps, tenantId);
  return toApi(r, l.names, l.shopNames);
}

export async function importRejects(deps: Deps, actor: Actor, id: string, limit = 200): Promise<ImportReject[]> {
  await getImport(deps, actor, actor.tenantId, id);
  return (await repo.rejectsOf(deps.db, actor.tenantId, id, limit)).map((r) => ({ file: r.file, line: r.line, reason: r.reason, raw: r.raw }));
}

/** Every rejected row as .xlsx, streamed (an import can reject many); the download is audited. */
export async function writeRejectsXlsx(deps: Deps, actor: Actor | null, tenantId: string, id: string, out: Writable) {
  if (actor) await getImport(deps, actor, tenantId, id);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('被拒绝的行');
  ws.columns = [{ header: '文件', key: 'file', width: 32 }, { header: '行号', key: 'line', width: 8 }, { header: '原因', key: 'reason', width: 40 }, { header: '原始内容', key: 'raw', width: 120 }];
  ws.getRow(1).font = { bold: true };
  let after = -1;
  for (;;) {
    const rows = await repo.rejectsOf(deps.db, tenantId, id, 5_000, after);
    if (rows.length === 0) break;
    for (const r of rows) ws.addRow({ file: r.file, line: r.line, reason: r.reason, raw: r.raw }).commit();
    after = rows[rows.length - 1].seq;
  }
  ws.commit();
  await wb.commit();
  await audit(deps.db, { tenantId, actorId: actor?.staffId ?? null, action: 'orders.import.rejects.export', targetType: 'order_import', targetId: id, detail: {} });
}
