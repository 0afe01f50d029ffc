// A process that dies must not keep its jobs. graphile-worker marks a job (and its queue, which
// holds back every later job of that queue — a tenant's callbacks) as locked by the worker running
// it, and frees a lock only after 4 hours: after a SIGKILL, a crash or a lost machine, a tenant's
// callback processing would stand still that long.
//
// So every process writes a heartbeat for each of its workers (`worker_heartbeats`, every 5 s,
// the database's clock), and every process sweeps (at start and every 10 s): a job or queue locked
// for longer than STALE by a worker without a beat within STALE belongs to a process that is gone,
// and is handed back with graphile-worker's own `forceUnlockWorkers`. The job then runs again from
// its start on any worker (its attempt was counted when it was taken), which every task already
// allows: a task is retried after any failure. A job is freed at most STALE + SWEEP (40 s) after
// its process died, whether or not that process is restarted: any process sweeps.
//
// The condition on the lock's age covers the moment between a worker taking its first job and its
// first beat. A process whose event loop stalls for longer than STALE is taken for dead: its jobs
// may then run twice, once late — at-least-once, as after any retry.
import crypto from 'node:crypto';
import os from 'node:os';
import type pg from 'pg';
import type { WorkerUtils } from 'graphile-worker';
import type { Logger } from './logger.ts';

export type LivenessOptions = { heartbeatMs?: number; staleMs?: number; sweepMs?: number };
export const LIVENESS_DEFAULTS = { heartbeatMs: 5_000, staleMs: 30_000, sweepMs: 10_000 } as const;

const WORKER_SCHEMA = 'graphile_worker'; // graphile-worker's default; we never set another

export type Liveness = {
  /** A worker started in this process: beats from now on. */
  add: (workerId: string) => void;
  /** A worker of this process stopped (released or died of a fatal error): its beats stop. */
  remove: (workerId: string) => void;
  /** Frees jobs and queues held by workers without a recent beat; returns the worker ids freed. */
  sweep: () => Promise<string[]>;
  stop: () => Promise<void>;
};

export function startLiveness(pool: pg.Pool, utils: WorkerUtils, log: Logger, opts: LivenessOptions = {}): Liveness {
  const { heartbeatMs, staleMs, sweepMs } = { ...LIVENESS_DEFAULTS, ...opts };
  const processId = `${os.hostname()}/${process.pid}/${crypto.randomBytes(4).toString('hex')}`;
  const workers = new Set<string>();
  let stopped = false;

  const quiet = (what: string) => (err: unknown) => {
    if (!stopped) log.warn({ err }, `${what} failed; will try again`);
  };

  // One beat in flight at a time; a worker added meanwhile gets the next one right after.
  let beating: Promise<void> | null = null;
  let again = false;
  const beat = (): Promise<void> => {
    if (beating) {
      again = true;
      return beating;
    }
    return (beating = (async () => {
      try {
        if (workers.size === 0 || stopped) return;
        await pool.query(
          `insert into worker_heartbeats (worker_id, process_id, beat_at)
           select unnest($1::text[]), $2, now()
           on conflict (worker_id) do update set beat_at = excluded.beat_at, process_id = excluded.process_id`,
          [[...workers], processId]);
      } finally {
        beating = null;
        if (again && !stopped) {
          again = false;
          void beat().catch(quiet('worker heartbeat'));
        }
      }
    })());
  };

  const sweep = async (): Promise<string[]> => {
    const r = await pool.query<{ worker_id: string; jobs: number; queues: string[] }>(
      `select l.locked_by as worker_id,
              count(*) filter (where l.kind = 'job')::int as jobs,
              coalesce(array_agg(l.name) filter (where l.kind = 'queue'), '{}') as queues
       from (
         select 'job' as kind, locked_by, locked_at, null::text as name from ${WORKER_SCHEMA}._private_jobs where locked_by is not null
         union all
         select 'queue', locked_by, locked_at, queue_name from ${WORKER_SCHEMA}._private_job_queues where locked_by is not null
       ) l
       where l.locked_at < now() - make_interval(secs => $1)
         and not exists (select 1 from worker_heartbeats h where h.worker_id = l.locked_by and h.beat_at > now() - make_interval(secs => $1))
       group by l.locked_by`,
      [staleMs / 1000]);
    const dead = r.rows.map((x) => x.worker_id);
    if (dead.length) {
      await utils.forceUnlockWorkers(dead);
      log.warn({ workers: r.rows }, 'freed jobs held by workers whose process is gone');
    }
    // Beats of workers taken for gone (a live but stalled process writes its rows again on its next beat).
    await pool.query(`delete from worker_heartbeats where beat_at < now() - make_interval(secs => $1)`, [staleMs / 1000]);
    return dead;
  };

  let sweeping: Promise<unknown> | null = null;
  const sweepOnce = () => (sweeping ??= sweep().catch(quiet('freeing jobs of dead workers')).finally(() => (sweeping = null)));

  const beatTimer = setInterval(() => void beat().catch(quiet('worker heartbeat')), heartbeatMs);
  const sweepTimer = setInterval(() => void sweepOnce(), sweepMs);
  beatTimer.unref();
  sweepTimer.unref();
  void sweepOnce(); // at start: a process restarted after a crash frees what its predecessor held

  return {
    add: (id) => {
      workers.add(id);
      void beat().catch(quiet('worker heartbeat'));
    },
    remove: (id) => {
      workers.delete(id);
      void pool.query(`delete from worker_heartbeats where worker_id = $1`, [id]).catch(quiet('removing a worker heartbeat'));
    },
    sweep,
    stop: async () => {
      stopped = true;
      clearInterval(beatTimer);
      clearInterval(sweepTimer);
      await Promise.allSettled([beating, sweeping]);
      if (workers.size) await pool.query(`delete from worker_heartbeats where worker_id = any($1::text[])`, [[...workers]]).catch(() => undefined);
      workers.clear();
    },
  };
}
