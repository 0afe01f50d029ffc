// Wiring: everything a service needs, built once at boot and passed down as `deps`.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Config } from './config.ts';
import { connectDb, type Db } from './db/connect.ts';
import { createPii, parseMasterKey, systemClock, type Clock, type Pii, type Logger, type Jobs } from './core/index.ts';

export type Deps = {
  config: Config;
  db: Db;
  pool: pg.Pool;
  pii: Pii;
  clock: Clock;
  log: Logger;
  jobs: Jobs | null; // null in processes that only serve HTTP (tests may add jobs later)
};

/** The master key: from config, or generated once into the data directory for laptop use. */
export function loadMasterKey(config: Config): Buffer {
  if (config.secretKey) return parseMasterKey(config.secretKey);
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return parseMasterKey(fs.readFileSync(file, 'utf8'));
}

export function buildDeps(config: Config, databaseUrl: string, log: Logger, clock: Clock = systemClock): Deps {
  const { db, pool } = connectDb(databaseUrl);
  return { config, db, pool, pii: createPii(loadMasterKey(config)), clock, log, jobs: null };
}
