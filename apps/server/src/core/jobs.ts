// Background jobs and schedules run on graphile-worker (PostgreSQL-backed: retries with backoff,
// job keys for dedupe, cron, many workers across processes). Modules contribute tasks by name.
// Jobs held by a process that died are freed within a minute (job-liveness.ts).
import { EventEmitter } from 'node:events';
import { run, makeWorkerUtils, parseCronItems, Logger as WorkerLogger, type Runner, type TaskList, type WorkerUtils, type CronItem, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from './logger.ts';
import { startLiveness, type LivenessOptions } from './job-liveness.ts';

export type JobSpec = { tasks: TaskList; crontab: CronItem[] };

export type Jobs = {
  /** Enqueue a job; a `jobKey` replaces a pending job with the same key instead of adding one. */
  /** `queueName`: jobs of one queue run one at a time, in order (e.g. one tenant's callbacks). */
  add: (task: string, payload: unknown, opts?: { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string }) => Promise<void>;
  stop: () => Promise<void>;
};

// graphile-worker's own messages go to our structured log (its "info" chatter as debug).
const workerLogger = (log: Logger) => new WorkerLogger(() => (level, message, meta) => {
  const target = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
  // meta can hold a whole pg client; keep what helps a reader
  const err = (meta as { error?: { message?: string; code?: string } } | undefined)?.error;
  log[target](err ? { worker: { error: err.message, code: err.code } } : {}, message);
});

export async function migrateJobs(pool: pg.Pool, log: Logger): Promise<void> {
  const utils = await makeWorkerUtils({ pgPool: pool, logger: workerLogger(log) });
  try {
    await utils.migrate();
  } finally {
    await utils.release();
  }
}

export async function startJobs(pool: pg.Pool, spec: JobSpec, concurrency: number, log: Logger, liveness: LivenessOptions = {}): Promise<Jobs> {
  const utils: WorkerUtils = await makeWorkerUtils({ pgPool: pool, logger: workerLogger(log) });
  // Every process sweeps, workers or not: whichever survives or starts frees what a dead one held.
  const alive = startLiveness(pool, utils, log, liveness);
  let runner: Runner | undefined;
  if (concurrency > 0) {
    // Our own emitter, so that no worker is created before we listen (run() starts them at once).
    const events = new EventEmitter() as WorkerEvents;
    events.on('worker:create', ({ worker }) => alive.add(worker.workerId));
    events.on('worker:stop', ({ worker }) => alive.remove(worker.workerId));
    events.on('job:error', ({ job, error }) => log.warn({ task: job.task_identifier, err: error }, 'job failed; will retry'));
    try {
      runner = await run({
        pgPool: pool,
        concurrency,
        noHandleSignals: true, // Siyu owns shutdown
        pollInterval: 1000,
        taskList: spec.tasks,
        parsedCronItems: parseCronItems(spec.crontab),
        logger: workerLogger(log),
        events,
      });
    } catch (err) {
      await alive.stop();
      await utils.release();
      throw err;
    }
  }
  return {
    add: async (task, payload, opts) => {
      await utils.addJob(task, payload as Record<string, unknown>, opts);
    },
    stop: async () => {
      await runner?.stop();
      await alive.stop();
      await utils.release();
    },
  };
}
