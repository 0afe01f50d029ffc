// The order-export parsing layer: turns a back-office export file (Taobao/Tmall 订单报表 and 宝贝报表,
// the reduced Tmall report, JD, Douyin 抖店, Pinduoduo; CSV in any of their encodings, xlsx, xls)
// into a stream of OrderRecords, LooseItems and rejected rows for the order writer.
export { openExport, type DetectedExport, type OpenedExport, type ParsedRow } from './open-export.ts';
export { ExportFormatError } from './errors.ts';
export type { ExportKind } from './headers.ts';
