// One pg pool and one Kysely for the process. int8/numeric come back as numbers: our counts and
// fen amounts stay far below 2^53, and strings-for-numbers would leak into every API answer.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';

pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric

export type Db = Kysely<Database>;

export function connectDb(url: string, max = 20): { db: Db; pool: pg.Pool } {
  // No parallel query for the app's short requests: under concurrent load, gathering workers for
  // one list page costs the other requests more than it saves (measured in the list benchmark).
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, options: '-c max_parallel_workers_per_gather=0' });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** Creates the database named in `url` when missing (embedded first start, fresh CI servers). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
