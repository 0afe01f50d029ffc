// What every service receives: the process's parts, built once by the composition root (main.ts)
// and passed down. A type only: this file sits at the bottom of the layers with core and db.
import type pg from 'pg';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Clock, Pii, Logger, Jobs } from './core/index.ts';

export type Deps = {
  config: Config;
  /** The database handle, or a flow's transaction (a copy of deps with `db` set to it). */
  db: Db;
  pool: pg.Pool;
  pii: Pii;
  clock: Clock;
  log: Logger;
  jobs: Jobs | null; // null in processes that only serve HTTP (tests may add jobs later)
};
