// WeCom's frequency limits (§11) with rate-limiter-flexible: per (corp, api) per minute and hour,
// per (ip, api) per minute and hour. They run on real time (the library's clock); advancing the sim
// clock past a window resets that window, which is what a client waiting it out would see.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { SimLimits } from './limits.ts';

export type RateLimits = {
  /** true when the call is allowed, false when a limit is exceeded (45009). */
  consume(corpid: string | undefined, ip: string, api: string): Promise<boolean>;
  clockAdvanced(seconds: number): void;
};

export function createRateLimits(limits: SimLimits): RateLimits {
  const make = (points: number, duration: number) => new RateLimiterMemory({ points, duration });
  let corpMinute = make(limits.corpApiPerMinute, 60);
  let ipMinute = make(limits.ipApiPerMinute, 60);
  let corpHour = make(limits.corpApiPerHour, 3600);
  let ipHour = make(limits.ipApiPerHour, 3600);

  async function ok(limiter: RateLimiterMemory, key: string): Promise<boolean> {
    try {
      await limiter.consume(key);
      return true;
    } catch (err) {
      if (err instanceof Error) throw err; // a library failure, not a rejection
      return false;
    }
  }

  return {
    async consume(corpid, ip, api) {
      const checks: Array<Promise<boolean>> = [ok(ipMinute, `${ip}|${api}`), ok(ipHour, `${ip}|${api}`)];
      if (corpid) checks.push(ok(corpMinute, `${corpid}|${api}`), ok(corpHour, `${corpid}|${api}`));
      return (await Promise.all(checks)).every(Boolean);
    },
    clockAdvanced(seconds) {
      if (seconds >= 60) {
        corpMinute = make(limits.corpApiPerMinute, 60);
        ipMinute = make(limits.ipApiPerMinute, 60);
      }
      if (seconds >= 3600) {
        corpHour = make(limits.corpApiPerHour, 3600);
        ipHour = make(limits.ipApiPerHour, 3600);
      }
    },
  };
}
