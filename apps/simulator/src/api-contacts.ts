// §2 customers: follow users, customer lists, details (follow_user paged past 500), the batch
// endpoint Siyu's full sync walks, remarks and tag marking. API writes send no callbacks.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import { WecomError, invalidParam } from './errors.ts';
import { chars, decodeCursor, encodeCursor, limitParam, optString, page, reqString, strArray } from './params.ts';
import { customerIdsOf, externalContactView, findTag, followInfoView, followUserView, followersOf, getRelation } from './relations.ts';

const P = '/cgi-bin/externalcontact';

function followUsers(ctx: ApiCtx) {
  const follow_user = Object.values(ctx.corp.members).filter((m) => m.status === 1 && m.customer_contact).map((m) => m.userid);
  return { follow_user };
}

function list(ctx: ApiCtx) {
  const userid = reqString(ctx.p, 'userid', 41009);
  if (!ctx.corp.members[userid]) throw new WecomError(60111, `userid not found: ${userid}`);
  const ids = customerIdsOf(ctx.corp, userid);
  if (ids.length === 0 && ctx.sim.limits.listEmptyIs84061) throw new WecomError(84061, 'not external contact');
  return { external_userid: [...ids] };
}

function get(ctx: ApiCtx) {
  const ext = reqString(ctx.p, 'external_userid', 41035);
  const c = ctx.corp.customers[ext];
  if (!c) throw new WecomError(40096, 'invalid external userid');
  const follows = followersOf(ctx.corp, ext);
  if (follows.length === 0) throw new WecomError(84061, 'not external contact');
  const { items, next_cursor } = page(follows, optString(ctx.p, 'cursor'), ctx.sim.limits.followUserPage);
  return { external_contact: externalContactView(c), follow_user: items.map((r) => followUserView(ctx.corp, r)), next_cursor };
}

function batchByUser(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const users = strArray(p, 'userid_list');
  if (users.length === 0 || users.length > sim.limits.batchUserids) throw invalidParam(`userid_list must have 1..${sim.limits.batchUserids} items`);
  for (const u of users) if (!corp.members[u]) throw new WecomError(60111, `userid not found: ${u}`);
  const limit = limitParam(p, 'limit', sim.limits.batchLimitDefault, sim.limits.batchLimitMax);
  const cur = decodeCursor(optString(p, 'cursor'), { u: 0, o: 0 });
  let ui = Number(cur.u) || 0;
  let offset = Number(cur.o) || 0;
  const out: Array<Record<string, unknown>> = [];
  while (ui < users.length && out.length < limit) {
    const ids = customerIdsOf(corp, users[ui]);
    const byExt = corp.relations[users[ui]] ?? {};
    while (offset < ids.length && out.length < limit) {
      const r = byExt[ids[offset++]];
      const c = r && corp.customers[r.external_userid];
      if (c) out.push({ external_contact: externalContactView(c), follow_info: followInfoView(r) });
    }
    if (offset >= ids.length) {
      ui++;
      offset = 0;
    }
  }
  // The cursor is '' only when nothing is left: skip trailing members without customers.
  while (ui < users.length && offset === 0 && customerIdsOf(corp, users[ui]).length === 0) ui++;
  return { external_contact_list: out, next_cursor: ui < users.length ? encodeCursor({ u: ui, o: offset }) : '' };
}

function relationOf(ctx: ApiCtx) {
  const userid = reqString(ctx.p, 'userid', 41009);
  const ext = reqString(ctx.p, 'external_userid', 41035);
  if (!ctx.corp.members[userid]) throw new WecomError(60111, `userid not found: ${userid}`);
  if (!ctx.corp.customers[ext]) throw new WecomError(40096, 'invalid external userid');
  const r = getRelation(ctx.corp, userid, ext);
  if (!r) throw new WecomError(84061, 'not external contact');
  return r;
}

function remark(ctx: ApiCtx) {
  const { p, sim } = ctx;
  const r = relationOf(ctx);
  const fields = ['remark', 'description', 'remark_company', 'remark_mobiles', 'remark_pic_mediaid'];
  if (!fields.some((f) => p[f] !== undefined)) throw invalidParam('nothing to change');
  const text = optString(p, 'remark');
  if (p.remark !== undefined) {
    if (text && chars(text) > sim.limits.remarkChars) throw invalidParam(`remark is over ${sim.limits.remarkChars} characters`);
    r.remark = text ?? '';
  }
  if (p.description !== undefined) {
    const d = optString(p, 'description') ?? '';
    if (chars(d) > sim.limits.descriptionChars) throw invalidParam(`description is over ${sim.limits.descriptionChars} characters`);
    r.description = d;
  }
  if (p.remark_company !== undefined) {
    const company = optString(p, 'remark_company') ?? '';
    if (chars(company) > 20) throw invalidParam('remark_company is over 20 characters');
    if (ctx.corp.customers[r.external_userid]?.type === 1) r.remark_corp_name = company;
  }
  if (p.remark_mobiles !== undefined) {
    const mobiles = strArray(p, 'remark_mobiles');
    r.remark_mobiles = mobiles.length === 1 && mobiles[0] === '' ? [] : mobiles; // [""] clears
  }
  const pic = optString(p, 'remark_pic_mediaid');
  if (pic && !ctx.corp.media[pic]) throw new WecomError(40007, 'invalid media_id');
  return {};
}

function markTag(ctx: ApiCtx) {
  const r = relationOf(ctx);
  const add = strArray(ctx.p, 'add_tag');
  const remove = strArray(ctx.p, 'remove_tag');
  if (add.length === 0 && remove.length === 0) throw invalidParam('add_tag and remove_tag are both empty');
  for (const id of [...add, ...remove]) if (!findTag(ctx.corp, id)) throw new WecomError(40068, `invalid tag id ${id}`);
  const set = new Set(r.tag_ids);
  for (const id of add) set.add(id);
  for (const id of remove) set.delete(id);
  r.tag_ids = [...set];
  return {};
}

export const contactApis: ApiRoute[] = [
  { path: `${P}/get_follow_user_list`, method: 'GET', handler: followUsers, reads: true },
  { path: `${P}/list`, method: 'GET', handler: list, reads: true },
  { path: `${P}/get`, method: 'GET', handler: get, reads: true },
  { path: `${P}/batch/get_by_user`, method: 'POST', handler: batchByUser, reads: true },
  { path: `${P}/remark`, method: 'POST', handler: remark },
  { path: `${P}/mark_tag`, method: 'POST', handler: markTag },
];
