// Spreadsheet readers. xlsx is streamed with exceljs's WorkbookReader (rows arrive as the zip is
// inflated; memory stays flat). Legacy .xls has no streaming reader, but the format caps a sheet at
// 65,536 rows, so SheetJS reads the whole file — bounded by the format, not by our choice.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { CellValue } from './cells.ts';
import { rawOfCells, type RawRow, type RowSource } from './source.ts';

/** exceljs cell values: rich text, formulas, hyperlinks and errors reduced to plain values. */
function excelValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return excelValue(o.result);
    if ('error' in o) return null;
    if (typeof o.text === 'string') return o.text;
  }
  return null;
}

export function openXlsxSource(file: string): RowSource {
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell date cells from numbers
    worksheets: 'emit',
    entries: 'ignore',
  });
  let date1904 = false;
  async function* rows(): AsyncGenerator<RawRow> {
    for await (const sheet of reader) {
      const props = (reader as unknown as { properties?: { date1904?: boolean } }).properties;
      date1904 = Boolean(props?.date1904);
      const name = String((sheet as unknown as { id: string }).id);
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(excelValue(values[i]));
        yield { line: row.number, cells, raw: rawOfCells(cells), sheet: name };
      }
    }
  }
  return {
    rows: rows(),
    bytesRead: () => input.bytesRead,
    checkWidth: false,
    // exceljs converts date-formatted cells itself (honouring 1904); bare serials use this flag.
    get date1904() {
      return date1904;
    },
    close: () => input.destroy(),
  };
}

export function openXlsSource(file: string): RowSource {
  const buf = fs.readFileSync(file);
  const wb = XLSX.read(buf, { type: 'buffer', dense: true, cellDates: false, cellNF: false, cellText: false, cellStyles: false });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  async function* rows(): AsyncGenerator<RawRow> {
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
      const origin = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s : { r: 0, c: 0 };
      for (let r = origin.r; r < data.length; r++) {
        const row = data[r] ?? [];
        const cells: CellValue[] = [];
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          cells.push(!cell || cell.t === 'e' || cell.t === 'z' ? null : (cell.v as CellValue));
        }
        yield { line: r + 1, cells, raw: rawOfCells(cells), sheet: name };
      }
    }
  }
  return { rows: rows(), bytesRead: () => buf.length, checkWidth: false, date1904, close: () => {} };
}
