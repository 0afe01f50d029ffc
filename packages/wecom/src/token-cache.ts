// access_token cache per (corpId, secret). WeCom returns the same token while it is valid and
// rate-limits gettoken, so every client in the process shares one cache by default, concurrent
// callers share one in-flight gettoken, and a secret WeCom called invalid (40001/40013) is not
// tried again for a while: repeated wrong-secret calls get the server's IP banned for an hour.
import crypto from 'node:crypto';
import { WecomApiError } from './errors.ts';

export type CachedToken = { accessToken: string; expiresAt: number /* epoch ms, already minus the early-refresh margin */ };

export type TokenCache = {
  get(corpId: string, secret: string): CachedToken | undefined;
  set(corpId: string, secret: string, token: CachedToken): void;
  /**
   * Drops the cached token. With `staleToken`, only if it is still that token: a caller holding
   * an old token must not throw away the fresh one another caller just fetched. Also forgets a
   * remembered invalid-secret failure (call it after fixing the secret in WeCom's console).
   */
  invalidate(corpId: string, secret: string, staleToken?: string): void;
};

// How long a 40001/40013 answer is remembered; invalidate() clears it earlier.
const BAD_SECRET_MEMORY_MS = 5 * 60_000;
// Refresh this long before WeCom's expiry (capped at a tenth of the lifetime for short tokens).
const EARLY_REFRESH_MS = 5 * 60_000;

type Side = { inflight: Map<string, Promise<CachedToken>>; failures: Map<string, { error: WecomApiError; until: number }> };
const sides = new WeakMap<TokenCache, Side>();
function sideOf(cache: TokenCache): Side {
  let s = sides.get(cache);
  if (!s) sides.set(cache, (s = { inflight: new Map(), failures: new Map() }));
  return s;
}

// The secret is hashed so it never sits in a map key (heap dumps, debug logs).
export function tokenKey(corpId: string, secret: string): string {
  return `${corpId}:${crypto.createHash('sha256').update(secret).digest('base64url').slice(0, 22)}`;
}

export function createTokenCache(): TokenCache {
  const entries = new Map<string, CachedToken>();
  const cache: TokenCache = {
    get(corpId, secret) {
      const hit = entries.get(tokenKey(corpId, secret));
      return hit && hit.expiresAt > Date.now() ? hit : undefined;
    },
    set(corpId, secret, token) {
      entries.set(tokenKey(corpId, secret), token);
    },
    invalidate(corpId, secret, staleToken) {
      const key = tokenKey(corpId, secret);
      const hit = entries.get(key);
      if (hit && (staleToken === undefined || hit.accessToken === staleToken)) entries.delete(key);
      if (staleToken === undefined) sideOf(cache).failures.delete(key);
    },
  };
  return cache;
}

/** The cache every client uses unless given its own. */
export const sharedTokenCache: TokenCache = createTokenCache();

export function expiryFromNow(expiresInSec: number, now = Date.now()): number {
  const lifetime = Math.max(0, expiresInSec) * 1000;
  return now + lifetime - Math.min(EARLY_REFRESH_MS, lifetime / 10);
}

/**
 * The cached token, or one fetched with `fetchToken` — at most one fetch in flight per key, shared
 * by every concurrent caller. Invalid-secret answers are remembered and rethrown without a call.
 */
export async function obtainToken(
  cache: TokenCache,
  corpId: string,
  secret: string,
  fetchToken: () => Promise<CachedToken>,
): Promise<CachedToken> {
  const hit = cache.get(corpId, secret);
  if (hit) return hit;
  const key = tokenKey(corpId, secret);
  const side = sideOf(cache);
  const failed = side.failures.get(key);
  if (failed && failed.until > Date.now()) throw failed.error;
  let pending = side.inflight.get(key);
  if (!pending) {
    pending = fetchToken()
      .then((token) => {
        cache.set(corpId, secret, token);
        side.failures.delete(key);
        return token;
      })
      .catch((err: unknown) => {
        if (err instanceof WecomApiError && (err.kind === 'invalid_secret' || err.kind === 'invalid_corpid')) {
          side.failures.set(key, { error: err, until: Date.now() + BAD_SECRET_MEMORY_MS });
        }
        throw err;
      })
      .finally(() => side.inflight.delete(key));
    side.inflight.set(key, pending);
  }
  return pending;
}
