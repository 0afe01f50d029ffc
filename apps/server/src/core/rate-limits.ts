// Limits that must hold across every Siyu process (several servers, the worker): counted in
// PostgreSQL by rate-limiter-flexible, all in one table. A count kept in process memory would let
// each process allow the whole limit again.
import crypto from 'node:crypto';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/connect.ts';
import { sql } from 'kysely';

export type Limit = { name: string; points: number; seconds: number };

const limiters = new WeakMap<pg.Pool, Map<string, RateLimiterPostgres>>();

function limiterFor(pool: pg.Pool, limit: Limit): RateLimiterPostgres {
  let byName = limiters.get(pool);
  if (!byName) limiters.set(pool, (byName = new Map()));
  let l = byName.get(limit.name);
  if (!l) {
    // The table comes from a migration; expired rows are pruned by the hourly job, not a timer here.
    l = new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false,
      keyPrefix: limit.name, points: limit.points, duration: limit.seconds });
    byName.set(limit.name, l);
  }
  return l;
}

/** Counts one attempt for `key` (stored hashed: keys can be secrets such as link tokens); false once over the limit. */
export async function takeAttempt(pool: pg.Pool, limit: Limit, key: string): Promise<boolean> {
  const hashed = crypto.createHash('sha256').update(key).digest('base64url');
  try {
    await limiterFor(pool, limit).consume(hashed);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/**
 * The limiter itself, for counts that need more than `takeAttempt`: consume before the work it
 * guards, reward (give the point back), block for a chosen time, get, delete. Keys are stored as
 * given after `<limit name>:`, so callers hash secrets and personal data (addresses) first.
 */
export function rateLimiter(pool: pg.Pool, limit: Limit): RateLimiterPostgres {
  return limiterFor(pool, limit);
}

export { RateLimiterRes };

const likePrefix = (limit: Limit, keyPrefix: string) => `${limit.name}:${keyPrefix}`.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

/** True when a stored count is over its limit now (rejected until it expires). */
const overLimit = (limit: Limit, row: { points: number; expire: number | null }, now: number) =>
  row.points > limit.points && (row.expire === null || row.expire > now);

/**
 * Deletes every count of `limits` whose key starts with `keyPrefix` (all the addresses one
 * account was tried from, say). Answers how many of the deleted counts were over their limit.
 */
export async function clearLimitKeys(db: Db, limits: Limit[], keyPrefix: string): Promise<number> {
  if (!limits.length) return 0;
  const rows = await sql<{ key: string; points: number; expire: number | null }>`
    delete from rate_limits where key like any(${limits.map((l) => likePrefix(l, keyPrefix))}::text[]) returning key, points, expire`.execute(db);
  const now = Date.now();
  return rows.rows.filter((r) => limits.some((l) => r.key.startsWith(`${l.name}:`) && overLimit(l, r, now))).length;
}

/**
 * Which of `keyPrefixes` have a count of `limit` over its limit now. Reads only the limit's
 * over-limit rows (few: locks), then matches them here.
 */
export async function blockedKeyPrefixes(db: Db, limit: Limit, keyPrefixes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!keyPrefixes.length) return found;
  const wanted = new Set(keyPrefixes);
  const lengths = [...new Set(keyPrefixes.map((p) => p.length))];
  const rows = await sql<{ key: string }>`
    select key from rate_limits
    where key like ${likePrefix(limit, '')} and points > ${limit.points} and (expire is null or expire > ${Date.now()})`.execute(db);
  for (const r of rows.rows) {
    const rest = r.key.slice(limit.name.length + 1);
    for (const n of lengths) if (wanted.has(rest.slice(0, n))) found.add(rest.slice(0, n));
  }
  return found;
}

/** Rows whose window ended over an hour ago. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await sql`delete from rate_limits where expire < ${Date.now() - 3_600_000}`.execute(db);
}
