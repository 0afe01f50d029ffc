// §2 corp tags: groups of tags with 'et' ids, at most 3000 tags (40126), names unique within a
// group (40071). An app edits or deletes only what it created (301002); tags loaded through the
// scenario API belong to no app and stay editable, so demo seeds can be managed from Siyu.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { CorpState, Tag, TagGroup } from './state.ts';
import { WecomError, invalidParam } from './errors.ts';
import { chars, optInt, optString, strArray } from './params.ts';
import { newTagId, unique } from './ids.ts';

const P = '/cgi-bin/externalcontact';

export function tagCount(corp: CorpState): number {
  return corp.tag_groups.reduce((n, g) => n + g.tags.length, 0);
}

function idTaken(corp: CorpState) {
  const ids = new Set<string>();
  for (const g of corp.tag_groups) {
    ids.add(g.group_id);
    for (const t of g.tags) ids.add(t.id);
  }
  return (id: string) => ids.has(id);
}

const byOrder = <T extends { order: number }>(a: T, b: T) => b.order - a.order; // higher order first

function tagView(t: Tag) {
  return { id: t.id, name: t.name, create_time: t.create_time, order: t.order, deleted: false };
}

export function groupView(g: TagGroup, only?: Set<string>) {
  const tags = (only ? g.tags.filter((t) => only.has(t.id)) : g.tags).slice().sort(byOrder);
  return { group_id: g.group_id, group_name: g.group_name, create_time: g.create_time, order: g.order, deleted: false, tag: tags.map(tagView) };
}

function list(ctx: ApiCtx) {
  const tagIds = strArray(ctx.p, 'tag_id');
  const groupIds = strArray(ctx.p, 'group_id');
  const groups = ctx.corp.tag_groups.slice().sort(byOrder);
  if (groupIds.length > 0) return { tag_group: groups.filter((g) => groupIds.includes(g.group_id)).map((g) => groupView(g)) };
  if (tagIds.length > 0) {
    const only = new Set(tagIds);
    return { tag_group: groups.filter((g) => g.tags.some((t) => only.has(t.id))).map((g) => groupView(g, only)) };
  }
  return { tag_group: groups.map((g) => groupView(g)) };
}

function checkName(ctx: ApiCtx, name: string | undefined): string {
  if (!name) throw new WecomError(41018, 'missing tag name');
  if (chars(name) > ctx.sim.limits.tagNameChars) throw new WecomError(40072, `tag name is over ${ctx.sim.limits.tagNameChars} characters`);
  return name;
}

function add(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const creator = optInt(p, 'agentid') ?? ctx.agentid;
  const groupId = optString(p, 'group_id');
  const groupName = optString(p, 'group_name');
  const tagsIn = Array.isArray(p.tag) ? (p.tag as Array<Record<string, unknown>>) : [];
  if (tagsIn.length === 0) throw new WecomError(41018, 'missing tag name');
  const names = tagsIn.map((t) => checkName(ctx, optString(t, 'name')));
  if (new Set(names).size !== names.length) throw new WecomError(40071, 'duplicate tag name');
  let group = groupId ? corp.tag_groups.find((g) => g.group_id === groupId) : undefined;
  if (groupId && !group) throw new WecomError(40068, `invalid tag group id ${groupId}`);
  if (tagCount(corp) + names.length > sim.limits.corpTags) throw new WecomError(40126, `corp tags reach the limit of ${sim.limits.corpTags}`);
  const now = sim.now();
  const taken = idTaken(corp);
  if (!group) {
    const gname = checkName(ctx, groupName);
    // An existing group name adds to that group, as WeCom does.
    group = corp.tag_groups.find((g) => g.group_name === gname);
    if (!group) {
      group = { group_id: unique(newTagId, taken), group_name: gname, order: optInt(p, 'order') ?? 0, create_time: now, creator_agentid: creator, tags: [] };
      corp.tag_groups.push(group);
    }
  }
  const target = group;
  for (const n of names) if (target.tags.some((t) => t.name === n)) throw new WecomError(40071, `tag name already exists: ${n}`);
  const created = tagsIn.map((t, i) => {
    const tag: Tag = { id: unique(newTagId, taken), name: names[i], order: optInt(t, 'order') ?? 0, create_time: now, creator_agentid: creator };
    target.tags.push(tag);
    return tag;
  });
  return { tag_group: { ...groupView(target, new Set(created.map((t) => t.id))) } };
}

function owned(ctx: ApiCtx, creator: number | null) {
  if (creator !== null && creator !== (optInt(ctx.p, 'agentid') ?? ctx.agentid)) {
    throw new WecomError(301002, 'no permission: the tag was created by another app');
  }
}

function edit(ctx: ApiCtx) {
  const id = optString(ctx.p, 'id');
  if (!id) throw new WecomError(40068, 'missing tag id');
  const name = optString(ctx.p, 'name');
  const order = optInt(ctx.p, 'order');
  const group = ctx.corp.tag_groups.find((g) => g.group_id === id);
  if (group) {
    owned(ctx, group.creator_agentid);
    if (name !== undefined) {
      checkName(ctx, name);
      if (ctx.corp.tag_groups.some((g) => g !== group && g.group_name === name)) throw new WecomError(40071, 'tag group name already exists');
      group.group_name = name;
    }
    if (order !== undefined) group.order = order;
    return {};
  }
  for (const g of ctx.corp.tag_groups) {
    const tag = g.tags.find((t) => t.id === id);
    if (!tag) continue;
    owned(ctx, tag.creator_agentid);
    if (name !== undefined) {
      checkName(ctx, name);
      if (g.tags.some((t) => t !== tag && t.name === name)) throw new WecomError(40071, 'tag name already exists');
      tag.name = name;
    }
    if (order !== undefined) tag.order = order;
    return {};
  }
  throw new WecomError(40068, `invalid tag id ${id}`);
}

function del(ctx: ApiCtx) {
  const { corp } = ctx;
  const tagIds = new Set(strArray(ctx.p, 'tag_id'));
  const groupIds = new Set(strArray(ctx.p, 'group_id'));
  if (tagIds.size === 0 && groupIds.size === 0) throw invalidParam('tag_id and group_id are both empty');
  const known = idTaken(corp);
  for (const id of [...tagIds, ...groupIds]) if (!known(id)) throw new WecomError(40068, `invalid tag id ${id}`);
  for (const g of corp.tag_groups) {
    if (groupIds.has(g.group_id)) owned(ctx, g.creator_agentid);
    for (const t of g.tags) if (tagIds.has(t.id)) owned(ctx, t.creator_agentid);
  }
  const removed = new Set<string>();
  corp.tag_groups = corp.tag_groups.filter((g) => {
    const dropGroup = groupIds.has(g.group_id);
    g.tags = g.tags.filter((t) => {
      const drop = dropGroup || tagIds.has(t.id);
      if (drop) removed.add(t.id);
      return !drop;
    });
    return !dropGroup && g.tags.length > 0; // a group whose last tag goes goes too
  });
  if (removed.size > 0) {
    for (const byExt of Object.values(corp.relations)) {
      for (const r of Object.values(byExt)) if (r.tag_ids.some((id) => removed.has(id))) r.tag_ids = r.tag_ids.filter((id) => !removed.has(id));
    }
  }
  return {};
}

export const tagApis: ApiRoute[] = [
  { path: `${P}/get_corp_tag_list`, method: 'POST', handler: list, reads: true },
  { path: `${P}/add_corp_tag`, method: 'POST', handler: add },
  { path: `${P}/edit_corp_tag`, method: 'POST', handler: edit },
  { path: `${P}/del_corp_tag`, method: 'POST', handler: del },
];
