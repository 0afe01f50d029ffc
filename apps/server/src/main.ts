// Boot: config → database (embedded or DATABASE_URL) → deps → migrate → workers → HTTP.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { buildDeps, type Deps } from './deps.ts';
import { ensureDatabase } from './db/connect.ts';
import { startEmbeddedPostgres, type EmbeddedPg } from './db/embedded.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger, migrateJobs, startJobs, startConsumers, type Logger } from './core/index.ts';
import { buildApp } from './http/app.ts';
import { consumers, jobSpec } from './wiring.ts';

export type Database = { url: string; embedded: EmbeddedPg | null };

/** The database Siyu uses: DATABASE_URL as given, else the embedded cluster's `siyu` database. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log: (m) => log.debug({ pg: m }) });
  const url = embedded.url.replace(/\/postgres$/, '/siyu');
  await ensureDatabase(url);
  return { url, embedded };
}

export async function prepare(config: Config, log: Logger = createLogger(config.logLevel)) {
  const database = await openDatabase(config, log);
  const deps = buildDeps(config, database.url, log);
  const applied = await migrateToLatest(deps.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await migrateJobs(deps.pool, deps.log);
  const close = async () => {
    await deps.db.destroy();
    await database.embedded?.stop();
  };
  return { deps, database, close };
}

export type Running = { deps: Deps; app: FastifyInstance; url: string; stop: () => Promise<void> };

export async function startServer(config: Config, opts: { consoleDir?: string; log?: Logger; beforeListen?: (deps: Deps) => Promise<void> } = {}): Promise<Running> {
  const { deps, close } = await prepare(config, opts.log);
  await opts.beforeListen?.(deps);
  const jobs = await startJobs(deps.pool, jobSpec(deps), config.workerConcurrency, deps.log);
  deps.jobs = jobs;
  const consumerLoop = startConsumers(deps.db, consumers, deps.log);
  const app = await buildApp(deps, { consoleDir: opts.consoleDir });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= (async () => {
    await app.close();
    await consumerLoop.stop();
    await jobs.stop();
    await close();
  })());
  return { deps, app, url: `http://localhost:${port}`, stop };
}
