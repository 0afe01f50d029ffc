import dayjs from 'dayjs';

export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

export function region(province: string | null, city: string | null): string {
  // Municipalities come as 上海/上海: say it once.
  if (province && city && province !== city) return `${province} ${city}`;
  return province || city || '—';
}

/** Empty inputs mean "no value", which the API spells null. */
export function blankToNull(v: string | null | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money is integer fen on the wire: 123450 → ¥1,234.50; null → —. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `${fen < 0 ? '-' : ''}¥${YUAN.format(Math.abs(fen) / 100)}`;
}

/** A yuan amount typed by a person (12.5) as integer fen (1250); empty stays undefined. */
export function yuanToFen(yuan: number | string | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || yuan === '') return undefined;
  const n = Number(yuan);
  return Number.isFinite(n) ? Math.round(n * 100) : undefined;
}

/** 1536 → 1.5 MB, for file sizes and import progress. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A share as a percentage with one decimal: (3, 8) → 37.5; nothing of nothing → 0. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
