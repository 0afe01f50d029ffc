// Per-cell quirks of real back-office exports, in one place so every platform mapper reads cells the
// same way: Excel formula wrappers (`="…"`), leading `'` and TAB that exporters add to stop Excel from
// mangling numbers, `-`/`--`/`#NULL!` meaning empty, money with `元`/`¥`/thousands commas, dates
// re-saved by Excel without seconds, Excel serial numbers, and ids already destroyed by Excel.
import { CellError } from './errors.ts';

/** What a cell can hold: text from CSV, or the typed values spreadsheet readers give. */
export type CellValue = string | number | boolean | Date | null | undefined;

const EMPTY_MARKERS = new Set(['-', '--', '—', '#NULL!', '#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!']);

/** Excel stores at most 15 significant digits; wider integers arrive with the tail zeroed. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e15) return expandExponent(n.toPrecision(15));
  return String(n);
}

function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? '');
  const intLen = Number(m[4]) + 1;
  return m[1] + (intLen >= digits.length ? digits.padEnd(intLen, '0') : digits.slice(0, intLen));
}

/** Trimmed text with export wrappers removed; null for the many spellings of "empty". */
export function cleanText(v: CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return formatShanghai(v);
  let s = v.replace(/^\uFEFF/, '').trim();
  // Wrappers can nest (`="\t123"`), so peel until nothing changes.
  for (let i = 0; i < 4; i++) {
    const before = s;
    const formula = /^="(.*)"$/s.exec(s);
    if (formula) s = formula[1].replace(/""/g, '"');
    s = s.replace(/^['\t]+/, '').trim();
    if (s === before) break;
  }
  if (s === '' || EMPTY_MARKERS.has(s)) return null;
  return s;
}

/**
 * Money in yuan → integer fen, exactly: the decimal string is split, never multiplied as a float.
 * Accepts `58.51元`, `¥12.00`, `￥1,234.50`, `RMB 3`, `-2.5`; more than two decimals round half up.
 */
export function parseMoneyFen(v: CellValue): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CellError(`金额无法识别：${v}`);
    v = /e/i.test(String(v)) ? v.toFixed(4) : String(v);
  }
  const text = cleanText(v);
  if (text === null) return null;
  const s = text.replace(/[\s,，]/g, '').replace(/^(?:¥|￥|RMB|CNY)/i, '').replace(/元$/, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '') || m[2].length > 13) throw new CellError(`金额无法识别：${text}`);
  const frac = (m[3] ?? '').padEnd(3, '0');
  let fen = Number(m[2] || '0') * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) fen += 1;
  return m[1] === '-' && fen !== 0 ? -fen : fen;
}

/** Whole counts (购买数量…); `12.0` from spreadsheets is accepted, `1.5` is not. */
export function parseCount(v: CellValue): number | null {
  const text = cleanText(v);
  if (text === null) return null;
  const m = /^(\d{1,9})(?:\.0+)?$/.exec(text.replace(/[,，\s]/g, ''));
  if (!m) throw new CellError(`数量无法识别：${text}`);
  return Number(m[1]);
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A wall time in Asia/Shanghai (no DST since 1991) as an absolute Date. */
export function shanghaiTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | null {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const probe = new Date(t);
  // Date.UTC rolls 2月30日 over to March; a real export never does, so treat it as garbage.
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(t - SHANGHAI_OFFSET_MS);
}

export function formatShanghai(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 19);
}

/** Excel day serial (days since 1899-12-30; 1904 system for old Mac workbooks) → Shanghai wall time. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const seconds = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400);
  return new Date(seconds * 1000 - SHANGHAI_OFFSET_MS);
}

const DATE_RE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Dates as exports write them — `2017-05-30 23:18:00`, `2017/5/30 23:18`, `2017-05-30` — read as
 * Asia/Shanghai wall time unless an explicit offset is given; Excel serials and spreadsheet Dates
 * (whose UTC fields hold the wall time, as exceljs and SheetJS produce them) likewise.
 */
export function parseShanghaiDate(v: CellValue, opts: { date1904?: boolean } = {}): Date | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new CellError('日期无法识别');
    return new Date(Math.round(v.getTime() / 1000) * 1000 - SHANGHAI_OFFSET_MS);
  }
  if (typeof v === 'number') {
    if (v === 0) return null; // Excel shows an empty date cell formatted as date as serial 0
    if (!(v > 0 && v < 2958466)) throw new CellError(`日期无法识别：${v}`);
    return excelSerialToDate(v, opts.date1904);
  }
  const text = cleanText(v);
  if (text === null) return null;
  const m = DATE_RE.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
    const ms = Number((m[7] ?? '0').padEnd(3, '0'));
    const wall = shanghaiTime(y, mo, d, h, mi, s, ms);
    if (!wall) throw new CellError(`日期无法识别：${text}`);
    if (!m[8]) return wall;
    const off = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(-2)));
    return new Date(wall.getTime() + SHANGHAI_OFFSET_MS - off * 60_000);
  }
  // A serial that lost its date format on the way through a CSV; a Unix timestamp from a tool.
  if (/^\d{5}(\.\d+)?$/.test(text) && Number(text) >= 20000 && Number(text) < 80000) return excelSerialToDate(Number(text), opts.date1904);
  if (/^1\d{9}$/.test(text)) return new Date(Number(text) * 1000);
  if (/^1\d{12}$/.test(text)) return new Date(Number(text));
  throw new CellError(`日期无法识别：${text}`);
}

export type OrderIdCell = { id: string; suspect: boolean };

/** Excel keeps 15 significant digits: a longer all-digit id whose tail is all zeros was probably cut. */
export function isSuspectId(id: string): boolean {
  return /^\d{16,}$/.test(id) && /^0+$/.test(id.slice(15));
}

/**
 * Order ids as exports carry them. A scientific-notation id (`6.91793E+18`) has lost its digits for
 * good, so it is an error; a zero-tailed long id is kept (it still joins 订单报表 to 宝贝报表 of the
 * same export) but flagged so it is never matched against API orders.
 */
export function parseOrderId(v: CellValue): OrderIdCell | null {
  let text = cleanText(v);
  if (text === null) return null;
  if (/^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i.test(text)) throw new CellError('订单编号已被 Excel 改成科学计数法');
  text = text.replace(/^(\d+)\.0+$/, '$1');
  return { id: text, suspect: isSuspectId(text) };
}
