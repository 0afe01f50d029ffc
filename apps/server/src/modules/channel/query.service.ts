// Read side of the channel for the console: a customer's WeCom relations and groups, the group
// list (within the actor's data scope: staff see the groups they own), recent callbacks.
import type { CallbackLogItem, CustomerWecom, GroupDetail, GroupListItem, GroupListPage, GroupListQuery } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { maskId, notFound } from '../../core/index.ts';
import { dataScope, staffByWecomUserid, requireRole, type Actor } from '../tenancy/index.ts';
import { visibleCustomer } from '../customers/index.ts';
import * as rel from './relations.repo.ts';
import * as grp from './groups.repo.ts';
import * as cb from './callbacks.repo.ts';
import { addWayLabel, joinSceneLabel } from './labels.ts';
import { stateNames } from './contact-ways.service.ts';

export async function customerWecom(deps: Deps, actor: Actor, customerId: string): Promise<CustomerWecom> {
  await visibleCustomer(deps, actor, customerId);
  const [relations, contacts, groups, staff] = await Promise.all([
    rel.relationsOfCustomer(deps.db, actor.tenantId, customerId),
    rel.contactsOfCustomer(deps.db, actor.tenantId, customerId),
    grp.groupsOfCustomer(deps.db, actor.tenantId, customerId),
    staffByWecomUserid(deps, actor.tenantId),
  ]);
  const contact = contacts[0];
  const names = await stateNames(deps, actor.tenantId, relations.flatMap((r) => (r.state ? [r.state] : [])));
  return {
    externalUserId: contact?.external_userid ?? null,
    unionid: contacts.some((c) => c.has_unionid),
    type: contact?.type === 2 ? 'wecom' : contact ? 'wechat' : null,
    relations: relations.map((r) => ({
      staffId: r.staff_id, staffName: staff.get(r.userid)?.name ?? r.userid, userid: r.userid, externalUserId: r.external_userid,
      addedAt: new Date(r.added_at).toISOString(), addWay: r.add_way, addWayLabel: addWayLabel(r.add_way), state: r.state,
      stateName: r.state ? names.get(r.state) ?? null : null,
      remark: r.remark, description: r.description, status: r.status, endedAt: r.ended_at?.toISOString() ?? null,
    })),
    groups: groups.map((g) => ({ chatId: g.chat_id, name: g.name || '未命名群', joinedAt: new Date(g.join_time).toISOString(), leftAt: g.left_at?.toISOString() ?? null })),
  };
}

/** The userids whose groups the actor may see; null = all. */
async function ownerScope(deps: Deps, actor: Actor, staff: Map<string, { id: string; name: string }>): Promise<string[] | null> {
  const scope = await dataScope(deps, actor);
  if (scope.kind === 'all') return null;
  const ids = new Set(scope.staffIds);
  return [...staff].filter(([, s]) => ids.has(s.id)).map(([userid]) => userid);
}

function toItem(g: Awaited<ReturnType<typeof grp.findGroup>> & object, staff: Map<string, { id: string; name: string }>): GroupListItem {
  return {
    chatId: g.chat_id, name: g.name || '未命名群', ownerUserid: g.owner_userid, ownerName: staff.get(g.owner_userid)?.name ?? g.owner_userid,
    memberCount: g.member_count, customerCount: g.customer_count, status: g.status, createdAt: new Date(g.created_at).toISOString(), notice: g.notice,
  };
}

const encode = (g: { created_at: Date; chat_id: string }) => Buffer.from(`${new Date(g.created_at).toISOString()}|${g.chat_id}`).toString('base64url');
function decode(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, chatId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const d = new Date(at);
  return chatId && !Number.isNaN(d.getTime()) ? { createdAt: d, chatId } : undefined;
}

export async function listGroups(deps: Deps, actor: Actor, q: GroupListQuery): Promise<GroupListPage> {
  const staff = await staffByWecomUserid(deps, actor.tenantId);
  let owners = await ownerScope(deps, actor, staff);
  if (q.ownerStaffId) {
    const wanted = [...staff].filter(([, s]) => s.id === q.ownerStaffId).map(([u]) => u);
    owners = owners ? owners.filter((u) => wanted.includes(u)) : wanted;
  }
  const f = { q: q.q, ownerUserids: owners ?? undefined, status: q.status };
  const rows = await grp.listGroups(deps.db, actor.tenantId, { ...f, after: decode(q.cursor) }, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((g) => toItem(g, staff)),
    nextCursor: rows.length > q.limit ? encode(page[page.length - 1]) : null,
    total: await grp.countGroups(deps.db, actor.tenantId, f),
  };
}

export async function groupDetail(deps: Deps, actor: Actor, chatId: string): Promise<GroupDetail> {
  const staff = await staffByWecomUserid(deps, actor.tenantId);
  const owners = await ownerScope(deps, actor, staff);
  const g = await grp.findGroup(deps.db, actor.tenantId, chatId);
  if (!g || (owners && !owners.includes(g.owner_userid))) throw notFound('客户群');
  const members = await grp.membersOf(deps.db, actor.tenantId, chatId);
  return {
    ...toItem(g, staff),
    admins: g.admin_userids.map((u) => staff.get(u)?.name ?? u),
    members: members.map((m) => ({
      memberId: m.member_id, type: m.type === 2 ? 'customer' : 'staff',
      name: m.name || (m.type === 1 ? staff.get(m.member_id)?.name ?? m.member_id : maskId(m.member_id)),
      customerId: m.customer_id, joinedAt: new Date(m.join_time).toISOString(), joinScene: m.join_scene, joinSceneLabel: joinSceneLabel(m.join_scene),
      state: m.state, leftAt: m.left_at?.toISOString() ?? null,
    })),
  };
}

const EVENT_LABEL: Record<string, string> = {
  add_external_contact: '添加客户', add_half_external_contact: '客户添加（待通过）', edit_external_contact: '编辑客户',
  del_external_contact: '员工删除客户', del_follow_user: '客户删除员工', transfer_fail: '转接失败',
  create: '客户群创建', update: '客户群变更', dismiss: '客户群解散',
};

export async function recentCallbacks(deps: Deps, actor: Actor, limit: number): Promise<CallbackLogItem[]> {
  requireRole(actor, 'admin');
  const rows = await cb.recentCallbacks(deps.db, actor.tenantId, limit);
  return rows.map((r) => ({
    id: String(r.id), receivedAt: new Date(r.received_at).toISOString(), event: r.event, changeType: r.change_type,
    summary: summarize(r.event, r.change_type, r.payload), status: r.status, error: r.error, attempts: r.attempts,
  }));
}

function field(xml: string, name: string) {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return m ? (m[1] ?? m[2] ?? '').trim() : '';
}

function summarize(event: string, changeType: string | null, xml: string): string {
  const label = (event === 'change_external_tag' ? { create: '标签创建', update: '标签修改', delete: '标签删除', shuffle: '标签排序' }[changeType ?? ''] : EVENT_LABEL[changeType ?? '']) ?? `${event}${changeType ? `/${changeType}` : ''}`;
  if (event === 'change_external_contact') {
    const state = field(xml, 'State');
    return `${label}：成员 ${field(xml, 'UserID')}，客户 ${maskId(field(xml, 'ExternalUserID'))}${state ? `，渠道 ${state}` : ''}`;
  }
  if (event === 'change_external_chat') {
    const detail = field(xml, 'UpdateDetail');
    return `${label}：群 ${maskId(field(xml, 'ChatId'))}${detail ? `（${detail}${field(xml, 'MemChangeCnt') ? ` ${field(xml, 'MemChangeCnt')} 人` : ''}）` : ''}`;
  }
  if (event === 'change_external_tag') return `${label}：${field(xml, 'TagType') === 'tag_group' ? '标签组' : '标签'} ${field(xml, 'Id')}`;
  return label;
}
