// What kind of file this is, from its first bytes: xlsx (a zip), legacy xls (an OLE compound file),
// or text. Text is decoded as UTF-8 (with or without BOM) when it is UTF-8, else as GB18030 — the
// superset of GBK that old Taobao/JD exports use.
import { ExportFormatError } from './errors.ts';

export type FileFormat = 'csv' | 'xlsx' | 'xls';
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const NOT_A_TABLE: [Buffer, string][] = [
  [Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'PNG 图片'],
  [Buffer.from([0xff, 0xd8, 0xff]), 'JPEG 图片'],
  [Buffer.from('GIF8'), 'GIF 图片'],
  [Buffer.from('%PDF'), 'PDF 文档'],
  [Buffer.from([0x52, 0x61, 0x72, 0x21]), 'RAR 压缩包'],
  [Buffer.from([0x1f, 0x8b]), 'gzip 压缩包'],
  [Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), '7z 压缩包'],
];

const HOW_TO = '请上传从商家后台导出的订单文件（CSV、xlsx 或 xls）。';

export function sniffFormat(prefix: Buffer): FileFormat {
  if (prefix.length >= 4 && prefix.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (prefix.subarray(0, 8).equals(OLE)) return 'xls';
  for (const [magic, what] of NOT_A_TABLE) {
    if (prefix.subarray(0, magic.length).equals(magic)) throw new ExportFormatError(`这是一个 ${what}，不是订单导出文件。${HOW_TO}`);
  }
  if ((prefix[0] === 0xff && prefix[1] === 0xfe) || (prefix[0] === 0xfe && prefix[1] === 0xff)) {
    throw new ExportFormatError('文件是 UTF-16 编码的文本（Excel 的“Unicode 文本”），暂不支持。请在 Excel 中另存为“CSV UTF-8”或 xlsx 后再导入。');
  }
  const head = prefix.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype') || head.startsWith('<table')) {
    throw new ExportFormatError('这个文件其实是网页（HTML）表格，只是扩展名像 Excel。请用 Excel 打开后另存为 xlsx 或 CSV 再导入。');
  }
  // Text never contains NUL bytes; binaries almost always do in their first kilobytes.
  if (prefix.subarray(0, 64 * 1024).includes(0)) throw new ExportFormatError(`文件不是文本表格，也不是 Excel 文件。${HOW_TO}`);
  return 'csv';
}

type Utf8Scan = { valid: number; invalid: number };

/**
 * Counts multi-byte UTF-8 sequences that are valid and invalid. A sequence cut by the end of the
 * prefix (`complete` false) is not counted as invalid: the rest of it is simply not read yet.
 */
export function scanUtf8(buf: Buffer, complete: boolean): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) { invalid++; i++; continue; }
    if (i + len > buf.length && !complete) break;
    let ok = i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) ok = (buf[i + k] & 0xc0) === 0x80;
    // Overlong 3/4-byte forms and UTF-16 surrogates are not UTF-8.
    if (ok && len === 3) ok = !(b === 0xe0 && buf[i + 1] < 0xa0) && !(b === 0xed && buf[i + 1] >= 0xa0);
    if (ok && len === 4) ok = !(b === 0xf0 && buf[i + 1] < 0x90) && !(b === 0xf4 && buf[i + 1] >= 0x90);
    if (ok) { valid++; i += len; } else { invalid++; i++; }
  }
  return { valid, invalid };
}

/** True when every non-ASCII byte pairs up as a GBK double-byte character (no GB18030 4-byte forms). */
export function isGbk(buf: Buffer, complete: boolean): boolean {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    if (b === 0x80 || b === 0xff) return false;
    if (i + 1 >= buf.length) return !complete;
    const t = buf[i + 1];
    if (t < 0x40 || t === 0x7f || t === 0xff) return false;
    i += 2;
  }
  return true;
}

/**
 * Strict UTF-8 first. A rare damaged row must not turn a whole UTF-8 file into GB18030 mojibake, so
 * a file whose multi-byte sequences are overwhelmingly valid UTF-8 still counts as UTF-8 (the bad
 * rows are rejected later, they decode to U+FFFD); GBK text fails UTF-8 on most of its characters.
 */
export function sniffEncoding(prefix: Buffer, complete: boolean): CsvEncoding {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return 'utf-8-bom';
  const { valid, invalid } = scanUtf8(prefix, complete);
  if (invalid === 0 || invalid * 50 < valid) return 'utf-8';
  return isGbk(prefix, complete) ? 'gbk' : 'gb18030';
}

/** The WHATWG TextDecoder label for the file; GBK files are decoded as GB18030 (a strict superset). */
export function decoderName(encoding: CsvEncoding): 'utf-8' | 'gb18030' {
  return encoding === 'utf-8' || encoding === 'utf-8-bom' ? 'utf-8' : 'gb18030';
}
