// The sim clock: real time plus an offset that only moves forward (POST /sim/clock). Everything
// time-bound in WeCom (tokens, welcome codes, takeovers, quota windows, media) reads it.
import type { SimState } from './state.ts';

export function simNow(state: SimState): number {
  return Math.floor(Date.now() / 1000) + state.clock_offset;
}

const CHINA_OFFSET = 8 * 3600; // WeCom's natural days and months are Beijing time

export function chinaMonthKey(unix: number): string {
  return new Date((unix + CHINA_OFFSET) * 1000).toISOString().slice(0, 7);
}

export function chinaDayKey(unix: number): string {
  return new Date((unix + CHINA_OFFSET) * 1000).toISOString().slice(0, 10);
}

export const DAY = 86400;
