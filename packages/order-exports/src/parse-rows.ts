// The row loop after the header: structural checks (width, undecodable bytes), mapping by kind,
// duplicate ids in one-row-per-order files, grouping of consecutive lines into orders. Every
// problem of a single row becomes a reject with the row's line, a specific reason and its raw text.
import type { Platform } from './records.ts';
import { RowError } from './errors.ts';
import type { FieldIndex, KindSpec } from './headers.ts';
import { OrderIdSet } from './id-set.ts';
import { finishGroup, mapLine, type LineRow } from './map-lines.ts';
import { mapTaobaoItem, mapTaobaoOrder, mapTmallReport } from './map-taobao.ts';
import type { ParsedRow } from './parsed-row.ts';
import { rowViews } from './row-view.ts';
import type { CsvEncoding } from './sniff.ts';
import type { RawRow, RowSource } from './source.ts';

export type HeaderRow = { headers: string[]; spec: KindSpec; line: number; sheet?: string };

const RAW_LIMIT = 500;

function reject(row: RawRow, reason: string): ParsedRow {
  const raw = row.raw.replace(/\r?\n$|\r$/, '');
  return { kind: 'reject', row: { line: row.line, reason, raw: raw.length > RAW_LIMIT ? raw.slice(0, RAW_LIMIT) : raw } };
}

const isBlank = (cells: RawRow['cells']) =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/** Width and decoding problems that make every cell of the row untrustworthy. */
function structuralProblem(row: RawRow, width: number, source: RowSource, encoding: CsvEncoding | null): string | null {
  if (source.checkWidth) {
    const n = row.cells.length;
    if (n < width) return `本行只有 ${n} 列，表头有 ${width} 列（行不完整，可能被截断）`;
    if (row.cells.slice(width).some((c) => typeof c === 'string' && c.trim() !== '')) {
      return `本行有 ${n} 列，比表头多 ${n - width} 列（可能有没加引号的逗号）`;
    }
  }
  // Decoders turn invalid bytes into U+FFFD: that row's text is damaged, the others are fine.
  if (encoding !== null && row.raw.includes('\uFFFD')) return `本行有无法按 ${encoding} 解码的字节（文件在这一行损坏）`;
  return null;
}

export async function* parseRows(
  source: RowSource,
  header: HeaderRow,
  index: FieldIndex,
  platform: Platform,
  encoding: CsvEncoding | null,
): AsyncGenerator<ParsedRow> {
  const kind = header.spec.kind;
  // Trailing empty header cells (a trailing comma) do not have to be present on every row.
  let width = header.headers.length;
  while (width > 0 && header.headers[width - 1] === '') width--;
  const ids = kind === 'taobao_orders' || kind === 'tmall_report' ? new OrderIdSet() : null;
  let group: LineRow[] = [];
  const viewOf = rowViews(index, source.date1904);
  const flush = (): ParsedRow | null => {
    if (group.length === 0) return null;
    const order = finishGroup(kind, group);
    group = [];
    return { kind: 'order', order };
  };

  try {
    for (;;) {
      const next = await source.rows.next();
      if (next.done) break;
      const row = next.value;
      if (row.sheet !== header.sheet) break; // the table ends with its sheet
      if (row.error) {
        yield reject(row, row.error);
        continue;
      }
      if (isBlank(row.cells)) continue;
      const problem = structuralProblem(row, width, source, encoding);
      if (problem) {
        yield reject(row, problem);
        continue;
      }
      try {
        const view = viewOf(row.cells);
        if (kind === 'taobao_items') {
          yield { kind: 'item', item: mapTaobaoItem(view, row.line) };
        } else if (kind === 'taobao_orders' || kind === 'tmall_report') {
          const order = kind === 'taobao_orders' ? mapTaobaoOrder(view, row.line, platform) : mapTmallReport(view, row.line, platform);
          const first = ids?.seen(order.orderId, row.line) ?? 0;
          if (first) {
            // Excel's 15-digit cut can make two different orders share one id: say so.
            const hint = order.idSuspect ? '；这个编号已被 Excel 截断，可能是两个不同的订单，请从后台重新导出' : '';
            throw new RowError(`订单编号 ${order.orderId} 重复（第 ${first} 行已有这个订单${hint}）`);
          }
          yield { kind: 'order', order };
        } else {
          const lineRow = mapLine(kind, view, row.line, platform);
          // Only consecutive lines are grouped; a later run of the same order is another record
          // (the writer merges records of one orderId).
          if (group.length > 0 && group[0].order.orderId !== lineRow.order.orderId) {
            const done = flush();
            if (done) yield done;
          }
          group.push(lineRow);
        }
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        yield reject(row, e.message);
      }
    }
    const last = flush();
    if (last) yield last;
  } finally {
    source.close();
  }
}
