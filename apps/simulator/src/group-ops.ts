// Customer-group membership changes of the scenario API, with their change_external_chat
// callbacks. member_version changes on every membership change (LastMemVer → CurMemVer).
import type { Sim } from './sim-context.ts';
import type { CorpState, Group, GroupMember } from './state.ts';
import { badRequest, notFound } from './errors.ts';
import { newChatId, newMemberVersion, unique } from './ids.ts';

export type JoinInput = { external_userid?: string; userid?: string; join_scene?: number; state?: string; invitor?: string };

export function createGroup(sim: Sim, corp: CorpState, input: { owner: string; name: string; member_userids?: string[]; external_userids?: string[] }): Group {
  const owner = corp.members[input.owner];
  if (!owner || owner.status !== 1) throw badRequest(`no active member ${input.owner}`);
  const now = sim.now();
  const members: GroupMember[] = [{ userid: owner.userid, type: 1, join_time: now, join_scene: 1, group_nickname: '' }];
  for (const u of input.member_userids ?? []) {
    if (!corp.members[u]) throw badRequest(`no member ${u}`);
    if (u !== owner.userid) members.push({ userid: u, type: 1, join_time: now, join_scene: 1, invitor: owner.userid, group_nickname: '' });
  }
  for (const e of input.external_userids ?? []) {
    if (!corp.customers[e]) throw badRequest(`no customer ${e}`);
    members.push({ userid: e, type: 2, join_time: now, join_scene: 1, invitor: owner.userid, group_nickname: '' });
  }
  if (members.length > sim.limits.groupMembers) throw badRequest(`a group holds at most ${sim.limits.groupMembers} members`);
  const g: Group = {
    chat_id: unique(newChatId, (id) => id in corp.groups), name: input.name, owner: owner.userid, create_time: now, notice: '',
    members, admin_list: [], member_version: newMemberVersion(), transfer_status: 0, onjob_transfers: [],
  };
  corp.groups[g.chat_id] = g;
  sim.emit(corp, 'change_external_chat', 'create', [['ChatId', g.chat_id]]);
  return g;
}

export function requireGroup(corp: CorpState, chatId: string): Group {
  const g = corp.groups[chatId];
  if (!g) throw notFound(`no group ${chatId}`);
  return g;
}

function who(corp: CorpState, input: { external_userid?: string; userid?: string }): { id: string; type: 1 | 2 } {
  if (input.external_userid) {
    if (!corp.customers[input.external_userid]) throw notFound(`no customer ${input.external_userid}`);
    return { id: input.external_userid, type: 2 };
  }
  if (input.userid) {
    if (!corp.members[input.userid]) throw notFound(`no member ${input.userid}`);
    return { id: input.userid, type: 1 };
  }
  throw badRequest('external_userid or userid is required');
}

export function joinGroup(sim: Sim, corp: CorpState, g: Group, input: JoinInput): Group {
  const { id, type } = who(corp, input);
  if (g.members.some((m) => m.userid === id)) throw badRequest(`${id} is already in ${g.chat_id}`);
  if (g.members.length >= sim.limits.groupMembers) throw badRequest(`${g.chat_id} is full (${sim.limits.groupMembers} members)`);
  const scene = input.join_scene ?? (input.state !== undefined ? 3 : 1);
  const m: GroupMember = { userid: id, type, join_time: sim.now(), join_scene: scene, group_nickname: '' };
  if (scene !== 3) m.invitor = input.invitor ?? g.owner;
  if (input.state) m.state = input.state;
  g.members.push(m);
  const last = g.member_version;
  g.member_version = newMemberVersion();
  // In the callback, JoinScene is 0 for any invitation (direct or link) and 3 for a group QR code.
  sim.emit(corp, 'change_external_chat', 'update', [
    ['ChatId', g.chat_id], ['UpdateDetail', 'add_member'], ['JoinScene', scene === 3 ? 3 : 0], ['MemChangeCnt', 1],
    ['MemChangeList', [id]], ['LastMemVer', last], ['CurMemVer', g.member_version],
  ]);
  return g;
}

export function leaveGroup(sim: Sim, corp: CorpState, g: Group, input: { external_userid?: string; userid?: string; quit_scene?: number }): Group {
  const { id } = who(corp, input);
  if (id === g.owner) throw badRequest('the owner cannot leave; transfer the group first');
  const at = g.members.findIndex((m) => m.userid === id);
  if (at < 0) throw badRequest(`${id} is not in ${g.chat_id}`);
  g.members.splice(at, 1);
  g.admin_list = g.admin_list.filter((u) => u !== id);
  const last = g.member_version;
  g.member_version = newMemberVersion();
  sim.emit(corp, 'change_external_chat', 'update', [
    ['ChatId', g.chat_id], ['UpdateDetail', 'del_member'], ['QuitScene', input.quit_scene ?? 0], ['MemChangeCnt', 1],
    ['MemChangeList', [id]], ['LastMemVer', last], ['CurMemVer', g.member_version],
  ]);
  return g;
}

/** A customer scans a group join way: the first group with room, or a new one when allowed. */
export function scanJoinWay(sim: Sim, corp: CorpState, configId: string, external_userid: string): { group: Group; created: boolean } {
  const w = corp.join_ways[configId];
  if (!w) throw notFound(`no join way ${configId}`);
  const groups = w.chat_id_list.map((id) => corp.groups[id]).filter((g): g is Group => !!g);
  let group = groups.find((g) => g.members.length < sim.limits.groupMembers && !g.members.some((m) => m.userid === external_userid));
  let created = false;
  if (!group) {
    if (groups.some((g) => g.members.some((m) => m.userid === external_userid))) throw badRequest(`${external_userid} is already in the way's groups`);
    if (w.auto_create_room !== 1 || groups.length === 0) throw badRequest('every group of the way is full and auto_create_room is off');
    const name = `${w.room_base_name}${w.next_room_id}`;
    w.next_room_id++;
    group = createGroup(sim, corp, { owner: groups[0].owner, name });
    w.chat_id_list.push(group.chat_id);
    created = true;
  }
  joinGroup(sim, corp, group, { external_userid, join_scene: 3, state: w.state });
  return { group, created };
}
