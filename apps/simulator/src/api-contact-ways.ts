// §3 contact ways (联系我 / 渠道活码), temp chats and welcome messages.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { ContactWay, CorpState } from './state.ts';
import type { Params } from './params.ts';
import type { SimLimits } from './limits.ts';
import { WecomError, invalidParam } from './errors.ts';
import { chars, intArray, limitParam, optBool, optInt, optString, page, reqString, strArray } from './params.ts';
import { base62, hex, newChatMsgid, newConfigId, unique } from './ids.ts';
import { contactMember } from './members.ts';
import { getRelation, removeRelation } from './relations.ts';
import { checkAttachments, textContent } from './attachments.ts';
import { recordChat } from './chat-log.ts';
import { DAY } from './clock.ts';

const P = '/cgi-bin/externalcontact';

export function waysInUse(corp: CorpState): number {
  let n = Object.keys(corp.join_ways).length;
  for (const w of Object.values(corp.contact_ways)) if (!w.is_temp) n++;
  return n;
}

export const qrCodeUrl = () => `https://wework.qpic.cn/wwpic/${hex(6)}_${base62(24)}/0`;

/** Members a way can hand a customer to: its users plus the members of its departments. */
export function wayMembers(corp: CorpState, w: Pick<ContactWay, 'user' | 'party'>): string[] {
  const out = new Set(w.user);
  if (w.party.length > 0) {
    const parties = new Set(w.party);
    for (const m of Object.values(corp.members)) if (m.status === 1 && m.customer_contact && m.department.some((d) => parties.has(d))) out.add(m.userid);
  }
  return [...out];
}

function applyFields(corp: CorpState, limits: SimLimits, w: ContactWay, p: Params) {
  if (p.style !== undefined) {
    const style = optInt(p, 'style');
    if (style !== undefined && style < 1) throw new WecomError(41042, 'invalid style');
    w.style = style;
  }
  if (p.remark !== undefined) {
    const remark = optString(p, 'remark') ?? '';
    if (chars(remark) > limits.contactWayRemarkChars) throw invalidParam(`remark is over ${limits.contactWayRemarkChars} characters`);
    w.remark = remark;
  }
  if (p.skip_verify !== undefined) w.skip_verify = optBool(p, 'skip_verify') ?? true;
  if (p.state !== undefined) {
    const state = optString(p, 'state') ?? '';
    // No dedicated errcode exists for an over-long state: WeCom's generic invalid parameter.
    if (chars(state) > limits.contactWayStateChars) throw invalidParam(`state is over ${limits.contactWayStateChars} characters`);
    w.state = state;
  }
  if (p.user !== undefined) w.user = strArray(p, 'user');
  if (p.party !== undefined) w.party = intArray(p, 'party');
  if (p.expires_in !== undefined) w.expires_in = optInt(p, 'expires_in');
  if (p.chat_expires_in !== undefined) w.chat_expires_in = optInt(p, 'chat_expires_in');
  if (p.unionid !== undefined) w.unionid = optString(p, 'unionid');
  if (p.conclusions !== undefined) w.conclusions = p.conclusions;
  for (const u of w.user) contactMember(corp, u);
  for (const d of w.party) if (!corp.departments[d]) throw new WecomError(60123, `invalid department id ${d}`);
  if (w.type === 1 && (w.user.length !== 1 || w.party.length > 0)) throw invalidParam('a single-user way (type 1) needs exactly one user');
  if (w.type === 2 && w.user.length + w.party.length === 0) throw invalidParam('user and party are both empty');
  if (wayMembers(corp, w).length > limits.contactWayUsers) throw new WecomError(41041, `more than ${limits.contactWayUsers} users`);
  if (w.is_temp) {
    if (w.type !== 1) throw invalidParam('temporary sessions need a single-user way');
    for (const s of [w.expires_in, w.chat_expires_in]) if (s !== undefined && (s <= 0 || s > limits.tempWayMaxSeconds)) throw invalidParam('expires_in and chat_expires_in are at most 14 days');
  }
}

function add(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const type = optInt(p, 'type');
  const scene = optInt(p, 'scene');
  if (type === undefined) throw new WecomError(41037, 'missing type');
  if (scene === undefined) throw new WecomError(41038, 'missing scene');
  if (type !== 1 && type !== 2) throw new WecomError(41039, 'invalid type');
  if (scene !== 1 && scene !== 2) throw new WecomError(41040, 'invalid scene');
  const isTemp = optBool(p, 'is_temp') ?? false;
  if (!isTemp && waysInUse(corp) >= sim.limits.waysPerCorp) throw new WecomError(41045, 'contact way quota reached');
  const w: ContactWay = {
    config_id: unique(newConfigId, (id) => id in corp.contact_ways || id in corp.join_ways), type, scene, remark: '',
    skip_verify: true, state: '', user: [], party: [], is_temp: isTemp, create_time: sim.now(), next_pick: 0, used: false,
  };
  applyFields(corp, sim.limits, w, p);
  if (isTemp) {
    w.expires_in ??= 7 * DAY;
    w.chat_expires_in ??= DAY;
  }
  if (scene === 2) w.qr_code = qrCodeUrl();
  corp.contact_ways[w.config_id] = w;
  return w.qr_code ? { config_id: w.config_id, qr_code: w.qr_code } : { config_id: w.config_id };
}

function way(ctx: ApiCtx): ContactWay {
  const id = optString(ctx.p, 'config_id');
  if (!id) throw new WecomError(41043, 'missing config_id');
  const w = ctx.corp.contact_ways[id];
  if (!w) throw new WecomError(41044, 'invalid config_id');
  return w;
}

export function contactWayView(w: ContactWay) {
  const v: Record<string, unknown> = {
    config_id: w.config_id, type: w.type, scene: w.scene, remark: w.remark, skip_verify: w.skip_verify, state: w.state,
    user: w.user, party: w.party, is_temp: w.is_temp,
  };
  if (w.style !== undefined) v.style = w.style;
  if (w.qr_code) v.qr_code = w.qr_code;
  if (w.is_temp) Object.assign(v, { expires_in: w.expires_in, chat_expires_in: w.chat_expires_in });
  if (w.unionid) v.unionid = w.unionid;
  if (w.conclusions !== undefined) v.conclusions = w.conclusions;
  return v;
}

function list(ctx: ApiCtx) {
  const now = ctx.sim.now();
  const start = optInt(ctx.p, 'start_time') ?? now - 90 * DAY;
  const end = optInt(ctx.p, 'end_time') ?? now;
  const limit = limitParam(ctx.p, 'limit', 100, 1000);
  const all = Object.values(ctx.corp.contact_ways).filter((w) => w.create_time >= start && w.create_time <= end).map((w) => ({ config_id: w.config_id }));
  const { items, next_cursor } = page(all, optString(ctx.p, 'cursor'), limit);
  return { contact_way: items, next_cursor };
}

function update(ctx: ApiCtx) {
  const w = way(ctx);
  const draft = structuredClone(w); // validate on a copy: a rejected update changes nothing
  applyFields(ctx.corp, ctx.sim.limits, draft, ctx.p);
  ctx.corp.contact_ways[w.config_id] = draft;
  return {};
}

function del(ctx: ApiCtx) {
  delete ctx.corp.contact_ways[way(ctx).config_id];
  return {};
}

function closeTempChat(ctx: ApiCtx) {
  const userid = reqString(ctx.p, 'userid', 41009);
  const ext = reqString(ctx.p, 'external_userid', 41035);
  const r = getRelation(ctx.corp, userid, ext);
  if (!r) throw new WecomError(84061, 'not external contact');
  if (r.temp_way) removeRelation(ctx.corp, userid, ext); // a temp session ends with its relation
  return {};
}

function sendWelcome(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const code = optString(p, 'welcome_code');
  if (!code) throw new WecomError(41049, 'missing welcome_code');
  const now = sim.now();
  const w = corp.welcome_codes[code];
  if (!w || w.expires_at <= now) throw new WecomError(41050, 'invalid welcome_code (it is valid 20 s after the event)');
  if (w.used) throw new WecomError(41051, 'welcome_code already used');
  const text = textContent(p.text, 4000);
  const attachments = checkAttachments(corp, now, p.attachments, sim.limits.massAttachments, ['image', 'link', 'miniprogram', 'video', 'file']);
  if (!text && attachments.length === 0) throw invalidParam('text and attachments are both empty');
  w.used = true;
  recordChat(sim, corp, {
    msgid: newChatMsgid(), action: 'send', from: w.userid, tolist: [w.external_userid], roomid: '', msgtime: now * 1000,
    msgtype: text ? 'text' : 'mixed', ...(text ? { text } : {}), ...(attachments.length ? { attachments } : {}),
  });
  return {};
}

export const contactWayApis: ApiRoute[] = [
  { path: `${P}/add_contact_way`, method: 'POST', handler: add },
  { path: `${P}/get_contact_way`, method: 'POST', handler: (c) => ({ contact_way: contactWayView(way(c)) }), reads: true },
  { path: `${P}/list_contact_way`, method: 'POST', handler: list, reads: true },
  { path: `${P}/update_contact_way`, method: 'POST', handler: update },
  { path: `${P}/del_contact_way`, method: 'POST', handler: del },
  { path: `${P}/close_temp_chat`, method: 'POST', handler: closeTempChat },
  { path: `${P}/send_welcome_msg`, method: 'POST', handler: sendWelcome },
];
