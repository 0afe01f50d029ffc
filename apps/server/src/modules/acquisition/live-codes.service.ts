// Channel live codes (渠道活码): create, edit, pause, resume and delete, with the actor's role and
// data scope; the WeCom side follows through live-codes.wecom.ts. Admins and leads manage codes (a
// lead only with staff of their own departments); staff see the codes they stand behind.
import crypto from 'node:crypto';
import { WecomApiError } from '@siyu/wecom';
import type { LiveCode, LiveCodeInput, WelcomeSend } from '@siyu/contracts';
import { LiveCodeInput as LiveCodeInputSchema, WelcomeMessage as WelcomeMessageSchema } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { emit, invalid, newId, notFound, forbidden } from '../../core/index.ts';
import { dataScope, requireRole, staffNames, type Actor, type DataScope } from '../tenancy/index.ts';
import { listGroups } from '../tagging/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import type { WelcomeMessage } from './live-codes.tables.ts';
import * as repo from './live-codes.repo.ts';
import { shanghaiDay } from './live-codes.rotation.ts';
import { reconcileCode, useridsByStaff } from './live-codes.wecom.ts';

type Input = ReturnType<typeof LiveCodeInputSchema.parse>;

/** A state no other code of the tenant has: 'lc' + 12 base-36 characters (WeCom allows 30). */
async function newState(deps: Deps, tenantId: string): Promise<string> {
  for (;;) {
    const state = `lc${BigInt('0x' + crypto.randomBytes(8).toString('hex')).toString(36).padStart(12, '0').slice(-12)}`;
    if (!(await repo.stateTaken(acquisitionDb(deps.db), tenantId, state))) return state;
  }
}

const inScope = (scope: DataScope, ids: string[]) => scope.kind === 'all' || ids.some((id) => scope.staffIds.includes(id));
const codeStaffIds = (code: repo.CodeRow, staff: repo.CodeStaffRow[]) => [...staff.filter((s) => s.code_id === code.id).map((s) => s.staff_id), ...code.backup_staff_ids];

/** Leads may manage only codes whose every member is theirs; staff may manage none. */
async function assertManage(deps: Deps, actor: Actor, staffIds: string[]) {
  requireRole(actor, 'operator_lead');
  const scope = await dataScope(deps, actor);
  if (scope.kind === 'staff' && staffIds.some((id) => !scope.staffIds.includes(id))) throw forbidden('只能管理本部门员工的活码');
}

async function validate(deps: Deps, actor: Actor, input: Input) {
  const userids = await useridsByStaff(deps, actor.tenantId);
  const ids = [...input.staff.map((s) => s.staffId), ...input.backupStaffIds];
  const noWecom = ids.filter((id) => !userids.has(id));
  if (noWecom.length) throw invalid('所选员工未绑定企业微信或已停用，不能接待活码客户', { staffIds: noWecom });
  if (new Set(input.staff.map((s) => s.staffId)).size !== input.staff.length) throw invalid('接待员工有重复');
  if (input.staff.every((s) => s.weight === 0)) throw invalid('至少一名员工的权重大于 0');
  if (input.tagIds.length) {
    const known = new Set((await listGroups(deps, actor)).flatMap((g) => g.tags.map((t) => t.id)));
    if (input.tagIds.some((t) => !known.has(t))) throw invalid('所选标签不存在');
  }
  await assertManage(deps, actor, ids);
}

async function views(deps: Deps, tenantId: string, codes: repo.CodeRow[]): Promise<LiveCode[]> {
  const db = acquisitionDb(deps.db);
  const day = shanghaiDay(deps.clock.now());
  const [staff, names, counts] = await Promise.all([repo.staffOf(db, tenantId, codes.map((c) => c.id)), staffNames(deps, tenantId), repo.addCounts(db, tenantId, day)]);
  const today = await Promise.all(codes.map((c) => repo.addsOnDay(db, tenantId, c.id, day)));
  return codes.map((c, i) => ({
    id: c.id, name: c.name, state: c.state, status: c.status === 'paused' ? 'paused' : 'active', strategy: c.strategy, skipVerify: c.skip_verify,
    configId: c.config_id, qrCode: c.qr_code, mode: c.mode, wecomUserids: c.wecom_userids, syncError: c.sync_error,
    staff: staff.filter((s) => s.code_id === c.id).map((s) => ({
      staffId: s.staff_id, name: names.get(s.staff_id) ?? '', weight: s.weight, dailyCap: s.daily_cap, schedule: s.schedule, addsToday: today[i].get(s.staff_id) ?? 0,
    })),
    backupStaff: c.backup_staff_ids.map((id) => ({ staffId: id, name: names.get(id) ?? '' })),
    tagIds: c.tag_ids, welcome: c.welcome, addsToday: counts.get(c.id)?.today ?? 0, addsTotal: counts.get(c.id)?.total ?? 0,
    createdAt: new Date(c.created_at).toISOString(),
  }));
}

export async function listCodes(deps: Deps, actor: Actor): Promise<LiveCode[]> {
  const db = acquisitionDb(deps.db);
  const codes = await repo.listCodes(db, actor.tenantId);
  const scope = await dataScope(deps, actor);
  const staff = await repo.staffOf(db, actor.tenantId, codes.map((c) => c.id));
  return views(deps, actor.tenantId, codes.filter((c) => inScope(scope, codeStaffIds(c, staff))));
}

/** One code the actor may see (else 404, whether it exists or not). */
export async function visibleCode(deps: Deps, actor: Actor, id: string) {
  const db = acquisitionDb(deps.db);
  const code = await repo.findCode(db, actor.tenantId, id);
  if (!code) throw notFound('活码');
  const staff = await repo.staffOf(db, actor.tenantId, [id]);
  if (!inScope(await dataScope(deps, actor), codeStaffIds(code, staff))) throw notFound('活码');
  return { code, staffIds: codeStaffIds(code, staff) };
}

export async function getCode(deps: Deps, actor: Actor, id: string): Promise<LiveCode> {
  const { code } = await visibleCode(deps, actor, id);
  return (await views(deps, actor.tenantId, [code]))[0];
}

const staffRows = (tenantId: string, codeId: string, input: Input) => input.staff.map((s, i) => ({
  tenant_id: tenantId, code_id: codeId, staff_id: s.staffId, weight: s.weight, daily_cap: s.dailyCap, schedule: JSON.stringify(s.schedule), sort_order: i,
}));

export async function createCode(deps: Deps, actor: Actor, raw: LiveCodeInput): Promise<LiveCode> {
  const input = LiveCodeInputSchema.parse(raw);
  await validate(deps, actor, input);
  const id = newId();
  const state = await newState(deps, actor.tenantId);
  const now = deps.clock.now();
  await acquisitionDb(deps.db).transaction().execute(async (trx) => {
    await repo.insertCode(trx, {
      tenant_id: actor.tenantId, id, name: input.name, state, config_id: null, qr_code: null, status: 'active', strategy: input.strategy,
      skip_verify: input.skipVerify, tag_ids: input.tagIds, backup_staff_ids: input.backupStaffIds, welcome: JSON.stringify(input.welcome),
      wecom_userids: [], mode: 'none', sync_error: null, created_by: actor.staffId, created_at: now, updated_at: now,
    });
    await repo.replaceStaff(trx, actor.tenantId, id, staffRows(actor.tenantId, id, input));
  });
  try {
    await reconcileCode(deps, actor.tenantId, id);
  } catch (err) {
    // No WeCom way, no code: an operator would otherwise print a QR that leads nowhere.
    await repo.updateCode(acquisitionDb(deps.db), actor.tenantId, id, { status: 'deleted' });
    throw invalid(`企业微信创建联系我二维码失败：${err instanceof WecomApiError ? `${err.hint}（${err.errcode}）` : (err as Error).message}`);
  }
  return getCode(deps, actor, id);
}

/** An edit keeps the code's id and state (so its adds stay its own) and rebuilds the WeCom side. */
export async function updateCode(deps: Deps, actor: Actor, id: string, raw: LiveCodeInput): Promise<LiveCode> {
  const input = LiveCodeInputSchema.parse(raw);
  const { staffIds } = await visibleCode(deps, actor, id);
  await assertManage(deps, actor, staffIds);
  await validate(deps, actor, input);
  await acquisitionDb(deps.db).transaction().execute(async (trx) => {
    await repo.updateCode(trx, actor.tenantId, id, {
      name: input.name, strategy: input.strategy, skip_verify: input.skipVerify, tag_ids: input.tagIds, backup_staff_ids: input.backupStaffIds,
      welcome: JSON.stringify(input.welcome), updated_at: deps.clock.now(),
    });
    await repo.replaceStaff(trx, actor.tenantId, id, staffRows(actor.tenantId, id, input));
  });
  await reconcileCode(deps, actor.tenantId, id, { force: true });
  return getCode(deps, actor, id);
}

/** Pause: WeCom's way is deleted (nobody is assigned); resume makes it again with the same state. */
export async function setStatus(deps: Deps, actor: Actor, id: string, status: 'active' | 'paused' | 'deleted'): Promise<void> {
  const { code, staffIds } = await visibleCode(deps, actor, id);
  await assertManage(deps, actor, staffIds);
  if (code.status === status) return;
  await repo.updateCode(acquisitionDb(deps.db), actor.tenantId, id, { status, updated_at: deps.clock.now() });
  await reconcileCode(deps, actor.tenantId, id);
}

export async function welcomeSends(deps: Deps, actor: Actor, id: string): Promise<WelcomeSend[]> {
  await visibleCode(deps, actor, id);
  return (await repo.welcomesOf(acquisitionDb(deps.db), actor.tenantId, id, 200)).map((w) => ({
    welcomeCode: w.welcome_code, externalUserId: w.external_userid, userid: w.userid, status: w.status, errcode: w.errcode, error: w.error,
    usedDefault: w.used_default, createdAt: new Date(w.created_at).toISOString(),
  }));
}

export const getDefaultWelcome = async (deps: Deps, actor: Actor) => ({ welcome: await repo.defaultWelcome(acquisitionDb(deps.db), actor.tenantId) });

export async function setDefaultWelcome(deps: Deps, actor: Actor, welcome: WelcomeMessage | null) {
  requireRole(actor, 'admin');
  const w = welcome === null ? null : WelcomeMessageSchema.parse(welcome);
  await repo.saveDefaultWelcome(acquisitionDb(deps.db), actor.tenantId, w, deps.clock.now());
  return { welcome: w };
}

export type CodeAdd = { codeId: string; name: string; tagIds: string[]; createdBy: string; isNew: boolean };

/**
 * Counts a friend a code brought (once per code, customer and member) and records the
 * `acquisition.code_added` event for touches, attribution and the dashboard. Runs in the
 * callback's transaction (deps.db is it). null: the state is no live code's.
 */
export async function recordCodeAdd(deps: Deps, tenantId: string, a: { state: string; userid: string; staffId: string | null; externalUserId: string; customerId: string; at: Date }): Promise<CodeAdd | null> {
  const db = acquisitionDb(deps.db);
  const code = await repo.codeByState(db, tenantId, a.state);
  if (!code) return null;
  const isNew = await repo.insertAdd(db, {
    tenant_id: tenantId, code_id: code.id, staff_id: a.staffId, userid: a.userid, external_userid: a.externalUserId, customer_id: a.customerId,
    day: shanghaiDay(a.at), added_at: a.at,
  });
  if (isNew) {
    await emit(deps.db, tenantId, [{
      type: 'acquisition.code_added', aggregateType: 'customer', aggregateId: a.customerId, occurredAt: a.at,
      payload: { codeId: code.id, codeName: code.name, state: code.state, staffId: a.staffId, userid: a.userid, externalUserId: a.externalUserId, customerId: a.customerId },
    }]);
  }
  return { codeId: code.id, name: code.name, tagIds: code.tag_ids, createdBy: code.created_by, isNew };
}
