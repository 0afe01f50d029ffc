// CSV the way exporters write it: CRLF, quotes only where needed, `="…"` formulas left bare.
export type Row = Record<string, string>;

function cell(v: string): string {
  if (v.startsWith('=')) return v;
  return /[",\r\n]/.test(v) || v.startsWith('\t') ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Cells are looked up by trimmed header, so spec headers with trailing spaces work as keys. */
export function table(headers: string[], rows: Row[]): string {
  const lines = [headers.join(',')];
  for (const r of rows) lines.push(headers.map((h) => cell(r[h.trim()] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
