// §4 customer groups: list and details, and group join ways (群活码) sharing the 500k way quota.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { CorpState, Group, JoinWay } from './state.ts';
import type { Params } from './params.ts';
import { WecomError, invalidParam, wecomError } from './errors.ts';
import { chars, obj, optInt, optString, page, reqString, strArray } from './params.ts';
import { newConfigId, unique } from './ids.ts';
import { qrCodeUrl, waysInUse } from './api-contact-ways.ts';

const P = '/cgi-bin/externalcontact/groupchat';

/** 0 normal, 1 owner resigned and awaiting transfer, 3 resigned transfer done (2 "transferring" never lasts here). */
export function groupStatus(corp: CorpState, g: Group): number {
  if (g.transfer_status === 3 && corp.members[g.owner]?.status === 1) return 3;
  return corp.members[g.owner]?.status === 1 ? 0 : 1;
}

function list(ctx: ApiCtx) {
  const { corp, p } = ctx;
  const limit = optInt(p, 'limit');
  if (limit === undefined || limit < 1 || limit > 1000) throw invalidParam('limit must be within 1..1000');
  const status = optInt(p, 'status_filter') ?? 0;
  const owners = strArray(obj(p, 'owner_filter') ?? {}, 'userid_list');
  if (owners.length > 100) throw invalidParam('owner_filter.userid_list has more than 100 items');
  const ownerSet = owners.length ? new Set(owners) : null;
  // Spec §4: without an owner filter the caller's visible range must be ≤1000 members.
  if (!ownerSet && Object.keys(corp.members).length > 1000) throw wecomError(81017, 'too many members in the visible range: use owner_filter');
  const all = Object.values(corp.groups)
    .filter((g) => !ownerSet || ownerSet.has(g.owner))
    .map((g) => ({ chat_id: g.chat_id, status: groupStatus(corp, g) }))
    .filter((g) => status === 0 || g.status === status);
  const { items, next_cursor } = page(all, optString(p, 'cursor'), limit);
  return { group_chat_list: items, next_cursor };
}

function get(ctx: ApiCtx) {
  const { corp, p } = ctx;
  const chatId = reqString(p, 'chat_id');
  const g = corp.groups[chatId];
  if (!g) throw new WecomError(40050, 'chat_id does not exist');
  const needName = optInt(p, 'need_name') === 1;
  const member_list = g.members.map((m) => {
    const v: Record<string, unknown> = { userid: m.userid, type: m.type };
    const c = m.type === 2 ? corp.customers[m.userid] : undefined;
    if (c?.unionid) v.unionid = c.unionid;
    Object.assign(v, { join_time: m.join_time, join_scene: m.join_scene });
    if (m.invitor) v.invitor = { userid: m.invitor };
    v.group_nickname = m.group_nickname;
    if (needName) v.name = m.type === 1 ? (corp.members[m.userid]?.name ?? '') : (c?.name ?? '');
    if (m.state) v.state = m.state;
    return v;
  });
  return {
    group_chat: {
      chat_id: g.chat_id, name: g.name, owner: g.owner, create_time: g.create_time, notice: g.notice, member_list,
      admin_list: g.admin_list.map((userid) => ({ userid })), member_version: g.member_version,
    },
  };
}

function applyJoinWay(ctx: ApiCtx, w: JoinWay, p: Params) {
  const { corp, sim } = ctx;
  const scene = optInt(p, 'scene');
  if (scene === undefined) throw new WecomError(41038, 'missing scene');
  if (scene !== 1 && scene !== 2) throw new WecomError(41040, 'invalid scene');
  w.scene = scene;
  w.remark = [...(optString(p, 'remark') ?? '')].slice(0, 30).join(''); // WeCom cuts the remark at 30
  const auto = optInt(p, 'auto_create_room') ?? 1;
  if (auto !== 0 && auto !== 1) throw invalidParam('auto_create_room must be 0 or 1');
  w.auto_create_room = auto;
  const baseName = optString(p, 'room_base_name') ?? '';
  if (Buffer.byteLength(baseName) > 40) throw invalidParam('room_base_name is over 40 bytes');
  w.room_base_name = baseName;
  const baseId = optInt(p, 'room_base_id') ?? 1;
  if (baseId !== w.room_base_id) w.next_room_id = baseId;
  w.room_base_id = baseId;
  const chats = strArray(p, 'chat_id_list');
  if (chats.length === 0) throw invalidParam('chat_id_list is empty');
  if (chats.length > sim.limits.joinWayChats) throw new WecomError(41091, `a join way links at most ${sim.limits.joinWayChats} groups`);
  for (const id of chats) if (!corp.groups[id]) throw new WecomError(90501, `not a customer group: ${id}`);
  w.chat_id_list = chats;
  const state = optString(p, 'state') ?? '';
  if (chars(state) > sim.limits.contactWayStateChars) throw invalidParam(`state is over ${sim.limits.contactWayStateChars} characters`);
  w.state = state;
  w.qr_code = w.scene === 2 ? (w.qr_code ?? qrCodeUrl()) : undefined;
}

function addJoinWay(ctx: ApiCtx) {
  const { corp, sim } = ctx;
  if (waysInUse(corp) >= sim.limits.waysPerCorp) throw new WecomError(41045, 'contact way quota reached');
  const w: JoinWay = {
    config_id: unique(newConfigId, (id) => id in corp.contact_ways || id in corp.join_ways), scene: 2, remark: '',
    auto_create_room: 1, room_base_name: '', room_base_id: 1, chat_id_list: [], state: '', create_time: sim.now(), next_room_id: 1,
  };
  applyJoinWay(ctx, w, ctx.p);
  corp.join_ways[w.config_id] = w;
  return { config_id: w.config_id };
}

function joinWay(ctx: ApiCtx): JoinWay {
  const id = optString(ctx.p, 'config_id');
  if (!id) throw new WecomError(41043, 'missing config_id');
  const w = ctx.corp.join_ways[id];
  if (!w) throw new WecomError(41044, 'invalid config_id');
  return w;
}

function joinWayView(w: JoinWay) {
  const v: Record<string, unknown> = {
    config_id: w.config_id, scene: w.scene, remark: w.remark, auto_create_room: w.auto_create_room, room_base_name: w.room_base_name,
    room_base_id: w.room_base_id, chat_id_list: w.chat_id_list, state: w.state,
  };
  if (w.qr_code) v.qr_code = w.qr_code;
  return v;
}

function updateJoinWay(ctx: ApiCtx) {
  const w = joinWay(ctx);
  const draft = structuredClone(w); // update overwrites every field; a rejected one changes nothing
  applyJoinWay(ctx, draft, ctx.p);
  ctx.corp.join_ways[w.config_id] = draft;
  return {};
}

function delJoinWay(ctx: ApiCtx) {
  delete ctx.corp.join_ways[joinWay(ctx).config_id];
  return {};
}

export const groupApis: ApiRoute[] = [
  { path: `${P}/list`, method: 'POST', handler: list, reads: true },
  { path: `${P}/get`, method: 'POST', handler: get, reads: true },
  { path: `${P}/add_join_way`, method: 'POST', handler: addJoinWay },
  { path: `${P}/get_join_way`, method: 'POST', handler: (c) => ({ join_way: joinWayView(joinWay(c)) }), reads: true },
  { path: `${P}/update_join_way`, method: 'POST', handler: updateJoinWay },
  { path: `${P}/del_join_way`, method: 'POST', handler: delJoinWay },
];

