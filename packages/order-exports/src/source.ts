// The shape every file reader (CSV, xlsx, xls) hands to the mapper: rows of cells with the line (or
// sheet row) they came from, so rejects can point at the place in the file the operator sees.
import type { CellValue } from './cells.ts';

export type RawRow = {
  line: number;
  cells: CellValue[];
  /** The original text of the row (CSV), or its cells joined by commas (spreadsheets). */
  raw: string;
  /** Spreadsheets only: rows of another sheet end the table the header was found in. */
  sheet?: string;
  /** Set when the reader itself could not read the row; cells are then empty. */
  error?: string;
};

export type RowSource = {
  rows: AsyncIterator<RawRow>;
  bytesRead: () => number;
  /** CSV rows must have as many cells as the header; spreadsheets drop trailing empty cells. */
  checkWidth: boolean;
  /** Workbooks saved with the 1904 date system (old Mac Excel) shift every serial by 1462 days. */
  date1904: boolean;
  close: () => void;
};

export function rawOfCells(cells: CellValue[]): string {
  return cells
    .map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)))
    .join(',');
}
