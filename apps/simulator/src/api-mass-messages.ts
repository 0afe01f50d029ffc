// §5 mass messages (群发): add_msg_template only creates tasks; nothing reaches a customer until the
// member confirms (scenario API: confirmMassMessage). Reminders, cancel, and the three read APIs.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { CorpState, MassMessage, MassTask, Relation } from './state.ts';
import type { Params } from './params.ts';
import { WecomError, invalidParam } from './errors.ts';
import { limitParam, obj, optBool, optInt, optString, page, reqInt, strArray } from './params.ts';
import { newMsgid, unique } from './ids.ts';
import { activeMember } from './members.ts';
import { customersOf, followersOf, getRelation } from './relations.ts';
import { checkAttachments, textContent } from './attachments.ts';
import { DAY } from './clock.ts';

const P = '/cgi-bin/externalcontact';

// tag_filter: tags of one group are OR-ed, groups are AND-ed.
function tagFilter(p: Params): ((r: Relation) => boolean) | null {
  const groups = (obj(p, 'tag_filter')?.group_list ?? []) as Array<{ tag_list?: string[] }>;
  const sets = groups.map((g) => new Set(g.tag_list ?? [])).filter((s) => s.size > 0);
  if (sets.length === 0) return null;
  return (r) => sets.every((s) => r.tag_ids.some((id) => s.has(id)));
}

function singleTasks(ctx: ApiCtx, sender: string | undefined) {
  const { corp, sim, p } = ctx;
  const exts = strArray(p, 'external_userid');
  if (exts.length > sim.limits.massExternalUserids) throw invalidParam(`external_userid has more than ${sim.limits.massExternalUserids} items`);
  if (exts.length === 0 && !sender) throw invalidParam('external_userid may be empty only when sender is given');
  const filter = tagFilter(p);
  const byUser = new Map<string, MassTask>();
  const fail_list: string[] = [];
  const assign = (r: Relation) => {
    let task = byUser.get(r.userid);
    if (!task) byUser.set(r.userid, (task = { userid: r.userid, status: 0, send_time: 0, targets: [] }));
    task.targets.push({ external_userid: r.external_userid, status: 0, send_time: 0 });
  };
  if (exts.length === 0) {
    for (const r of customersOf(corp, sender as string)) if (!filter || filter(r)) assign(r);
  } else {
    for (const ext of new Set(exts)) {
      // Without a sender the customer's first active follower sends (one message per customer).
      const r = sender ? getRelation(corp, sender, ext) : followersOf(corp, ext).find((x) => corp.members[x.userid]?.status === 1);
      if (!r) fail_list.push(ext);
      else if (!filter || filter(r)) assign(r);
    }
  }
  return { tasks: [...byUser.values()], fail_list };
}

function groupTasks(ctx: ApiCtx, sender: string | undefined): MassTask[] {
  const { corp, sim, p } = ctx;
  if (!sender) throw invalidParam('sender is required for chat_type group');
  const chats = strArray(p, 'chat_id_list');
  if (chats.length > sim.limits.massChatIds) throw invalidParam(`chat_id_list has more than ${sim.limits.massChatIds} items`);
  const owned = Object.values(corp.groups).filter((g) => g.owner === sender && (chats.length === 0 || chats.includes(g.chat_id)));
  if (owned.length === 0) return [];
  return [{ userid: sender, status: 0, send_time: 0, targets: owned.map((g) => ({ chat_id: g.chat_id, status: 0, send_time: 0 })) }];
}

function add(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const chatType = optString(p, 'chat_type') ?? 'single';
  if (chatType !== 'single' && chatType !== 'group') throw invalidParam('chat_type must be single or group');
  const sender = optString(p, 'sender');
  if (sender) activeMember(corp, sender);
  const now = sim.now();
  const text = textContent(p.text, 4000);
  const attachments = checkAttachments(corp, now, p.attachments, sim.limits.massAttachments, ['image', 'link', 'miniprogram', 'video', 'file']);
  if (!text && attachments.length === 0) throw invalidParam('text and attachments are both empty');
  const { tasks, fail_list } = chatType === 'single' ? singleTasks(ctx, sender) : { tasks: groupTasks(ctx, sender), fail_list: [] };
  if (tasks.length === 0) throw new WecomError(41048, 'no customer to send to');
  const msg: MassMessage = {
    msgid: unique(newMsgid, (id) => id in corp.mass_messages), chat_type: chatType, creator: sender ?? '', create_type: 0,
    create_time: now, attachments, allow_select: optBool(p, 'allow_select') ?? false, cancelled: false, reminds: [], tasks,
  };
  if (text) msg.text = text;
  corp.mass_messages[msg.msgid] = msg;
  return { fail_list, msgid: msg.msgid };
}

export function massMessage(corp: CorpState, p: Params): MassMessage {
  const id = optString(p, 'msgid');
  if (!id) throw new WecomError(41046, 'missing msgid');
  const msg = corp.mass_messages[id];
  if (!msg) throw new WecomError(41047, 'invalid msgid');
  return msg;
}

function remind(ctx: ApiCtx) {
  const msg = massMessage(ctx.corp, ctx.p);
  if (msg.cancelled) throw new WecomError(41093, 'mass message cancelled');
  const now = ctx.sim.now();
  msg.reminds = msg.reminds.filter((t) => t > now - DAY);
  if (msg.reminds.length >= ctx.sim.limits.massRemindsPer24h) throw new WecomError(41094, 'remind frequency limit');
  msg.reminds.push(now);
  return {};
}

function cancel(ctx: ApiCtx) {
  const msg = massMessage(ctx.corp, ctx.p);
  if (msg.cancelled) throw new WecomError(41093, 'mass message already cancelled');
  msg.cancelled = true;
  return {};
}

function listV2(ctx: ApiCtx) {
  const { corp, p } = ctx;
  const chatType = optString(p, 'chat_type') ?? 'single';
  const start = reqInt(p, 'start_time');
  const end = reqInt(p, 'end_time');
  const creator = optString(p, 'creator');
  const filterType = optInt(p, 'filter_type') ?? 2;
  const limit = limitParam(p, 'limit', 50, 100);
  const all = Object.values(corp.mass_messages)
    .filter((m) => m.chat_type === chatType && m.create_time >= start && m.create_time <= end)
    .filter((m) => filterType === 2 || m.create_type === filterType)
    .filter((m) => !creator || (m.create_type === 1 && m.creator === creator))
    .sort((a, b) => b.create_time - a.create_time)
    .map((m) => {
      const v: Record<string, unknown> = { msgid: m.msgid, create_time: String(m.create_time), create_type: m.create_type };
      if (m.create_type === 1) v.creator = m.creator; // API-created messages carry no creator
      if (m.text) v.text = m.text;
      v.attachments = m.attachments;
      return v;
    });
  const { items, next_cursor } = page(all, optString(p, 'cursor'), limit);
  return { group_msg_list: items, next_cursor };
}

function taskList(ctx: ApiCtx) {
  const msg = massMessage(ctx.corp, ctx.p);
  const limit = limitParam(ctx.p, 'limit', 500, 1000);
  const all = msg.tasks.map((t) => (t.status === 2 ? { userid: t.userid, status: 2, send_time: t.send_time } : { userid: t.userid, status: 0 }));
  const { items, next_cursor } = page(all, optString(ctx.p, 'cursor'), limit);
  return { task_list: items, next_cursor };
}

function sendResult(ctx: ApiCtx) {
  const msg = massMessage(ctx.corp, ctx.p);
  const userid = optString(ctx.p, 'userid');
  const limit = limitParam(ctx.p, 'limit', 500, 1000);
  const all: Array<Record<string, unknown>> = [];
  for (const task of msg.tasks) {
    if (userid && task.userid !== userid) continue;
    for (const t of task.targets) {
      const v: Record<string, unknown> = t.external_userid ? { external_userid: t.external_userid } : { chat_id: t.chat_id };
      v.userid = task.userid;
      v.status = t.status;
      if (t.status !== 0) v.send_time = t.send_time;
      all.push(v);
    }
  }
  const { items, next_cursor } = page(all, optString(ctx.p, 'cursor'), limit);
  return { send_list: items, next_cursor };
}

export const massMessageApis: ApiRoute[] = [
  { path: `${P}/add_msg_template`, method: 'POST', handler: add },
  { path: `${P}/remind_groupmsg_send`, method: 'POST', handler: remind },
  { path: `${P}/cancel_groupmsg_send`, method: 'POST', handler: cancel },
  { path: `${P}/get_groupmsg_list_v2`, method: 'POST', handler: listV2, reads: true },
  { path: `${P}/get_groupmsg_task`, method: 'POST', handler: taskList, reads: true },
  { path: `${P}/get_groupmsg_send_result`, method: 'POST', handler: sendResult, reads: true },
];
