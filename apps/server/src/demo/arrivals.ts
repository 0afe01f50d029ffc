// When demo customers arrived: two years of growth (the latest month ~5× the first), bumps
// after the big sales (双11, 618, 年货节 …: the parcel arrives, the buyer scans the card a few
// days later), and the hours people actually add a WeChat contact.
import { weighted, type Rng } from './random.ts';

export const DAY_MS = 86_400_000;
export const WINDOW_DAYS = 730;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const GROWTH = Math.log(5);

// Adds by hour of day, Asia/Shanghai: lunch break and evening peaks, quiet nights.
const HOURS = weighted([0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3.5, 4.5, 4.6, 4.8, 4.2, 3.8, 3.9, 4, 3.8, 3.9, 4.6, 5.6, 6.2, 5.4, 2.8].map((w, h) => [h, w] as const));

// [month (1-12), day, weight]: sale days that send a wave of parcels (and package cards).
const SALES: ReadonlyArray<readonly [number, number, number]> = [
  [11, 11, 5], [6, 18, 3], [12, 12, 1.2], [3, 8, 1.2], [1, 15, 2], [9, 15, 1], [8, 8, 0.6],
];

function salesWithin(startMs: number, nowMs: number) {
  const entries: Array<readonly [number, number]> = [];
  const first = new Date(startMs).getUTCFullYear();
  const last = new Date(nowMs).getUTCFullYear();
  for (let y = first; y <= last; y++) {
    for (const [m, d, w] of SALES) {
      const offsetDays = (Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS - startMs) / DAY_MS;
      if (offsetDays >= 0 && offsetDays < WINDOW_DAYS) entries.push([offsetDays, w * Math.exp(GROWTH * offsetDays / WINDOW_DAYS)]);
    }
  }
  return entries.length ? weighted(entries) : null;
}

/** `n` creation times (ms), ascending, all in the last two years and before `now`. */
export function arrivalTimes(rng: Rng, n: number, now: Date): Float64Array {
  const nowMs = now.getTime();
  const startMs = nowMs - WINDOW_DAYS * DAY_MS;
  const sales = salesWithin(startMs, nowMs);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      let offsetDays: number;
      if (!sales || rng.chance(0.8)) {
        // inverse CDF of a density growing as e^(GROWTH·x) over the window
        offsetDays = (Math.log(1 + rng.next() * (Math.exp(GROWTH) - 1)) / GROWTH) * WINDOW_DAYS;
      } else {
        offsetDays = sales.draw(rng) + 2 + rng.next() * 10;
      }
      const local = startMs + offsetDays * DAY_MS + SHANGHAI_OFFSET_MS;
      const dayStart = Math.floor(local / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
      const t = dayStart + HOURS.draw(rng) * 3_600_000 + rng.int(3_600_000);
      if (t >= startMs && t < nowMs - 60_000) {
        out[i] = t;
        break;
      }
    }
  }
  return out.sort();
}

/** A delay with an exponential tail (most things happen soon, some much later). */
export const delayMs = (rng: Rng, meanDays: number) => -Math.log(1 - rng.next()) * meanDays * DAY_MS;
