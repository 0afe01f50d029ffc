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
