// Streams a CSV export as raw rows: file → byte counter → iconv decoder → csv-parse. Nothing holds
// more than a chunk and one record, so a million-row file runs in flat memory, and rows come out
// as they are parsed. Records the parser cannot read (an unclosed quote) become rows with an error.
import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { decoderName, type CsvEncoding } from './sniff.ts';
import type { RawRow, RowSource } from './source.ts';

type CsvRecord = { record: string[]; raw: string; info: { records: number } };

/**
 * Line breaks in a record's raw text (CRLF, LF or CR each count once). csv-parse's own `lines`
 * counts the CR and the LF of a CRLF inside a quoted cell as two lines, so lines are counted here.
 */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (raw.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

export function openCsvSource(file: string, encoding: CsvEncoding): RowSource {
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const decoder = iconv.decodeStream(decoderName(encoding), { stripBOM: true });
  const parser = parse({
    bom: true,
    record_delimiter: ['\r\n', '\n'], // a re-saved file can mix Windows and Unix line ends
    relax_column_count: true, // a short row is reported as a reject, not a crash
    relax_quotes: true, // `9,1"0,11` is common in free-text cells; keep the quote as text
    raw: true,
    info: true,
    skip_records_with_error: true,
    max_record_size: 4 * 1024 * 1024, // an unclosed quote must not swallow the rest of a huge file
  });
  // Skips are emitted while parsing, possibly ahead of records still buffered; `records` (how many
  // records came before the bad one) puts them back in file order.
  const skipped: { after: number; raw: string; reason: string }[] = [];
  parser.on('skip', (err: CsvError & { raw?: string; records?: number }) => {
    const reason = err.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号没有闭合（从这一行到文件末尾都无法读取）' : `CSV 格式错误（${err.code}）`;
    skipped.push({ after: err.records ?? 0, raw: err.raw ?? '', reason });
  });
  const fail = (err: Error) => parser.destroy(err);
  input.on('error', fail);
  decoder.on('error', fail);
  input.pipe(decoder).pipe(parser);

  async function* rows(): AsyncGenerator<RawRow> {
    let line = 1;
    const skippedRow = (): RawRow => {
      const s = skipped.shift() as (typeof skipped)[number];
      const row = { line, cells: [], raw: s.raw, error: s.reason };
      line += lineBreaks(s.raw);
      return row;
    };
    for await (const rec of parser as AsyncIterable<CsvRecord>) {
      while (skipped.length > 0 && skipped[0].after < rec.info.records) yield skippedRow();
      const row = { line, cells: rec.record, raw: rec.raw };
      line += lineBreaks(rec.raw);
      yield row;
    }
    while (skipped.length > 0) yield skippedRow();
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
