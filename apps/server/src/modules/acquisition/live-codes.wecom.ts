// The WeCom side of live codes: each code's contact way made, updated, rebuilt or deleted to carry
// the user list rotation chose (live-codes.rotation.ts), and the welcome message sent with the
// welcome code of an add. WeCom calls happen outside any transaction.
import { WecomApiError, type WecomClient } from '@siyu/wecom';
import type { Deps } from '../../deps.ts';
import { clientFor, mirrorOwnWay } from '../channel/index.ts';
import { staffByWecomUserid } from '../tenancy/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import * as repo from './live-codes.repo.ts';
import { sameUsers, selectUsers, shanghaiDay } from './live-codes.rotation.ts';

export const ROTATE_TASK = 'acquisition.live-code-rotate';
export const ROTATE_ALL_TASK = 'acquisition.live-codes-rotate-all';

const INVALID_CONFIG_ID = 41044; // the way is gone on WeCom's side (deleted in its admin console)
const errText = (err: unknown) => (err instanceof WecomApiError ? `${err.hint}（${err.errcode}）` : (err as Error).message ?? String(err));

/** staff id → WeCom userid of every active staff member with a WeCom account. */
export async function useridsByStaff(deps: Deps, tenantId: string): Promise<Map<string, string>> {
  return new Map([...(await staffByWecomUserid(deps, tenantId))].map(([userid, s]) => [s.id, userid]));
}

export type ReconcileOpts = { client?: WecomClient; force?: boolean };

/**
 * Brings one code's WeCom way in line with what rotation wants now. `force`: the name or the
 * auto-accept changed, so an update is sent even when the user list is the same. A way deleted on
 * WeCom's side is made again with the same state: the adds it brought stay the code's.
 */
export async function reconcileCode(deps: Deps, tenantId: string, codeId: string, opts: ReconcileOpts = {}): Promise<void> {
  const db = acquisitionDb(deps.db);
  const code = await repo.codeById(db, tenantId, codeId);
  if (!code) return;
  const [staffRows, userids, addsToday] = await Promise.all([
    repo.staffOf(db, tenantId, [code.id]), useridsByStaff(deps, tenantId), repo.addsOnDay(db, tenantId, code.id, shanghaiDay(deps.clock.now())),
  ]);
  const want = selectUsers({
    status: code.status, strategy: code.strategy, addsToday, now: deps.clock.now(),
    staff: staffRows.map((s) => ({ staffId: s.staff_id, userid: userids.get(s.staff_id) ?? null, active: userids.has(s.staff_id), weight: s.weight, dailyCap: s.daily_cap, schedule: s.schedule })),
    backups: code.backup_staff_ids.map((id) => ({ staffId: id, userid: userids.get(id) ?? null, active: userids.has(id) })),
  });
  const unchanged = sameUsers(want.userids, code.wecom_userids) && (want.userids.length === 0) === !code.config_id;
  if (unchanged && !opts.force) {
    if (code.mode !== want.mode) await repo.updateCode(db, tenantId, code.id, { mode: want.mode });
    return;
  }
  const client = opts.client ?? (await clientFor(deps, tenantId));
  const fields = { remark: code.name, skip_verify: code.skip_verify, state: code.state, user: want.userids };
  let configId = code.config_id;
  let qrCode = code.qr_code;
  try {
    if (want.userids.length === 0) {
      // WeCom has no way to switch a contact way off: deleting it is the only way to assign nobody.
      if (configId) await client.delContactWay(configId).catch((err) => {
        if (!(err instanceof WecomApiError && err.errcode === INVALID_CONFIG_ID)) throw err;
      });
      if (configId) await mirrorOwnWay(deps, tenantId, configId, null);
      configId = null;
      qrCode = null;
    } else {
      let rebuild = !configId;
      if (configId) {
        await client.updateContactWay({ config_id: configId, ...fields }).catch((err) => {
          if (err instanceof WecomApiError && err.errcode === INVALID_CONFIG_ID) rebuild = true;
          else throw err;
        });
      }
      if (rebuild) {
        const made = await client.addContactWay({ type: 2, scene: 2, ...fields });
        configId = made.config_id;
        qrCode = made.qr_code ?? (await client.getContactWay(made.config_id)).contact_way.qr_code ?? null;
      }
      await mirrorOwnWay(deps, tenantId, configId!, { config_id: configId!, type: 2, scene: 2, ...fields });
    }
  } catch (err) {
    await repo.updateCode(db, tenantId, code.id, { sync_error: errText(err), updated_at: deps.clock.now() });
    throw err;
  }
  await repo.updateCode(db, tenantId, code.id, {
    config_id: configId, qr_code: qrCode, wecom_userids: want.userids, mode: want.mode, sync_error: null, updated_at: deps.clock.now(),
  });
}

/** The minute job: every active code of every tenant (schedules open and close, days turn). */
export async function reconcileAllCodes(deps: Deps): Promise<void> {
  for (const c of await repo.activeCodes(acquisitionDb(deps.db))) {
    await reconcileCode(deps, c.tenant_id, c.id).catch((err) => deps.log.warn({ err, tenantId: c.tenant_id, codeId: c.id }, 'live code rotation failed; next minute retries'));
  }
}

/** Asks a worker to re-check one code soon, after the add that triggered it has committed. */
export async function kickRotation(deps: Deps, tenantId: string, codeId: string, delayMs = 1000): Promise<void> {
  await deps.jobs?.add(ROTATE_TASK, { tenantId, codeId }, { jobKey: `live-code-rotate:${codeId}`, queueName: `live-code:${codeId}`, runAt: new Date(Date.now() + delayMs) });
}

export type WelcomeOutcome = { codeId: string; status: 'sent' | 'failed' | 'none' | 'repeat' };

/**
 * The welcome for an add that came through a live code: the code's message, else the tenant's
 * default. The welcome code is claimed in the database first (committed on its own, not with the
 * callback), so a repeated callback never sends twice; a failure (41050 expired after WeCom's 20 s,
 * 41051 already used…) is recorded and never retried: the code cannot be used again anyway.
 */
export async function sendWelcome(deps: Deps, tenantId: string, client: WecomClient, input: { state: string; welcomeCode: string | null; userid: string; externalUserId: string }): Promise<WelcomeOutcome | null> {
  const db = acquisitionDb(deps.db);
  const code = await repo.codeByState(db, tenantId, input.state);
  if (!code) return null;
  if (!input.welcomeCode) return { codeId: code.id, status: 'none' };
  const message = code.welcome ?? (await repo.defaultWelcome(db, tenantId));
  if (!message) return { codeId: code.id, status: 'none' };
  const claimed = await repo.claimWelcome(db, {
    tenant_id: tenantId, welcome_code: input.welcomeCode, code_id: code.id, userid: input.userid, external_userid: input.externalUserId,
    status: 'pending', errcode: null, error: null, used_default: !code.welcome, created_at: deps.clock.now(), finished_at: null,
  });
  if (!claimed) return { codeId: code.id, status: 'repeat' };
  try {
    await client.sendWelcomeMsg({
      welcome_code: input.welcomeCode, ...(message.text.trim() ? { text: { content: message.text } } : {}),
      ...(message.attachments.length ? { attachments: message.attachments } : {}),
    });
    await repo.finishWelcome(db, tenantId, input.welcomeCode, { status: 'sent', errcode: null, error: null, finished_at: deps.clock.now() });
    return { codeId: code.id, status: 'sent' };
  } catch (err) {
    await repo.finishWelcome(db, tenantId, input.welcomeCode, {
      status: 'failed', errcode: err instanceof WecomApiError ? err.errcode : null, error: errText(err).slice(0, 500), finished_at: deps.clock.now(),
    });
    deps.log.warn({ tenantId, codeId: code.id, errcode: err instanceof WecomApiError ? err.errcode : null, error: errText(err) }, 'welcome message failed; recorded, not retried');
    return { codeId: code.id, status: 'failed' };
  }
}
