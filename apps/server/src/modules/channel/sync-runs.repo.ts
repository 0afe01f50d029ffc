// SQL of sync runs: their checkpoint and progress live in the row, so a run resumes after a crash.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';

export const insertRun = (db: ChannelDb, row: { tenant_id: string; id: string; kind: 'full' | 'incremental'; requested_by: string | null; progress: string }) =>
  db.insertInto('wecom_sync_runs').values({ ...row, status: 'queued', checkpoint: '{}', stats: '{}' }).execute();

export const findRun = (db: ChannelDb, tenantId: string, id: string) =>
  db.selectFrom('wecom_sync_runs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const unfinishedRun = (db: ChannelDb, tenantId: string) =>
  db.selectFrom('wecom_sync_runs').selectAll().where('tenant_id', '=', tenantId).where('status', 'in', ['queued', 'running'])
    .orderBy('created_at').limit(1).executeTakeFirst();

export const recentRuns = (db: ChannelDb, tenantId: string, limit: number) =>
  db.selectFrom('wecom_sync_runs').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();

export const startRun = (db: ChannelDb, tenantId: string, id: string, at: Date) =>
  db.updateTable('wecom_sync_runs').set({ status: 'running', started_at: sql`coalesce(started_at, ${at})` as never })
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const saveRun = (db: ChannelDb, tenantId: string, id: string, set: { phase: string | null; checkpoint: string; progress: string; stats: string }) =>
  db.updateTable('wecom_sync_runs').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const finishRun = (db: ChannelDb, tenantId: string, id: string, status: 'done' | 'failed', error: string | null, at: Date) =>
  db.updateTable('wecom_sync_runs').set({ status, error, finished_at: at, phase: null }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const tenantsWithUnfinishedRuns = async (db: ChannelDb) =>
  (await db.selectFrom('wecom_sync_runs').select(['tenant_id', 'id']).where('status', 'in', ['queued', 'running']).execute());

/** A temporary failure, shown while the job waits to retry; cleared when the run finishes well. */
export const setRunError = (db: ChannelDb, tenantId: string, id: string, error: string | null) =>
  db.updateTable('wecom_sync_runs').set({ error }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
