// A small seeded PRNG for the demo data: the same seed gives the same names, regions, tags and
// times, so two demo brands of the same size look alike (ids, ciphertexts and other secrets come
// from node:crypto and differ on purpose).
import crypto from 'node:crypto';

export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [0, n). */
  int: (n: number) => number;
  /** Integer in [lo, hi]. */
  range: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Standard normal (Box–Muller). */
  normal: () => number;
  /** Poisson-distributed count with mean `lambda` (Knuth; fine for small means). */
  poisson: (lambda: number) => number;
};

/** mulberry32: 32-bit state, fast, good enough for synthetic data (not for secrets). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    poisson: (lambda) => {
      const l = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > l) {
        k++;
        p *= next();
      }
      return k;
    },
  };
}

/** Picks items by weight in O(log n): build once, draw millions of times. */
export type Weighted<T> = { draw: (rng: Rng) => T; items: readonly T[] };

export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): Weighted<T> {
  const items = entries.map((e) => e[0]);
  const cum = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    total += w;
    cum[i] = total;
  });
  return {
    items,
    draw(rng) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo];
    },
  };
}

/** Zipf-like weights (rank^-s): a few best sellers, a long tail. */
export const zipf = (n: number, s = 1): number[] => Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random base62 strings from node:crypto, for ids that must be unique across demo brands
 * (unionids, external_userids). Draws from a pooled buffer: millions of short ids stay cheap.
 */
export type IdSource = { base62: (len: number) => string; bits: (bits: number) => number };

export function createIdSource(poolBytes = 1 << 16): IdSource {
  let pool = crypto.randomBytes(poolBytes);
  let pos = 0;
  const byte = () => {
    if (pos >= pool.length) {
      pool = crypto.randomBytes(poolBytes);
      pos = 0;
    }
    return pool[pos++];
  };
  return {
    base62(len: number): string {
      let s = '';
      while (s.length < len) {
        const b = byte();
        if (b < 248) s += BASE62[b % 62]; // 248 = 4 × 62: no modulo bias
      }
      return s;
    },
    /** An unsigned integer below 2^bits (bits ≤ 32). */
    bits(bits: number): number {
      const v = ((byte() << 24) | (byte() << 16) | (byte() << 8) | byte()) >>> 0;
      return bits >= 32 ? v : v >>> (32 - bits);
    },
  };
}
