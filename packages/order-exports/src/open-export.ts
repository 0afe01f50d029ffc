// Opens a back-office order export: sniffs the format and encoding, finds the header row, recognises
// the kind of export by its headers, then streams ParsedRows. File-level problems throw
// ExportFormatError before any row is produced; row-level problems become rejects and never stop
// the file.
import fs from 'node:fs';
import type { Platform } from './records.ts';
import type { ParsedRow } from './parsed-row.ts';
import { ExportFormatError } from './errors.ts';
import { indexFields, rankKinds, type ExportKind, type HeaderMatch, type KindSpec } from './headers.ts';
import { sniffEncoding, sniffFormat, type CsvEncoding, type FileFormat } from './sniff.ts';
import { openCsvSource } from './csv-source.ts';
import { openXlsSource, openXlsxSource } from './excel-source.ts';
import type { RowSource } from './source.ts';
import { parseRows, type HeaderRow } from './parse-rows.ts';

export type DetectedExport = {
  kind: ExportKind;
  platform: Platform;
  format: FileFormat;
  encoding: CsvEncoding | null; // null for xlsx/xls
  headers: string[]; // as found, trimmed
};

export type OpenedExport = { detected: DetectedExport; rows: AsyncIterable<ParsedRow>; bytesTotal: number; bytesRead: () => number };

const PREFIX_BYTES = 1 << 20;
const HEADER_SEARCH_ROWS = 20;

export const PLATFORM_LABEL: Record<Platform, string> = {
  taobao: '淘宝', tmall: '天猫', jd: '京东', douyin: '抖店', pinduoduo: '拼多多', kuaishou: '快手小店', youzan: '有赞', wechat_shop: '微信小店',
};
/** Platforms with no known export headers (spec §2d/2e): their orders come through API connectors. */
const API_ONLY: Platform[] = ['kuaishou', 'youzan', 'wechat_shop'];
const API_ONLY_HINT = '快手小店、有赞、微信小店没有已知的导出格式，请用它们的 API 连接器同步订单。';

// Taobao and Tmall shops export the same reports, so either platform may be named for them.
const TAOBAO_FAMILY: Platform[] = ['taobao', 'tmall'];
const compatible = (spec: KindSpec, platform: Platform) =>
  spec.platform === platform || (TAOBAO_FAMILY.includes(spec.platform) && TAOBAO_FAMILY.includes(platform));

export async function openExport(file: string, opts: { platform?: Platform } = {}): Promise<OpenedExport> {
  const wanted = opts.platform;
  if (wanted && API_ONLY.includes(wanted)) {
    const name = PLATFORM_LABEL[wanted];
    throw new ExportFormatError(`${name}没有已知的订单导出格式（找不到可靠的表头定义），暂不支持文件导入。请使用${name}的 API 连接器同步订单。`);
  }
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat || !stat.isFile()) throw new ExportFormatError(`找不到文件：${file}`);
  if (stat.size === 0) throw new ExportFormatError('文件是空的（0 字节）。请重新从商家后台导出订单。');

  const prefix = await readPrefix(file, Math.min(stat.size, PREFIX_BYTES));
  const format = sniffFormat(prefix);
  let encoding: CsvEncoding | null = null;
  let source: RowSource;
  if (format === 'csv') {
    encoding = sniffEncoding(prefix, stat.size <= PREFIX_BYTES);
    source = openCsvSource(file, encoding);
  } else {
    try {
      source = format === 'xlsx' ? openXlsxSource(file) : openXlsSource(file);
    } catch (e) {
      throw new ExportFormatError(`无法读取这个 ${format} 文件（${(e as Error).message}）。文件可能已损坏，请重新导出。`);
    }
  }

  let header: HeaderRow;
  try {
    header = await findHeader(source, format, wanted);
  } catch (e) {
    source.close();
    if (e instanceof ExportFormatError) throw e;
    throw new ExportFormatError(`无法读取这个 ${format} 文件（${(e as Error).message}）。文件可能已损坏，请重新导出。`);
  }
  const platform = wanted ?? header.spec.platform;
  const detected: DetectedExport = { kind: header.spec.kind, platform, format, encoding, headers: header.headers };
  const index = indexFields(header.headers, header.spec);
  return {
    detected,
    rows: parseRows(source, header, index, platform, encoding),
    bytesTotal: stat.size,
    bytesRead: source.bytesRead,
  };
}

async function readPrefix(file: string, length: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const headerText = (c: unknown) => (c === null || c === undefined ? '' : String(c).replace(/^\uFEFF/, '').trim());

/** The first row (among the first few of a sheet) whose headers fit a kind of export. */
async function findHeader(source: RowSource, format: FileFormat, wanted: Platform | undefined): Promise<HeaderRow> {
  let best: { match: HeaderMatch; headers: string[] } | null = null;
  let sheet: string | undefined;
  let seen = 0;
  let any = false;
  for (;;) {
    const next = await source.rows.next();
    if (next.done) break;
    const row = next.value;
    if (row.sheet !== sheet) {
      sheet = row.sheet;
      seen = 0;
    }
    if (row.error || row.cells.every((c) => headerText(c) === '')) continue;
    any = true;
    if (seen++ >= HEADER_SEARCH_ROWS) {
      if (format === 'csv') break;
      continue; // a workbook's later sheet may hold the report (订单报表 / 销售明细 / 发货报表)
    }
    const headers = row.cells.map(headerText);
    const ranked = rankKinds(headers).filter((m) => !wanted || compatible(m.spec, wanted));
    const top = ranked[0];
    if (top && top.score === 1) return { headers, spec: top.spec, line: row.line, sheet: row.sheet };
    const overall = rankKinds(headers)[0];
    if (wanted && overall.score === 1) throw mismatch(wanted, overall.spec);
    if (top && (!best || top.score > best.match.score)) best = { match: top, headers };
  }
  if (!any) throw new ExportFormatError('文件是空的（没有任何表格内容）。请重新从商家后台导出订单。');
  throw unknownHeaders(best, wanted);
}

function mismatch(wanted: Platform, found: KindSpec): ExportFormatError {
  const fingerprint = found.required.map((alts) => alts[0]).slice(0, 4).join('、');
  return new ExportFormatError(
    `指定的平台是「${PLATFORM_LABEL[wanted]}」，但这个文件的表头是「${found.label}」（有 ${fingerprint} 等列）。请确认选择的平台，或换成${PLATFORM_LABEL[wanted]}后台导出的文件。`,
  );
}

function unknownHeaders(best: { match: HeaderMatch; headers: string[] } | null, wanted: Platform | undefined): ExportFormatError {
  const scope = wanted ? `${PLATFORM_LABEL[wanted]}的订单导出` : '任何已知的订单导出格式';
  if (!best) return new ExportFormatError(`无法识别的文件：找不到表头行，不属于${scope}。${API_ONLY_HINT}`);
  const shown = best.headers.filter(Boolean);
  const list = shown.slice(0, 12).join('、') + (shown.length > 12 ? ` 等 ${shown.length} 列` : '');
  // Naming a "closest" format only helps when the file shares some of its columns.
  const closest = best.match.score > 0
    ? `最接近的是「${best.match.spec.label}」，缺少列：${best.match.missing.join('、')}。`
    : '表头里没有订单导出的关键列（如 订单编号、订单号、主订单编号）。';
  return new ExportFormatError(
    `无法识别的订单导出文件：表头不属于${scope}。${closest}文件的表头是：${list}。` +
      `支持淘宝/天猫的订单报表和宝贝报表、天猫精简订单报表、京东、抖店、拼多多的订单导出；${API_ONLY_HINT}`,
  );
}
