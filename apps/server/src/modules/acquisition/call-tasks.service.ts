// A caller's side of call lists: their tasks (masked phone, the order, the script filled), the
// full number revealed per task to the staff member it is assigned to (each reveal audited), and
// outcomes. "Call back later" hides the task until its time; "added WeCom" links to the friend
// when they arrive — or at once, when they arrived before the outcome was recorded.
import type { CallOutcomeInput, CallTask, CallTaskPage } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { audit, forbidden, invalid, notFound, conflict } from '../../core/index.ts';
import { staffNames, type Actor } from '../tenancy/index.ts';
import { activeFriendships } from '../channel/index.ts';
import { shopNamesOf } from '../commerce/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import * as repo from './call-lists.repo.ts';
import { scopeOf } from './call-lists.service.ts';
import { fillScript } from './call-assign.ts';

type TaskRow = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;
type Labels = { staff: Map<string, string>; shops: Map<string, string>; lists: Map<string, { name: string; script: string }> };

async function labelsFor(deps: Deps, tenantId: string, listIds: string[]): Promise<Labels> {
  const db = acquisitionDb(deps.db);
  const [staff, shops, lists] = await Promise.all([
    staffNames(deps, tenantId), shopNamesOf(deps, tenantId),
    Promise.all([...new Set(listIds)].map((id) => repo.findList(db, tenantId, id))),
  ]);
  return { staff, shops, lists: new Map(lists.flatMap((l) => (l ? [[l.id, { name: l.name, script: l.script }] as const] : []))) };
}

function toTask(t: TaskRow, l: Labels): CallTask {
  const o = t.order_summary;
  const staffName = l.staff.get(t.staff_id) ?? '—';
  const list = l.lists.get(t.list_id);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: t.id, listId: t.list_id, listName: list?.name ?? '—', customerId: t.customer_id, customerName: t.customer_name,
    phoneMasked: t.phone_masked, staffId: t.staff_id, staffName,
    order: { orderNo: o.orderNo, titles: o.titles, createdAt: o.createdAt, paidFen: o.paidFen, shopName: l.shops.get(o.shopId) ?? '—', orders: o.orders },
    script: fillScript(list?.script ?? '', { customerName: t.customer_name, titles: o.titles, orderNo: o.orderNo, orderedAt: o.createdAt ? new Date(o.createdAt) : null, staffName }),
    status: t.status, outcome: t.outcome, note: t.note, callbackAt: iso(t.callback_at), outcomeAt: iso(t.outcome_at),
    attempts: t.attempts, reveals: t.reveals, friendAt: iso(t.friend_at),
    friendStaffName: t.friend_staff_id ? l.staff.get(t.friend_staff_id) ?? null : t.friend_userid, linkedAt: iso(t.linked_at),
  };
}

/** Tasks in the actor's scope; staff see only their own, a lead may narrow to one of theirs. */
export async function listCallTasks(deps: Deps, actor: Actor, q: { view: repo.TaskView; listId?: string; staffId?: string; limit: number; offset: number }): Promise<CallTaskPage> {
  const scope = await scopeOf(deps, actor);
  let staffIds = scope;
  if (q.staffId) staffIds = !scope || scope.includes(q.staffId) ? [q.staffId] : [];
  const page = await repo.listTasks(acquisitionDb(deps.db), actor.tenantId, { staffIds, listId: q.listId, view: q.view, now: deps.clock.now(), limit: q.limit, offset: q.offset });
  const labels = await labelsFor(deps, actor.tenantId, page.items.map((t) => t.list_id));
  return { total: page.total, items: page.items.map((t) => toTask(t, labels)) };
}

async function visibleTask(deps: Deps, actor: Actor, id: string): Promise<TaskRow> {
  const scope = await scopeOf(deps, actor);
  const t = await repo.findTask(acquisitionDb(deps.db), actor.tenantId, id);
  if (!t || (scope && !scope.includes(t.staff_id))) throw notFound('回访任务');
  return t;
}

export async function getCallTask(deps: Deps, actor: Actor, id: string): Promise<CallTask> {
  const t = await visibleTask(deps, actor, id);
  return toTask(t, await labelsFor(deps, actor.tenantId, [t.list_id]));
}

/** The full number, to the staff member the task is assigned to only; every reveal is in the audit log. */
export async function revealCallPhone(deps: Deps, actor: Actor, id: string, ip: string | null): Promise<{ phone: string }> {
  const t = await visibleTask(deps, actor, id);
  if (t.staff_id !== actor.staffId) throw forbidden('只有负责该任务的员工可以查看完整号码');
  const list = await repo.findList(acquisitionDb(deps.db), actor.tenantId, t.list_id);
  if (list?.status !== 'open') throw conflict('该回访名单已关闭');
  await acquisitionDb(deps.db).transaction().execute(async (trx) => {
    await audit(trx, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'call_task.phone.reveal', targetType: 'call_task', targetId: id, detail: { listId: t.list_id, customerId: t.customer_id }, ip });
    await repo.countReveal(trx, actor.tenantId, id);
  });
  return { phone: deps.pii.decrypt(t.phone_enc) };
}

/** Records a call's outcome: by the task's caller, or by a lead or admin whose scope holds it (corrections). */
export async function recordCallOutcome(deps: Deps, actor: Actor, id: string, input: CallOutcomeInput): Promise<CallTask> {
  const t = await visibleTask(deps, actor, id);
  if (t.staff_id !== actor.staffId && actor.role === 'staff') throw forbidden('只有负责该任务的员工可以记录结果');
  const now = deps.clock.now();
  let callbackAt: Date | null = null;
  if (input.outcome === 'callback') {
    if (!input.callbackAt) throw invalid('请选择回拨时间');
    callbackAt = new Date(input.callbackAt);
    if (callbackAt <= now) throw invalid('回拨时间应晚于现在');
  } else if (input.callbackAt) throw invalid('只有「稍后回拨」需要回拨时间');
  // A friendship the consumer has not seen yet (it reads finished transactions a moment later).
  const friend = input.outcome === 'added' && !t.friend_at ? (await activeFriendships(deps, actor.tenantId, [t.customer_id])).get(t.customer_id) : undefined;
  await repo.recordOutcome(acquisitionDb(deps.db), actor.tenantId, id, {
    status: input.outcome === 'callback' ? 'callback' : 'done', outcome: input.outcome, note: input.note?.trim() || null,
    callback_at: callbackAt, outcome_at: now, outcome_by: actor.staffId,
  }, friend ? { at: friend.addedAt, staffId: friend.staffId, userid: friend.userid } : null);
  return getCallTask(deps, actor, id);
}
