// Client-side limits per (corp, API path), below WeCom's own (10,000/min and 150,000/h per corp
// per API) so a busy sync never earns a 45009 block, which lasts as long as its window. A call
// over the limit waits in a FIFO queue for capacity instead of failing; the queue is bounded and a
// wait that cannot end within the caller's budget fails at once with a typed error.
//
// The windows are rate-limiter-flexible RateLimiterMemory counters. Its RateLimiterQueue is not
// used because a queued request there cannot be withdrawn when its caller gives up (it would still
// consume a token later and keep a timer alive), and it cannot hold two windows at once without
// spending a minute token while waiting for the hour.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { WecomRateLimitError } from './errors.ts';

export type RateLimitOptions = {
  perMinute?: number; // default 10,000 (WeCom's per-corp, per-API limit)
  perHour?: number; // default 150,000
  maxQueue?: number; // waiting calls per (corp, API) before new ones fail; default 10,000
  // Window lengths, for tests and time-compressed simulations only.
  minuteMs?: number;
  hourMs?: number;
};

type Waiter = { resolve: () => void; reject: (e: Error) => void; deadline: number; timer?: NodeJS.Timeout };
type Lane = { queue: Waiter[]; pumping: boolean; wake?: NodeJS.Timeout };

export type RateLimiter = {
  /** Resolves when the call may go; rejects with WecomRateLimitError if that is later than budgetMs. */
  acquire(corpId: string, api: string, budgetMs: number): Promise<void>;
};

export function createRateLimiter(opts: RateLimitOptions = {}): RateLimiter {
  const windows = [
    new RateLimiterMemory({ points: opts.perMinute ?? 10_000, duration: (opts.minuteMs ?? 60_000) / 1000, keyPrefix: 'm' }),
    new RateLimiterMemory({ points: opts.perHour ?? 150_000, duration: (opts.hourMs ?? 3_600_000) / 1000, keyPrefix: 'h' }),
  ];
  const maxQueue = opts.maxQueue ?? 10_000;
  const lanes = new Map<string, Lane>();

  // ms until every window has a point to spare (0 = now).
  async function waitNeeded(key: string): Promise<number> {
    let wait = 0;
    for (const w of windows) {
      const res = await w.get(key);
      if (res && res.consumedPoints >= w.points) wait = Math.max(wait, Math.max(res.msBeforeNext, 1));
    }
    return wait;
  }

  function drop(lane: Lane, waiter: Waiter) {
    const i = lane.queue.indexOf(waiter);
    if (i >= 0) lane.queue.splice(i, 1);
    if (waiter.timer) clearTimeout(waiter.timer);
  }

  async function pump(key: string, lane: Lane, api: string) {
    if (lane.pumping) return;
    lane.pumping = true;
    try {
      while (lane.queue.length > 0) {
        const wait = await waitNeeded(key);
        if (wait > 0) {
          // Whoever cannot last until capacity returns fails now rather than at its deadline.
          const now = Date.now();
          for (const w of [...lane.queue]) {
            if (w.deadline < now + wait) {
              drop(lane, w);
              w.reject(new WecomRateLimitError(api, 'wait_exceeds_timeout', wait));
            }
          }
          if (lane.queue.length > 0 && !lane.wake) {
            lane.wake = setTimeout(() => {
              lane.wake = undefined;
              void pump(key, lane, api);
            }, wait);
          }
          return;
        }
        const first = lane.queue.shift()!;
        if (first.timer) clearTimeout(first.timer);
        for (const w of windows) await w.consume(key, 1).catch(() => undefined);
        first.resolve();
      }
    } finally {
      lane.pumping = false;
      if (lane.queue.length === 0) {
        if (lane.wake) clearTimeout(lane.wake);
        lane.wake = undefined;
        lanes.delete(key);
      }
    }
  }

  return {
    acquire(corpId, api, budgetMs) {
      const key = `${corpId}|${api}`;
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { queue: [], pumping: false }));
      const l = lane;
      if (l.queue.length >= maxQueue) return Promise.reject(new WecomRateLimitError(api, 'queue_full'));
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, deadline: Date.now() + budgetMs };
        // A waiter stuck behind others past its budget gives up alone; the rest keep their places.
        waiter.timer = setTimeout(() => {
          drop(l, waiter);
          reject(new WecomRateLimitError(api, 'wait_exceeds_timeout'));
        }, budgetMs);
        l.queue.push(waiter);
        void pump(key, l, api);
      });
    },
  };
}
