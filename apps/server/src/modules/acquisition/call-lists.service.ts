// Call lists (电话回访): built from the chosen shops' orders — one task per buyer, friends and buyers
// already in another open list left out — and dealt to staff. Leads and admins make them; everyone
// sees the lists that concern their data scope, with counts over the tasks they may see.
import type { CallList, CallListInput, CallStaffStats, OutcomeCounts } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { invalid, newId, notFound, forbidden, maskPhone } from '../../core/index.ts';
import { dataScope, requireRole, staffNames, type Actor } from '../tenancy/index.ts';
import { callableCustomers } from '../customers/index.ts';
import { activeFriendships } from '../channel/index.ts';
import { callBuyers, shopNamesOf } from '../commerce/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import type { CallListSkipped, CallTaskOrder } from './call-lists.tables.ts';
import * as repo from './call-lists.repo.ts';
import { assign } from './call-assign.ts';

/** The staff ids the actor may see the tasks of; null = all. */
export async function scopeOf(deps: Deps, actor: Actor): Promise<string[] | null> {
  const s = await dataScope(deps, actor);
  return s.kind === 'all' ? null : s.staffIds;
}

const zeroCounts = (): OutcomeCounts => ({ total: 0, pending: 0, due: 0, reached: 0, added: 0, refused: 0, wrong_number: 0, callback: 0, linked: 0 });
const countsOf = (r: repo.CountRow | undefined): OutcomeCounts => {
  if (!r) return zeroCounts();
  const { key: _key, ...c } = r;
  return c;
};

type ListRow = NonNullable<Awaited<ReturnType<typeof repo.findList>>>;

function toList(l: ListRow, counts: OutcomeCounts, shops: Map<string, string>, names: Map<string, string>): CallList {
  return {
    id: l.id, name: l.name, shopIds: l.shop_ids, shopNames: l.shop_ids.map((s) => shops.get(s) ?? '—'),
    from: day(l.order_from), to: day(l.order_to), statuses: l.statuses as CallList['statuses'], script: l.script, assignMode: l.assign_mode,
    staff: l.staff.map((s) => ({ staffId: s.staffId, name: names.get(s.staffId) ?? '—', weight: s.weight })),
    status: l.status, createdBy: l.created_by ? names.get(l.created_by) ?? null : null, createdAt: new Date(l.created_at).toISOString(),
    skipped: l.skipped, counts,
  };
}
/** A `date` column comes back as a Date at local midnight of that day (pg's parser): the day it names. */
const day = (d: unknown) => (d instanceof Date ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : String(d));

export async function listCallLists(deps: Deps, actor: Actor): Promise<CallList[]> {
  const scope = await scopeOf(deps, actor);
  const db = acquisitionDb(deps.db);
  const lists = await repo.visibleLists(db, actor.tenantId, scope);
  const counts = new Map((await repo.countTasks(db, actor.tenantId, 'list_id', lists.map((l) => l.id), scope, deps.clock.now())).map((c) => [c.key, c]));
  const [shops, names] = await Promise.all([shopNamesOf(deps, actor.tenantId), staffNames(deps, actor.tenantId)]);
  return lists.map((l) => toList(l, countsOf(counts.get(l.id)), shops, names));
}

/** A list the actor may see (made by or assigning someone in their scope), or NOT_FOUND. */
export async function visibleList(deps: Deps, actor: Actor, id: string): Promise<{ list: ListRow; scope: string[] | null }> {
  const scope = await scopeOf(deps, actor);
  const list = await repo.findList(acquisitionDb(deps.db), actor.tenantId, id);
  const mine = list && (!scope || (list.created_by && scope.includes(list.created_by)) || list.staff.some((s) => scope.includes(s.staffId)));
  if (!list || !mine) throw notFound('回访名单');
  return { list, scope };
}

export async function getCallList(deps: Deps, actor: Actor, id: string): Promise<CallList> {
  const { list, scope } = await visibleList(deps, actor, id);
  const [c] = await repo.countTasks(acquisitionDb(deps.db), actor.tenantId, 'list_id', [id], scope, deps.clock.now());
  const [shops, names] = await Promise.all([shopNamesOf(deps, actor.tenantId), staffNames(deps, actor.tenantId)]);
  return toList(list, countsOf(c), shops, names);
}

export async function staffStats(deps: Deps, actor: Actor, id: string): Promise<CallStaffStats> {
  const { list, scope } = await visibleList(deps, actor, id);
  const rows = new Map((await repo.countTasks(acquisitionDb(deps.db), actor.tenantId, 'staff_id', [id], scope, deps.clock.now())).map((c) => [c.key, c]));
  const names = await staffNames(deps, actor.tenantId);
  const ids = [...new Set([...list.staff.map((s) => s.staffId), ...rows.keys()])].filter((s) => !scope || scope.includes(s));
  return ids.map((s) => ({ staffId: s, name: names.get(s) ?? '—', ...countsOf(rows.get(s)) }));
}

export async function closeCallList(deps: Deps, actor: Actor, id: string): Promise<CallList> {
  requireRole(actor, 'operator_lead');
  await visibleList(deps, actor, id);
  await repo.closeList(acquisitionDb(deps.db), actor.tenantId, id);
  return getCallList(deps, actor, id);
}

export async function createCallList(deps: Deps, actor: Actor, input: CallListInput & { assignMode: 'round_robin' | 'weight'; script: string }): Promise<CallList> {
  requireRole(actor, 'operator_lead');
  const real = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (![input.from, input.to].every((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && real(d))) throw invalid('日期无效');
  if (input.from > input.to) throw invalid('开始日期不能晚于结束日期');
  const tenantId = actor.tenantId;
  const shopIds = [...new Set(input.shopIds)];
  const shops = await shopNamesOf(deps, tenantId);
  if (shopIds.some((s) => !shops.has(s))) throw notFound('店铺');
  const staff = input.staff.map((s) => ({ staffId: s.staffId, weight: s.weight ?? 1 }));
  if (new Set(staff.map((s) => s.staffId)).size !== staff.length) throw invalid('员工不能重复选择');
  const names = await staffNames(deps, tenantId);
  if (staff.some((s) => !names.has(s.staffId))) throw notFound('员工');
  // A lead deals tasks to their own department only: the tasks would otherwise leave their sight.
  const scope = await scopeOf(deps, actor);
  if (scope && staff.some((s) => !scope.includes(s.staffId))) throw forbidden('只能分配给自己部门的员工');

  const buyers = await callBuyers(deps, tenantId, { shopIds, from: input.from, to: input.to, statuses: input.statuses });
  const ids = buyers.map((b) => b.customerId);
  const [people, friends] = await Promise.all([callableCustomers(deps, tenantId, ids), activeFriendships(deps, tenantId, ids)]);
  const id = newId();
  const now = deps.clock.now();
  const skipped: CallListSkipped = { friends: 0, inOtherList: 0, noPhone: 0 };

  await acquisitionDb(deps.db).transaction().execute(async (trx) => {
    await repo.lockListBuilding(trx, tenantId);
    const taken = await repo.customersInOpenLists(trx, tenantId, ids);
    // Latest buyers first: the freshest orders are the likeliest to answer.
    const kept = buyers
      .filter((b) => {
        const c = people.get(b.customerId);
        if (!c) return false; // merged away since the read
        if (friends.has(b.customerId)) { skipped.friends++; return false; }
        if (taken.has(b.customerId)) { skipped.inOtherList++; return false; }
        if (!c.phoneEnc && !b.phoneEnc) { skipped.noPhone++; return false; }
        return true;
      })
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || (a.customerId < b.customerId ? -1 : 1));
    const dealt = assign(kept.length, staff, input.assignMode);
    await repo.insertList(trx, {
      tenant_id: tenantId, id, name: input.name, shop_ids: shopIds, order_from: input.from, order_to: input.to, statuses: input.statuses,
      script: input.script, assign_mode: input.assignMode, staff: JSON.stringify(staff), skipped: JSON.stringify(skipped),
      created_by: actor.staffId, created_at: now,
    });
    await repo.insertTasks(trx, kept.map((b, i) => {
      const c = people.get(b.customerId)!;
      // The customer's own number first (what the brand knows them by), else the order's receiver.
      const phoneEnc = c.phoneEnc ?? b.phoneEnc!;
      const order: CallTaskOrder = { orderNo: b.orderNo, titles: b.titles, createdAt: b.createdAt?.toISOString() ?? null, paidFen: b.paidFen, shopId: b.shopId, orders: b.orders };
      return {
        tenant_id: tenantId, id: newId(), list_id: id, customer_id: b.customerId, staff_id: dealt[i], seq: i + 1, customer_name: c.name,
        phone_enc: phoneEnc, phone_masked: (c.phoneEnc ? c.phoneMasked : b.phoneMasked) ?? maskPhone(deps.pii.decrypt(phoneEnc)),
        order_summary: JSON.stringify(order), created_at: now,
      };
    }));
  });
  return getCallList(deps, actor, id);
}
