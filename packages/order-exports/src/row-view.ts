// Typed access to one row's cells by canonical field. Strict readers turn a bad cell into a RowError
// naming the column (so the reject reason says which cell was wrong); lenient readers give null for
// columns that are informative only and must not cost the whole row.
import { CellError, RowError } from './errors.ts';
import { cleanText, parseCount, parseMoneyFen, parseOrderId, parseShanghaiDate, type CellValue, type OrderIdCell } from './cells.ts';
import type { Field, FieldIndex } from './headers.ts';

export type RowView = {
  has: (f: Field) => boolean;
  text: (f: Field) => string | null;
  money: (f: Field) => number | null;
  moneyOrNull: (f: Field) => number | null;
  date: (f: Field) => Date | null;
  dateOrNull: (f: Field) => Date | null;
  count: (f: Field) => number | null;
  orderId: () => OrderIdCell;
};

/** A view for one row; `rowViews` below is the same for a whole file without new closures per row. */
export function rowView(index: FieldIndex, cells: CellValue[], date1904: boolean): RowView {
  return rowViews(index, date1904)(cells);
}

/**
 * One set of readers per file, pointed at each row in turn: creating a dozen closures per row was
 * a measurable share of parsing a million-row export.
 */
export function rowViews(index: FieldIndex, date1904: boolean): (cells: CellValue[]) => RowView {
  let cells: CellValue[] = [];
  const cell = (f: Field): CellValue => {
    const at = index[f];
    return at === undefined ? null : cells[at.col];
  };
  const strict = <T>(f: Field, read: (v: CellValue) => T): T => {
    try {
      return read(cell(f));
    } catch (e) {
      if (e instanceof CellError) throw new RowError(`${index[f]?.header ?? f}：${e.message}`);
      throw e;
    }
  };
  const lenient = <T>(f: Field, read: (v: CellValue) => T): T | null => {
    try {
      return read(cell(f));
    } catch (e) {
      if (e instanceof CellError) return null;
      throw e;
    }
  };
  const toDate = (v: CellValue) => parseShanghaiDate(v, { date1904 });
  const view: RowView = {
    has: (f) => index[f] !== undefined,
    text: (f) => cleanText(cell(f)),
    money: (f) => strict(f, parseMoneyFen),
    moneyOrNull: (f) => lenient(f, parseMoneyFen),
    date: (f) => strict(f, toDate),
    dateOrNull: (f) => lenient(f, toDate),
    count: (f) => strict(f, parseCount),
    orderId: () => {
      // The id's own message is the whole reason (e.g. 订单编号已被 Excel 改成科学计数法).
      let id: OrderIdCell | null;
      try {
        id = parseOrderId(cell('orderId'));
      } catch (e) {
        throw e instanceof CellError ? new RowError(e.message) : e;
      }
      if (!id) throw new RowError(`缺少${index.orderId?.header ?? '订单编号'}`);
      return id;
    },
  };
  return (row) => {
    cells = row;
    return view;
  };
}
