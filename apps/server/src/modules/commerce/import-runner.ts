// Runs one import: every file streamed through its parser, 宝贝报表 items staged first, then the
// orders written a chunk at a time (each chunk one transaction, with the staged items of its
// orders), then items whose order was in no file written as item-only orders. Progress is saved
// on the import row twice a second; rejected rows are stored with file, line and reason.
import fs from 'node:fs';
import type { ImportSummary } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { openExport, ExportFormatError, type LooseItem, type OpenedExport, type OrderRecord, type Platform, type RejectedRow } from '@siyu/order-exports';
import { writeOrders, emptyStats, addStats, type WriteRecord, type WriteStats } from './order-writer.ts';
import { shopForImport } from './shops.service.ts';
import * as repo from './imports.repo.ts';
import { buyersOfImport } from './orders.repo.ts';
import { createItemFeed } from './item-feed.ts';

const CHUNK = 5_000; // orders per transaction: few round trips, well under PostgreSQL's 65,535 bind parameters per statement
const STAGE = 5_000;

export type ImportFile = { name: string; path: string; bytes: number; kind?: string | null; encoding?: string | null };
export type Progress = { bytesRead: number; bytesTotal: number; rows: number };

function toItemsOnly(items: LooseItem[]): WriteRecord {
  const first = items[0];
  const refunds = items.filter((i) => i.refundState === 'full').length;
  return {
    platform: 'taobao', orderId: first.orderId, idSuspect: first.idSuspect, shopExternalId: null, shopName: null,
    status: first.orderStatus ?? 'completed', rawStatus: first.rawStatus ?? '', createdAt: null, paidAt: null, shippedAt: null, finishedAt: null, modifiedAt: null,
    totalFen: null, paidFen: null, postFen: null, discountFen: null, refundFen: null,
    refundState: refunds === 0 ? 'none' : refunds === items.length ? 'full' : 'partial',
    buyerKey: null, buyerNick: null, unionid: null, phone: null, receiverName: null, receiverPhoneMasked: null, province: null, city: null, district: null,
    buyerMessage: null, sellerMemo: null, items: items.map(looseToItem), line: first.line, itemsOnly: true,
  };
}
function looseToItem(i: LooseItem) {
  const { orderId: _o, idSuspect: _s, orderStatus: _st, line: _l, ...item } = i;
  return item;
}

export async function runImport(deps: Deps, tenantId: string, importId: string, onProgress?: (p: Progress) => void): Promise<ImportSummary> {
  const imp = await repo.findImport(deps.db, tenantId, importId);
  if (!imp) throw new Error(`import ${importId} not found`);
  const files = imp.files as ImportFile[];
  const progress: Progress = { bytesRead: 0, bytesTotal: files.reduce((n, f) => n + f.bytes, 0), rows: 0 };
  let stats: WriteStats = emptyStats();
  let rejected = 0;
  const opened: Array<{ file: ImportFile; ex: OpenedExport }> = [];
  const readSoFar = () => opened.reduce((n, o) => n + o.ex.bytesRead(), 0);
  const report = async () => {
    progress.bytesRead = Math.min(progress.bytesTotal, readSoFar());
    onProgress?.(progress);
    await repo.setImport(deps.db, tenantId, importId, { progress: JSON.stringify(progress), heartbeat_at: deps.clock.now() });
  };
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve(); // the chunk being written (see write() below)
  await repo.setImport(deps.db, tenantId, importId, { status: 'running', started_at: deps.clock.now(), heartbeat_at: deps.clock.now() });
  try {
    let platform = (imp.platform as Platform | null) ?? null;
    for (const file of files) {
      const ex = await openExport(file.path, { platform: platform ?? undefined });
      if (platform && !samePlatform(platform, ex.detected.platform)) throw new ExportFormatError(`「${file.name}」来自另一个平台（${ex.detected.platform}），一次导入只能是同一平台的文件`);
      platform ??= ex.detected.platform;
      opened.push({ file: { ...file, kind: ex.detected.kind, encoding: ex.detected.encoding ?? ex.detected.format }, ex });
    }
    await repo.setImport(deps.db, tenantId, importId, { files: JSON.stringify(opened.map((o) => o.file)), platform: platform! });
    timer = setInterval(() => void report().catch(() => undefined), 500);
    let shop: { id: string; platform: Platform } | null = imp.shop_id ? await shopForImport(deps, tenantId, { shopId: imp.shop_id, platform: platform! }) : null;
    const shopFor = async (r: OrderRecord | null) => {
      shop ??= await shopForImport(deps, tenantId, { platform: platform!, shopName: r?.shopName, externalId: r?.shopExternalId });
      await repo.setImport(deps.db, tenantId, importId, { shop_id: shop.id });
      return shop;
    };
    let rejectSeq = 0;
    const reject = async (file: string, rows: RejectedRow[]) => {
      await repo.insertRejects(deps.db, tenantId, importId, rejectSeq, file, rows);
      rejectSeq += rows.length;
      rejected += rows.length;
    };

    // 1–2. Orders, each chunk with its items: from the 宝贝报表 streaming beside it (item-feed.ts).
    let stageSeq = 0;
    const stage = async (items: LooseItem[]) => {
      for (let k = 0; k < items.length; k += STAGE) {
        const part = items.slice(k, k + STAGE);
        await repo.stageItems(deps.db, tenantId, importId, stageSeq, part);
        stageSeq += part.length;
      }
    };
    const itemFiles = opened.filter((o) => o.ex.detected.kind === 'taobao_items');
    const feeds = itemFiles.map(({ file, ex }) => {
      let rej: RejectedRow[] = [];
      const feed = createItemFeed(ex.rows as AsyncIterable<never>, {
        onRow: () => { progress.rows++; },
        onReject: async (r) => { rej.push(r); if (rej.length >= 500) { await reject(file.name, rej); rej = []; } },
        spill: stage,
      });
      return { feed, flushRejects: async () => { await reject(file.name, rej); rej = []; } };
    });
    // A chunk's write runs while the next chunk is parsed, so the parser and the database each keep
    // a core busy. Writes stay one at a time and in file order: a buyer's second order must find
    // the customer its first order made. A failed write fails the import at the next chunk.
    const write = async (shopId: string, records: WriteRecord[]) => {
      await writing;
      writing = writeOrders(deps, { tenantId, shopId, platform: platform!, importId, source: 'import' }, records).then((s) => { stats = addStats(stats, s); });
      writing.catch(() => undefined); // observed by the next write or the end; not an unhandled rejection meanwhile
    };
    const flush = async (chunk: OrderRecord[]) => {
      if (chunk.length === 0) return;
      const s = await shopFor(chunk[0]);
      for (const { feed } of feeds) {
        const found = await feed.take(chunk.map((o) => o.orderId));
        for (const o of chunk) { const items = found.get(o.orderId); if (items) o.items = [...(o.items ?? []), ...items.map(looseToItem)]; }
      }
      await write(s.id, chunk);
    };
    for (const { file, ex } of opened.filter((o) => o.ex.detected.kind !== 'taobao_items')) {
      let chunk: OrderRecord[] = [];
      let rej: RejectedRow[] = [];
      for await (const row of ex.rows) {
        progress.rows++;
        if (row.kind === 'order') chunk.push(row.order);
        else if (row.kind === 'reject') rej.push(row.row);
        if (chunk.length >= CHUNK) { await flush(chunk); chunk = []; }
        if (rej.length >= 500) { await reject(file.name, rej); rej = []; }
      }
      await flush(chunk);
      await reject(file.name, rej);
    }
    await writing;
    // Items that did not meet their order in the stream: staged, then written below.
    for (const { feed, flushRejects } of feeds) {
      let buf: LooseItem[] = [];
      for await (const i of feed.rest()) {
        buf.push(i);
        if (buf.length >= STAGE) { await stage(buf); buf = []; }
      }
      await stage(buf);
      await flushRejects();
    }
    const staging = stageSeq > 0;

    // 3. Items whose order was in no 订单报表 of this import: item-only orders (or items for orders stored earlier).
    if (staging) {
      for (;;) {
        const nos = await repo.stagedOrderNos(deps.db, tenantId, importId, CHUNK);
        if (nos.length === 0) break;
        const staged = await repo.takeStagedItems(deps.db, tenantId, importId, nos);
        const byOrder = new Map<string, LooseItem[]>();
        for (const i of staged) byOrder.set(i.orderId, [...(byOrder.get(i.orderId) ?? []), i]);
        const s = await shopFor(null);
        await write(s.id, [...byOrder.values()].map((items) => ({ ...toItemsOnly(items), platform: platform! })));
        await writing; // the next round reads what is still staged, so this round must be written first
      }
    }
    const buyers = await buyersOfImport(deps.db, tenantId, importId);
    const summary: ImportSummary = { rowsRead: progress.rows, ...stats, customersMatched: Math.max(0, buyers - stats.customersNew), rowsRejected: rejected };
    clearInterval(timer);
    await report();
    await repo.setImport(deps.db, tenantId, importId, { status: 'done', summary: JSON.stringify(summary), finished_at: deps.clock.now(), error: null });
    return summary;
  } catch (err) {
    clearInterval(timer);
    await writing.catch(() => undefined); // a chunk still being written lands (or fails) before the import is called failed
    const message = err instanceof ExportFormatError ? err.message : `导入失败：${(err as Error).message}`;
    const summary = { rowsRead: progress.rows, ...stats, customersMatched: 0, rowsRejected: rejected };
    await repo.setImport(deps.db, tenantId, importId, { status: 'failed', error: message, summary: JSON.stringify(summary), finished_at: deps.clock.now() });
    if (!(err instanceof ExportFormatError)) deps.log.error({ err, tenantId, importId }, 'order import failed');
    throw err instanceof ExportFormatError ? err : new Error(message);
  } finally {
    clearInterval(timer);
    await repo.clearStaging(deps.db, tenantId, importId).catch(() => undefined);
  }
}

/** Taobao and Tmall share one back office and one export format. */
const samePlatform = (a: Platform, b: Platform) => a === b || (['taobao', 'tmall'].includes(a) && ['taobao', 'tmall'].includes(b));

/** Uploaded copies hold personal data: they are deleted once their import has ended. */
export function removeImportFiles(files: ImportFile[]) {
  for (const f of files) fs.rmSync(f.path, { force: true });
}
