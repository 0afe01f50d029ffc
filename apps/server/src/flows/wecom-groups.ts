// A customer group as WeCom has it now → the channel's group and member rows, with customers
// resolved by external_userid, and wecom.group_joined / group_left events for customers.
import type { GroupChat, WecomClient } from '@siyu/wecom';
import type { Deps } from '../deps.ts';
import { emit, type DomainEvent } from '../core/index.ts';
import { channelStore } from '../modules/channel/index.ts';

export async function fetchGroup(client: WecomClient, chatId: string): Promise<GroupChat> {
  return (await client.getGroupChat(chatId, true)).group_chat;
}

export async function recordGroup(deps: Deps, tenantId: string, g: GroupChat, staff: Map<string, { id: string; name: string }>, opts: { runId: string | null; quitScene?: number | null }) {
  await channelStore.saveGroup(deps, tenantId, {
    chat_id: g.chat_id, name: g.name ?? '', owner_userid: g.owner, notice: g.notice || null, created_at: new Date(g.create_time * 1000),
    member_version: g.member_version ?? null, admin_userids: (g.admin_list ?? []).map((a) => a.userid),
  }, opts.runId);
  const externals = g.member_list.filter((m) => m.type === 2).map((m) => m.userid);
  const known = new Map((await channelStore.contactsByExternal(deps, tenantId, externals)).map((c) => [c.external_userid, c]));
  const { joined, left } = await channelStore.replaceGroupMembers(deps, tenantId, g.chat_id, g.member_list.map((m) => ({
    member_id: m.userid, type: m.type, customer_id: m.type === 2 ? known.get(m.userid)?.customer_id ?? null : null,
    name: m.group_nickname || m.name || (m.type === 1 ? staff.get(m.userid)?.name ?? null : known.get(m.userid)?.name ?? null),
    join_time: new Date(m.join_time * 1000), join_scene: m.join_scene ?? null, invitor: m.invitor?.userid ?? null, state: m.state || null,
  })));
  const groupName = g.name || '未命名群';
  const events: DomainEvent[] = [
    ...joined.filter((m) => m.customer_id).map((m): DomainEvent => ({
      type: 'wecom.group_joined', aggregateType: 'customer', aggregateId: m.customer_id!, occurredAt: m.join_time,
      payload: { chatId: g.chat_id, groupName, joinScene: m.join_scene, state: m.state },
    })),
    ...left.filter((m) => m.customer_id).map((m): DomainEvent => ({
      type: 'wecom.group_left', aggregateType: 'customer', aggregateId: m.customer_id!, occurredAt: deps.clock.now(),
      payload: { chatId: g.chat_id, groupName, quitScene: opts.quitScene ?? null },
    })),
  ];
  await emit(deps.db, tenantId, events);
  return { joined: joined.length, left: left.length };
}
