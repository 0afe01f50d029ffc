// Streams a CSV export as raw rows: file → byte counter → iconv decoder → csv-parse. Nothing holds
// more than a chunk and one record, so a million-row file runs in flat memory, and rows come out
// as they are parsed. Records the parser cannot read (an unclosed quote) become rows with an error.
import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { decoderName, type CsvEncoding } from './sniff.ts';
import type { RawRow, RowSource } from './source.ts';

type CsvRecord = { record: string[]; raw: string; info: { lines: number } };

/** The line a record starts on: csv-parse reports the line where it ended. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/\r?\n$|\r$/, '');
  let breaks = 0;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) breaks++;
  return endLine - breaks;
}

export function openCsvSource(file: string, encoding: CsvEncoding): RowSource {
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const decoder = iconv.decodeStream(decoderName(encoding), { stripBOM: true });
  const parser = parse({
    bom: true,
    relax_column_count: true, // a short row is reported as a reject, not a crash
    relax_quotes: true, // `9,1"0,11` is common in free-text cells; keep the quote as text
    raw: true,
    info: true,
    skip_records_with_error: true,
    max_record_size: 4 * 1024 * 1024, // an unclosed quote must not swallow the rest of a huge file
  });
  const skipped: RawRow[] = [];
  parser.on('skip', (err: CsvError & { raw?: string; lines?: number }) => {
    const raw = err.raw ?? '';
    const reason = err.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号没有闭合（从这一行到文件末尾都无法读取）' : `CSV 格式错误（${err.code}）`;
    skipped.push({ line: startLine(err.lines ?? 0, raw), cells: [], raw, error: reason });
  });
  const fail = (err: Error) => parser.destroy(err);
  input.on('error', fail);
  decoder.on('error', fail);
  input.pipe(decoder).pipe(parser);

  async function* rows(): AsyncGenerator<RawRow> {
    for await (const rec of parser as AsyncIterable<CsvRecord>) {
      const line = startLine(rec.info.lines, rec.raw);
      // Skips are emitted while parsing, possibly ahead of records still buffered: keep file order.
      while (skipped.length > 0 && skipped[0].line < line) yield skipped.shift() as RawRow;
      yield { line, cells: rec.record, raw: rec.raw };
    }
    yield* skipped.splice(0);
  }

  return {
    rows: rows(),
    bytesRead: () => input.bytesRead,
    checkWidth: true,
    date1904: false,
    close: () => {
      input.destroy();
      parser.destroy();
    },
  };
}
