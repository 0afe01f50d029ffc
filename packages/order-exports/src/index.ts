// @siyu/order-exports: the normalised order every source produces (records.ts) and, from a
// back-office export file, the parsers that produce it. Knows nothing of Siyu's database.
export { PLATFORMS, PLATFORM_NAMES, type Platform, type OrderStatus, type RefundState, type ItemRecord, type OrderRecord, type LooseItem, type RejectedRow } from './records.ts';
// From a back-office export file (Taobao/Tmall 订单报表 and 宝贝报表, the reduced Tmall report, JD,
// Douyin 抖店, Pinduoduo; CSV in any of their encodings, xlsx, xls): a stream of OrderRecords,
// LooseItems and rejected rows.
export { openExport, type DetectedExport, type OpenedExport } from './open-export.ts';
export type { ParsedRow } from './parsed-row.ts';
export { ExportFormatError } from './errors.ts';
export type { ExportKind } from './headers.ts';
export type { FileFormat, CsvEncoding } from './sniff.ts';
