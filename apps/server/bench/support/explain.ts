// Which SQL a request ran and how PostgreSQL executed it: a Kysely with a log hook records the
// queries of one request (only while `capture` is on), then EXPLAIN ANALYZE replays the slowest.
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../src/main.ts';

export type CapturedQuery = { sql: string; parameters: readonly unknown[]; ms: number };

export function capturingDb(pool: pg.Pool) {
  let sink: CapturedQuery[] | null = null;
  let lastQueryAt = 0;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e: LogEvent) => {
      lastQueryAt = performance.now();
      // Only statements EXPLAIN can replay: not begin/commit, not the count's set_config.
      const explainable = /^\s*(select|with)\s/i.test(e.query.sql) && !e.query.sql.includes('set_config');
      if (sink && e.level === 'query' && explainable) sink.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
    },
  });
  return {
    db,
    /** Resolves once no query has finished for `ms` milliseconds. */
    async quiet(ms: number): Promise<void> {
      while (performance.now() - lastQueryAt < ms) await new Promise((r) => setTimeout(r, 100));
    },
    /** Runs `fn` and returns the queries it caused, slowest first. */
    async capture(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
      const mine: CapturedQuery[] = [];
      sink = mine;
      try {
        await fn();
      } finally {
        sink = null;
      }
      return mine.sort((a, b) => b.ms - a.ms);
    },
  };
}

export async function explainAnalyze(pool: pg.Pool, q: CapturedQuery): Promise<string> {
  const res = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
  return res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
}

/** The SQL with its parameters shown inline, for reading (not for running). */
export function readable(q: CapturedQuery): string {
  return q.sql.replace(/\$(\d+)/g, (_, i: string) => {
    const v = q.parameters[Number(i) - 1];
    return Array.isArray(v) ? `'{${v.join(',')}}'` : typeof v === 'string' ? `'${v}'` : String(v);
  });
}
