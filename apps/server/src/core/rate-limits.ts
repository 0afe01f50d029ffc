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

/** Rows whose window ended over an hour ago. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await sql`delete from rate_limits where expire < ${Date.now() - 3_600_000}`.execute(db);
}
