// Test helper: opens an export and collects everything it yields.
import type { LooseItem, OrderRecord, Platform, RejectedRow } from '../records.ts';
import { openExport } from '../index.ts';

export async function readAll(file: string, opts: { platform?: Platform } = {}) {
  const opened = await openExport(file, opts);
  const orders: OrderRecord[] = [];
  const items: LooseItem[] = [];
  const rejects: RejectedRow[] = [];
  for await (const r of opened.rows) {
    if (r.kind === 'order') orders.push(r.order);
    else if (r.kind === 'item') items.push(r.item);
    else rejects.push(r.row);
  }
  return { opened, detected: opened.detected, orders, items, rejects };
}

export const TESTDATA = new URL('.', import.meta.url).pathname;
