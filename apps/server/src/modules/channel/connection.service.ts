// The tenant's WeCom corp: settings (secrets sealed at rest, write-only over the API), a test
// call, and the two things other code needs from it: an API client and the callback keys.
import { createWecomClient, WecomApiError, type WecomClient, type CallbackCryptoConfig } from '@siyu/wecom';
import type { WecomConnection, WecomConnectionInput, WecomConnectionTest } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { AppError, audit, invalid } from '../../core/index.ts';
import { requireRole, type Actor } from '../tenancy/index.ts';
import * as repo from './connection.repo.ts';

export const DEFAULT_WECOM_BASE_URL = 'https://qyapi.weixin.qq.com';

export function callbackPath(tenantId: string) {
  return `/callbacks/wecom/${tenantId}`;
}

export async function getConnection(deps: Deps, actor: Actor): Promise<WecomConnection | null> {
  const row = await repo.findConnection(deps.db, actor.tenantId);
  if (!row) return null;
  const stats = await repo.callbackStats(deps.db, actor.tenantId, new Date(deps.clock.now().getTime() - 86_400_000));
  return {
    corpId: row.corp_id, agentId: row.agent_id, baseUrl: row.base_url, callbackPath: callbackPath(actor.tenantId),
    hasSecret: !!row.secret_enc, hasCallbackToken: !!row.callback_token_enc, hasEncodingAesKey: !!row.aes_key_enc,
    status: row.status, lastTestedAt: row.last_tested_at?.toISOString() ?? null, lastError: row.last_error,
    lastCallbackAt: stats.last_at ? new Date(stats.last_at).toISOString() : null,
    callbacksLast24h: stats.last24h, callbacksPending: stats.pending, callbacksFailed: stats.failed,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function saveConnection(deps: Deps, actor: Actor, input: WecomConnectionInput): Promise<WecomConnection | null> {
  requireRole(actor, 'admin');
  const prev = await repo.findConnection(deps.db, actor.tenantId);
  const seal = (v: string | undefined, old: string | null | undefined) => (v ? deps.pii.encrypt(v) : old ?? null);
  await repo.upsertConnection(deps.db, {
    tenant_id: actor.tenantId, corp_id: input.corpId, agent_id: input.agentId ?? prev?.agent_id ?? null,
    base_url: (input.baseUrl ?? prev?.base_url ?? DEFAULT_WECOM_BASE_URL).replace(/\/+$/, ''),
    secret_enc: seal(input.secret, prev?.secret_enc), callback_token_enc: seal(input.callbackToken, prev?.callback_token_enc),
    aes_key_enc: seal(input.encodingAesKey, prev?.aes_key_enc), updated_at: deps.clock.now(),
  });
  forgetTenant(actor.tenantId);
  await audit(deps.db, {
    tenantId: actor.tenantId, actorId: actor.staffId, action: 'wecom.connection.save', targetType: 'wecom_connection', targetId: input.corpId,
    detail: { changedSecrets: ['secret', 'callbackToken', 'encodingAesKey'].filter((k) => (input as Record<string, unknown>)[k]) },
  });
  return getConnection(deps, actor);
}

/** Gets a token and the member list: proves corp id, secret and the customer-contact permission. */
export async function testConnection(deps: Deps, actor: Actor): Promise<WecomConnectionTest> {
  requireRole(actor, 'admin');
  const started = Date.now();
  let result: WecomConnectionTest;
  try {
    const client = await clientFor(deps, actor.tenantId);
    const r = await client.getFollowUserList();
    result = { ok: true, message: '连接成功', followUsers: r.follow_user.length, ms: Date.now() - started };
  } catch (err) {
    result = { ok: false, message: describeWecomError(err), followUsers: null, ms: Date.now() - started };
  }
  await repo.recordTest(deps.db, actor.tenantId, result.ok, result.ok ? null : result.message, deps.clock.now());
  return result;
}

export function describeWecomError(err: unknown): string {
  if (err instanceof WecomApiError) return `企业微信返回 ${err.errcode}：${err.message}`;
  if (err instanceof AppError) return err.message;
  return `无法连接企业微信：${(err as Error).message}`;
}

// Clients and keys are cached per tenant (tokens live in the client's cache): dropped on save in
// this process, and after a minute so other processes see a change too.
type TenantWecom = { corpId: string; client: WecomClient | null; crypto: CallbackCryptoConfig | null };
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<TenantWecom | null> }>();

export function forgetTenant(tenantId: string) {
  cache.delete(tenantId);
}

async function load(deps: Deps, tenantId: string): Promise<TenantWecom | null> {
  const row = await repo.findConnection(deps.db, tenantId);
  if (!row) return null;
  const client = row.secret_enc
    ? createWecomClient({ corpId: row.corp_id, secret: deps.pii.decrypt(row.secret_enc), baseUrl: row.base_url, agentId: row.agent_id ?? undefined })
    : null;
  const crypto = row.callback_token_enc && row.aes_key_enc
    ? { token: deps.pii.decrypt(row.callback_token_enc), encodingAESKey: deps.pii.decrypt(row.aes_key_enc), receiveId: row.corp_id }
    : null;
  return { corpId: row.corp_id, client, crypto };
}

export function tenantWecom(deps: Deps, tenantId: string): Promise<TenantWecom | null> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = load(deps, tenantId);
  cache.set(tenantId, { at: Date.now(), value });
  value.then((v) => { if (!v) cache.delete(tenantId); }, () => cache.delete(tenantId));
  return value;
}

export async function clientFor(deps: Deps, tenantId: string): Promise<WecomClient> {
  const t = await tenantWecom(deps, tenantId);
  if (!t) throw invalid('尚未配置企业微信连接');
  if (!t.client) throw invalid('尚未填写企业微信应用 Secret');
  return t.client;
}

/** Whether a tenant is connected, and to which API base (the demo re-points it at its simulator). */
export async function hasWecomConnection(deps: Deps, tenantId: string): Promise<{ corpId: string; baseUrl: string } | null> {
  const row = await repo.findConnection(deps.db, tenantId);
  return row ? { corpId: row.corp_id, baseUrl: row.base_url } : null;
}

export const connectedTenants = (deps: Deps) => repo.connectedTenants(deps.db);
