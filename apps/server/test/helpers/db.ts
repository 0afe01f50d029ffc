// Each test file gets its own fresh database on the real PostgreSQL that `npm test` provides
// (embedded, or DATABASE_URL): no mocks, no shared state between files.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { buildDeps, migrations } from '../../src/main.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createLogger, migrateJobs } from '../../src/core/index.ts';

export const TEST_SECRET = 'ab'.repeat(32);

export function adminUrl(): string {
  const url = process.env.SIYU_TEST_PG_ADMIN;
  if (!url) throw new Error('Run tests with `npm test`: it provides a PostgreSQL (SIYU_TEST_PG_ADMIN)');
  return url;
}

export type TestDb = { url: string; name: string; drop: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDb> {
  const name = `siyu_t_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return {
    url: u.toString(), name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl, SIYU_SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1',
    SIYU_DATA_DIR: path.join(os.tmpdir(), 'siyu-test-data'),
  }, overrides);
}

/** A migrated database and deps wired to it, for service- and repo-level tests. */
export async function withTestDeps(): Promise<{ deps: Deps; close: () => Promise<void> }> {
  const tdb = await createTestDatabase();
  const config = testConfig(tdb.url);
  const deps = buildDeps(config, tdb.url, createLogger('warn'));
  await migrateToLatest(deps.db, migrations);
  await migrateJobs(deps.pool, deps.log);
  return { deps, close: async () => { await deps.db.destroy(); await tdb.drop(); } };
}
