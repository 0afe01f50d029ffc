// One pg pool and one Kysely for the process. int8/numeric come back as numbers: our counts and
// fen amounts stay far below 2^53, and strings-for-numbers would leak into every API answer.
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';

pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric

/**
 * The process's database handle, typed by no module. Each module's repos take a view typed by its
 * own tables only (`Kysely<XTables>`), so a repo that writes another module's table does not
 * compile; services hand `deps.db` down and never build queries on it (the boundary check fails
 * on that). Only `insight` (read-only) and tests view several modules' tables at once.
 */
export type Db = Kysely<any>;
/** A transaction on the handle: what flows put in `deps.db` to make several modules' writes atomic. */
export type Tx = Transaction<any>;

/** A module's typed view of the handle or of a transaction (same connection, no copy of state). */
export function viewOf<T>(db: Db | Tx): Kysely<T> {
  return db as unknown as Kysely<T>;
}

export function connectDb(url: string, max = 20): { db: Db; pool: pg.Pool } {
  // No parallel query for the app's short requests: under concurrent load, gathering workers for
  // one list page costs the other requests more than it saves (measured in the list benchmark).
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, options: '-c max_parallel_workers_per_gather=0 -c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3' });
  // Keepalives: a machine that vanishes without closing its connections (power, network) would
  // otherwise hold its row locks until the OS notices, hours later; now about a minute.
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const db: Db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) });
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

/**
 * A condition on a row aliased `A` that another module adds to a query it does not own (tag
 * filters on the customer list): each module keeps its SQL, PostgreSQL plans one query. The
 * builder is untyped here; the module writing the condition views it through its own tables.
 */
export type RowCondition<A extends string> = (eb: ExpressionBuilder<any, A>) => Expression<SqlBool>;
