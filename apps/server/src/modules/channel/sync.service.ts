// Sync runs: one at a time per tenant, queued as a job; the flow does the work phase by phase
// and saves a checkpoint after every page, so a restarted worker resumes instead of starting over.
import type { SyncOverview, SyncRun, SyncKind, SyncPhaseName } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { AppError, newId, audit } from '../../core/index.ts';
import { requireRole, staffNames, type Actor } from '../tenancy/index.ts';
import * as repo from './sync-runs.repo.ts';

export const SYNC_PHASES: SyncPhaseName[] = ['departments', 'members', 'tags', 'channels', 'customers', 'groups'];
export const SYNC_TASK = 'channel.sync';

export type PhaseProgress = { name: SyncPhaseName; done: number; total: number | null; finished: boolean };
export type RunState = {
  tenantId: string; runId: string; kind: SyncKind; startedAt: Date;
  checkpoint: Record<string, unknown>; progress: PhaseProgress[]; stats: Record<string, number>;
};

type RunRow = NonNullable<Awaited<ReturnType<typeof repo.findRun>>>;

function toApi(r: RunRow, names: Map<string, string>): SyncRun {
  const progress = (r.progress as unknown as { phases?: PhaseProgress[] }).phases ?? [];
  return {
    id: r.id, kind: r.kind, status: r.status, phase: (r.phase as SyncPhaseName | null) ?? null, phases: progress,
    stats: r.stats, error: r.error, requestedBy: r.requested_by ? names.get(r.requested_by) ?? null : null,
    createdAt: new Date(r.created_at).toISOString(), startedAt: r.started_at?.toISOString() ?? null, finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function syncOverview(deps: Deps, actor: Actor): Promise<SyncOverview> {
  const [rows, names] = await Promise.all([repo.recentRuns(deps.db, actor.tenantId, 10), staffNames(deps, actor.tenantId)]);
  const current = rows.find((r) => r.status === 'queued' || r.status === 'running');
  return { current: current ? toApi(current, names) : null, recent: rows.map((r) => toApi(r, names)) };
}

/** Queues a sync; one runs at a time per tenant. `actor` null = the system (first connection, schedule). */
export async function requestSync(deps: Deps, actor: Actor | null, tenantId: string, kind: SyncKind): Promise<SyncRun> {
  if (actor) requireRole(actor, 'admin');
  if (!deps.jobs) throw new AppError('INTERNAL', '后台任务未启动，无法同步');
  const running = await repo.unfinishedRun(deps.db, tenantId);
  if (running) throw new AppError('SYNC_RUNNING', '已有同步正在进行，请等它完成', { runId: running.id });
  const id = newId();
  const phases: PhaseProgress[] = SYNC_PHASES.map((name) => ({ name, done: 0, total: null, finished: false }));
  await repo.insertRun(deps.db, { tenant_id: tenantId, id, kind, requested_by: actor?.staffId ?? null, progress: JSON.stringify({ phases }) });
  await deps.jobs.add(SYNC_TASK, { tenantId, runId: id }, { jobKey: `wecom-sync:${tenantId}:${id}`, maxAttempts: 10 });
  if (actor) await audit(deps.db, { tenantId, actorId: actor.staffId, action: 'wecom.sync.request', targetType: 'wecom_sync_run', targetId: id, detail: { kind } });
  const row = await repo.findRun(deps.db, tenantId, id);
  return toApi(row!, await staffNames(deps, tenantId));
}

export async function loadRun(deps: Deps, tenantId: string, runId: string): Promise<(RunState & { status: RunRow['status'] }) | null> {
  const r = await repo.findRun(deps.db, tenantId, runId);
  if (!r) return null;
  return {
    tenantId, runId, kind: r.kind, status: r.status, checkpoint: r.checkpoint, startedAt: r.started_at ?? deps.clock.now(),
    progress: (r.progress as unknown as { phases?: PhaseProgress[] }).phases ?? [], stats: r.stats,
  };
}

export const markRunStarted = (deps: Deps, s: RunState) => repo.startRun(deps.db, s.tenantId, s.runId, deps.clock.now());

export async function saveRunState(deps: Deps, s: RunState) {
  const phase = s.progress.find((p) => !p.finished)?.name ?? null;
  await repo.saveRun(deps.db, s.tenantId, s.runId, {
    phase, checkpoint: JSON.stringify(s.checkpoint), progress: JSON.stringify({ phases: s.progress }), stats: JSON.stringify(s.stats),
  });
}

export const finishRun = (deps: Deps, s: RunState, error: string | null) =>
  repo.finishRun(deps.db, s.tenantId, s.runId, error ? 'failed' : 'done', error, deps.clock.now());

export const noteRunRetry = (deps: Deps, s: RunState, message: string) => repo.setRunError(deps.db, s.tenantId, s.runId, `${message}（稍后自动重试）`);

export async function syncRunsExist(deps: Deps, tenantId: string): Promise<boolean> {
  return (await repo.recentRuns(deps.db, tenantId, 1)).length > 0;
}
