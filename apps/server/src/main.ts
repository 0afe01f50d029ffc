// The composition root: how the server is put together, in one file. Config → database → deps →
// every module's migrations, consumers, jobs and routes → HTTP. Nothing imports this file but the
// outer shells (cli, tests, benchmarks); a new module is registered here in one line per part.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { connectDb } from './db/connect.ts';
import { openDatabase } from './db/open.ts';
import { migrateToLatest, type Migrations } from './db/migrate.ts';
import {
  AppError, createLogger, createPii, migrateJobs, parseMasterKey, pruneOutbox, pruneRateLimits, startConsumers, startJobs, systemClock,
  coreMigrations, type Clock, type Consumer, type CoreTables, type JobSpec, type Logger,
} from './core/index.ts';
import { buildHttp } from './http/app.ts';
import * as tenancy from './modules/tenancy/index.ts';
import * as customers from './modules/customers/index.ts';
import * as tagging from './modules/tagging/index.ts';
import * as channel from './modules/channel/index.ts';
import * as commerce from './modules/commerce/index.ts';
import * as insight from './modules/insight/index.ts';
import * as acquisition from './modules/acquisition/index.ts';
import { handleWecomCallback } from './flows/wecom-events.flow.ts';
import { runSync } from './flows/wecom-sync.flow.ts';
import { flowRoutes } from './flows/flows.routes.ts';

/** Every table, for the few readers that see across modules: tests and benchmarks. */
export type Database = CoreTables & tenancy.TenancyTables & customers.CustomersTables & tagging.TaggingTables & channel.ChannelTables & commerce.CommerceTables & insight.InsightTables & acquisition.AcquisitionTables;

export const migrations: Migrations = {
  ...coreMigrations,
  ...tenancy.tenancyMigrations,
  ...customers.customersMigrations,
  ...tagging.taggingMigrations,
  ...channel.channelMigrations,
  ...commerce.commerceMigrations,
  ...acquisition.acquisitionMigrations,
  ...insight.insightMigrations,
};

export const consumers: Consumer[] = [customers.timelineConsumer, customers.tagTokensConsumer, insight.matchCountsConsumer, acquisition.callListsConsumer, acquisition.touchesConsumer];

// ── Ports: what one module asks of another, answered here ────────────────────────────────────

const CALLBACKS_TASK = 'channel.process-callbacks';

/** Asks a worker to work through a tenant's new callbacks: one queue per tenant keeps them in order. */
export async function kickCallbacks(deps: Deps, tenantId: string) {
  await deps.jobs?.add(CALLBACKS_TASK, { tenantId }, { jobKey: `wecom-callbacks:${tenantId}`, queueName: `wecom:${tenantId}`, maxAttempts: 25 });
}

/** Queues an API sync of one shop now (the connectors' job). */
async function syncShopNow(deps: Deps, tenantId: string, shopId: string) {
  await deps.jobs?.add(commerce.SYNC_SHOP_TASK, { tenantId, shopId }, { jobKey: `commerce-sync:${shopId}`, queueName: `commerce-sync:${shopId}` });
}

// ── Jobs and schedules ───────────────────────────────────────────────────────────────────────

export function jobSpec(deps: Deps): JobSpec {
  return {
    tasks: {
      'tenancy.prune-sessions': async () => {
        await tenancy.pruneSessions(deps);
        await pruneRateLimits(deps.db);
      },
      [CALLBACKS_TASK]: async (payload) => {
        await channel.processPendingCallbacks(deps, (payload as { tenantId: string }).tenantId, handleWecomCallback);
      },
      // A safety net: callbacks stored by a process without workers, or left by a crash.
      'channel.sweep-callbacks': async () => {
        for (const tenantId of await channel.tenantsWithPendingCallbacks(deps)) await kickCallbacks(deps, tenantId);
      },
      // Callbacks can be lost (WeCom gives up after its retries): a nightly full sync reconciles.
      'channel.nightly-sync': async () => {
        for (const tenantId of await channel.connectedTenants(deps)) {
          await channel.requestSync(deps, null, tenantId, 'full').catch((err) => {
            if (!(err instanceof AppError && err.code === 'SYNC_RUNNING')) throw err;
          });
        }
      },
      [commerce.SYNC_SHOP_TASK]: async (payload) => {
        await commerce.runSyncShopJob(deps, payload as { tenantId: string; shopId: string });
      },
      // Shops with API sync enabled are synced on their own interval (each shop its own queue).
      'commerce.sync-due': async () => {
        await commerce.syncDueShops(deps);
      },
      // Imports whose process died are failed and their uploaded files removed.
      [commerce.SWEEP_IMPORTS_TASK]: async () => {
        await commerce.sweepStalledImports(deps);
      },
      [commerce.IMPORT_TASK]: async (payload) => {
        const p = payload as { tenantId: string; importId: string };
        await commerce.runImportJob(deps, p.tenantId, p.importId);
      },
      // Retention (docs/operations.md): each module prunes its own tables, 10,000 rows a statement.
      'core.prune-outbox': async () => {
        await pruneOutbox(deps.db, { consumers: consumers.map((c) => c.name), keepDays: deps.config.retention.outboxDays, now: deps.clock.now() });
      },
      'channel.prune-callbacks': async () => {
        await channel.pruneCallbacks(deps);
      },
      'customers.prune-timeline': async () => {
        await customers.pruneTimeline(deps);
      },
      'commerce.prune-import-rejects': async () => {
        await commerce.pruneImportRejects(deps);
      },
      // Live codes: each code's WeCom user list follows caps, schedules and backups (after each add, and every minute).
      [acquisition.ROTATE_TASK]: async (payload) => {
        const p = payload as { tenantId: string; codeId: string };
        await acquisition.reconcileCode(deps, p.tenantId, p.codeId);
      },
      [acquisition.ROTATE_ALL_TASK]: async () => {
        await acquisition.reconcileAllCodes(deps);
      },
      // Attribution: new and changed orders read through commerce's door and attributed; a full run after a window change.
      [acquisition.ATTRIBUTE_ORDERS_TASK]: async () => {
        await acquisition.catchUpAllOrders(deps);
      },
      [acquisition.REATTRIBUTE_TASK]: async (payload) => {
        await acquisition.reattributeAll(deps, (payload as { tenantId: string }).tenantId);
      },
      [channel.SYNC_TASK]: async (payload, helpers) => {
        const p = payload as { tenantId: string; runId: string };
        await runSync(deps, p.tenantId, p.runId, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
      },
    },
    crontab: [
      { task: 'tenancy.prune-sessions', match: '17 * * * *', identifier: 'prune-sessions' },
      { task: 'channel.sweep-callbacks', match: '* * * * *', identifier: 'sweep-callbacks' },
      { task: acquisition.ROTATE_ALL_TASK, match: '* * * * *', identifier: 'live-codes-rotate' },
      { task: 'commerce.sync-due', match: '* * * * *', identifier: 'commerce-sync-due' },
      { task: acquisition.ATTRIBUTE_ORDERS_TASK, match: '* * * * *', identifier: 'attribute-orders' },
      { task: commerce.SWEEP_IMPORTS_TASK, match: '*/5 * * * *', identifier: 'commerce-sweep-imports' },
      { task: 'channel.nightly-sync', match: '30 19 * * *', identifier: 'nightly-sync' }, // 03:30 in Asia/Shanghai (cron runs in UTC)
      { task: 'channel.prune-callbacks', match: '23 * * * *', identifier: 'prune-callbacks' },
      { task: 'core.prune-outbox', match: '10 20 * * *', identifier: 'prune-outbox' }, // 04:10 in Asia/Shanghai
      { task: 'customers.prune-timeline', match: '40 20 * * *', identifier: 'prune-timeline' }, // 04:40 in Asia/Shanghai
      { task: 'commerce.prune-import-rejects', match: '50 20 * * *', identifier: 'prune-import-rejects' }, // 04:50 in Asia/Shanghai
    ],
  };
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

/** WeCom callbacks: stored in batches, then handed to a worker (see modules/channel/intake.ts). */
function callbackIntake(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const kick = channel.coalesce((t) => kickCallbacks(deps, t), (err, t) => deps.log.warn({ err, tenantId: t }, 'could not queue callback processing'));
    const intake = channel.createIntake(deps, (tenantIds) => {
      for (const t of tenantIds) kick(t);
    });
    app.addHook('onClose', async () => intake.drain());
    await app.register(channel.callbackRoutes(deps, intake));
  };
}

export function buildApp(deps: Deps, opts: { consoleDir?: string } = {}): Promise<FastifyInstance> {
  return buildHttp(deps, {
    authenticate: (app) => tenancy.installActorHook(app, deps),
    root: [callbackIntake(deps)],
    api: [
      tenancy.tenancyRoutes(deps, customers.customerCountsByStaff),
      customers.customersRoutes(deps, { stateNames: channel.stateNames, sourceChannels: channel.sourceChannels }),
      tagging.taggingRoutes(deps),
      channel.channelRoutes(deps),
      commerce.commerceRoutes(deps, { friendsByShop: insight.friendsByShop, syncShopNow: (tenantId, shopId) => syncShopNow(deps, tenantId, shopId) }),
      insight.insightRoutes(deps),
      acquisition.callListsRoutes(deps),
      acquisition.liveCodeRoutes(deps),
      acquisition.attributionRoutes(deps),
      flowRoutes(deps),
    ],
    consoleDir: opts.consoleDir,
  });
}

// ── Boot ─────────────────────────────────────────────────────────────────────────────────────

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

/** A migrated database (embedded or DATABASE_URL) and deps wired to it. */
export async function prepare(config: Config, log: Logger = createLogger(config.logLevel)) {
  const database = await openDatabase(config, (m) => log.debug({ pg: m }));
  const deps = buildDeps(config, database.url, log);
  const applied = await migrateToLatest(deps.db, migrations);
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
