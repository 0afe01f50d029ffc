// The platforms speak Beijing wall time (`yyyy-MM-dd HH:mm:ss`, no zone) or Unix seconds/ms, and
// money as yuan strings, yuan numbers or fen. These turn all of it into Dates and integer fen.
const CHINA_MS = 8 * 3600_000;

export function chinaTime(d: Date): string {
  return new Date(d.getTime() + CHINA_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseChinaTime(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})/.exec(v.trim());
  if (!m) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - CHINA_MS);
}

/** Unix seconds (0 / missing = none). */
export const fromUnix = (v: unknown): Date | null => (typeof v === 'number' && v > 0 ? new Date(v * 1000) : typeof v === 'string' && /^\d+$/.test(v) && +v > 0 ? new Date(+v * 1000) : null);
export const fromMs = (v: unknown): Date | null => (typeof v === 'number' && v > 0 ? new Date(v) : null);
export const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * Yuan → fen without float error: "123.45" → 12345, "58.51元" → 5851, 123.45 → 12345.
 * null for empty or unparseable input (never a guess).
 */
export function yuanToFen(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 100) : null;
  if (typeof v !== 'string') return null;
  const m = /^\s*(-)?(\d+)(?:\.(\d{0,2})\d*)?\s*(?:元)?\s*$/.exec(v);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** A fen amount as the platforms send it: an integer (or a numeric string). */
export function fen(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** A receiver phone only when it is visibly masked (138****5678): never ciphertext, never a full number. */
export const maskedPhone = (v: unknown): string | null => {
  const s = text(v);
  return s && s.includes('*') && !/[~$#]/.test(s) ? s : null;
};
