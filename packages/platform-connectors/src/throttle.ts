// Client-side pacing and retries, without a dependency: calls for one shop are spaced by a minimum
// interval (a slot is reserved before sleeping, so concurrent callers in this process queue up
// instead of bursting), and a call that the platform answered with busy / limit (or that failed in
// transit) is retried with exponential backoff and jitter. Other errors go straight up.
import { ConnectorError } from './errors.ts';

const nextSlot = new Map<string, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pace(key: string, intervalMs: number): Promise<void> {
  if (intervalMs <= 0) return;
  const now = Date.now();
  const at = Math.max(now, nextSlot.get(key) ?? 0);
  nextSlot.set(key, at + intervalMs);
  if (at > now) await sleep(at - now);
}

export type RetryPolicy = { attempts: number; baseMs: number; maxMs: number };
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, maxMs: 30_000 };

export async function withRetry<T>(policy: RetryPolicy, fn: () => Promise<T>, onRetry?: (err: ConnectorError, attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind !== 'retry' || attempt >= policy.attempts) throw err;
      onRetry?.(err, attempt);
      const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}
