// SQL of the tenant's WeCom connection.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';
import type { WecomConnectionsTable } from './channel.tables.ts';

export type ConnectionRow = {
  tenant_id: string; corp_id: string; agent_id: number | null; base_url: string;
  secret_enc: string | null; callback_token_enc: string | null; aes_key_enc: string | null;
  status: WecomConnectionsTable['status']; last_tested_at: Date | null; last_error: string | null; updated_at: Date;
};

export async function findConnection(db: ChannelDb, tenantId: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom('wecom_connections').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst() as Promise<ConnectionRow | undefined>;
}

export async function upsertConnection(db: ChannelDb, row: Omit<ConnectionRow, 'status' | 'last_tested_at' | 'last_error'>) {
  await db.insertInto('wecom_connections').values({ ...row, status: 'untested' })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({
      corp_id: row.corp_id, agent_id: row.agent_id, base_url: row.base_url, secret_enc: row.secret_enc,
      callback_token_enc: row.callback_token_enc, aes_key_enc: row.aes_key_enc, updated_at: row.updated_at,
      status: 'untested', last_error: null,
    })).execute();
}

export async function recordTest(db: ChannelDb, tenantId: string, ok: boolean, error: string | null, at: Date) {
  await db.updateTable('wecom_connections').set({ status: ok ? 'connected' : 'error', last_error: error, last_tested_at: at })
    .where('tenant_id', '=', tenantId).execute();
}

export async function callbackStats(db: ChannelDb, tenantId: string, since: Date) {
  const r = await sql<{ last_at: Date | null; last24h: number; pending: number; failed: number }>`
    select (select max(received_at) from wecom_callbacks where tenant_id = ${tenantId}) as last_at,
           (select count(*) from wecom_callbacks where tenant_id = ${tenantId} and received_at >= ${since})::int as last24h,
           (select count(*) from wecom_callbacks where tenant_id = ${tenantId} and status = 'pending')::int as pending,
           (select count(*) from wecom_callbacks where tenant_id = ${tenantId} and status = 'failed')::int as failed`.execute(db);
  return r.rows[0];
}

/** Tenants whose corp connection works (the nightly reconciliation syncs these). */
export const connectedTenants = async (db: ChannelDb) =>
  (await db.selectFrom('wecom_connections').select('tenant_id').where('status', '=', 'connected').execute()).map((r) => r.tenant_id);
