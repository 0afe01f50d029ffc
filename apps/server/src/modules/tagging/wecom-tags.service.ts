// Corp tags both ways. WeCom is the source for tags it knows (names follow WeCom); tags made in
// Siyu are pushed to WeCom so staff see them in the client, then carry WeCom's ids. Assignments
// that come from WeCom are kept as source 'wecom'; an operator's manual assignment is never removed
// by a sync. Callers pass deps whose db is their transaction where they need one.
import type { Deps } from '../../deps.ts';
import { emit, newId, type DomainEvent } from '../../core/index.ts';
import * as repo from './tagging.repo.ts';
import * as wrepo from './wecom-tags.repo.ts';

export type WecomTagGroup = {
  group_id: string; group_name: string; order?: number; deleted?: boolean;
  tag: Array<{ id: string; name: string; order?: number; deleted?: boolean }>;
};
export type TagMirrorResult = { groupsNew: number; tagsNew: number; tagsRenamed: number; tagsDeleted: number };

/** Applies WeCom's full tag list. With `complete`, tags that WeCom no longer has are deleted here. */
export async function mirrorWecomTags(deps: Deps, tenantId: string, groups: WecomTagGroup[], complete: boolean): Promise<TagMirrorResult> {
  const db = deps.db;
  const res: TagMirrorResult = { groupsNew: 0, tagsNew: 0, tagsRenamed: 0, tagsDeleted: 0 };
  const localGroups = await wrepo.allGroups(db, tenantId);
  const localTags = await wrepo.allTags(db, tenantId);
  const seenTags = new Set<string>();
  for (const g of groups.filter((x) => !x.deleted)) {
    // Link by WeCom id, else by name (a group made in Siyu and pushed, or made twice by hand).
    let group = localGroups.find((x) => x.wecom_group_id === g.group_id) ?? localGroups.find((x) => x.name === g.group_name);
    if (!group) {
      group = { id: newId(), name: g.group_name, source: 'wecom', wecom_group_id: g.group_id, sort_order: 0 };
      await repo.insertGroup(db, { tenant_id: tenantId, id: group.id, name: g.group_name, source: 'wecom', wecom_group_id: g.group_id, sort_order: localGroups.length });
      localGroups.push(group);
      res.groupsNew++;
    } else if (group.wecom_group_id !== g.group_id || group.name !== g.group_name) {
      await repo.updateGroup(db, tenantId, group.id, { wecom_group_id: g.group_id, name: g.group_name });
    }
    for (const t of g.tag.filter((x) => !x.deleted)) {
      seenTags.add(t.id);
      const tag = localTags.find((x) => x.wecom_tag_id === t.id) ?? localTags.find((x) => x.group_id === group.id && x.name === t.name && !x.wecom_tag_id);
      if (!tag) {
        const id = newId();
        await repo.insertTag(db, { tenant_id: tenantId, id, group_id: group.id, name: t.name, source: 'wecom', wecom_tag_id: t.id, sort_order: localTags.length });
        localTags.push({ id, group_id: group.id, name: t.name, source: 'wecom', wecom_tag_id: t.id, sort_order: 0 });
        res.tagsNew++;
      } else if (tag.wecom_tag_id !== t.id || tag.name !== t.name || tag.group_id !== group.id) {
        if (tag.name !== t.name) res.tagsRenamed++;
        await repo.updateTag(db, tenantId, tag.id, { wecom_tag_id: t.id, name: t.name, group_id: group.id });
        Object.assign(tag, { wecom_tag_id: t.id, name: t.name, group_id: group.id });
      }
    }
  }
  if (complete) {
    const gone = localTags.filter((t) => t.wecom_tag_id && !seenTags.has(t.wecom_tag_id)).map((t) => t.id);
    if (gone.length) {
      await repo.deleteAssignmentsOfTags(db, tenantId, gone);
      await repo.deleteTags(db, tenantId, gone);
      await emit(db, tenantId, gone.map((id) => ({ type: 'tag.deleted', aggregateType: 'tag', aggregateId: id, payload: { tagId: id, via: 'wecom' } })));
      res.tagsDeleted = gone.length;
    }
  }
  return res;
}

/** WeCom tag id → Siyu tag id, for translating follow_info.tag_id lists. */
export async function wecomTagIds(deps: Deps, tenantId: string): Promise<Map<string, { id: string; name: string }>> {
  const tags = await wrepo.allTags(deps.db, tenantId);
  return new Map(tags.filter((t) => t.wecom_tag_id).map((t) => [t.wecom_tag_id!, { id: t.id, name: t.name }]));
}

/** Groups and tags made in Siyu that WeCom does not have yet (manual ones; rule tags stay Siyu's own). */
export async function tagsToPush(deps: Deps, tenantId: string) {
  const [groups, tags] = await Promise.all([wrepo.allGroups(deps.db, tenantId), wrepo.allTags(deps.db, tenantId)]);
  return groups.filter((g) => g.source === 'manual').map((g) => ({
    groupId: g.id, groupName: g.name, wecomGroupId: g.wecom_group_id,
    tags: tags.filter((t) => t.group_id === g.id && !t.wecom_tag_id && t.source === 'manual').map((t) => ({ tagId: t.id, name: t.name })),
  })).filter((g) => g.tags.length > 0);
}

export async function linkWecomIds(deps: Deps, tenantId: string, groupId: string, wecomGroupId: string, tags: Array<{ tagId: string; wecomTagId: string }>) {
  await repo.updateGroup(deps.db, tenantId, groupId, { wecom_group_id: wecomGroupId });
  for (const t of tags) await repo.updateTag(deps.db, tenantId, t.tagId, { wecom_tag_id: t.wecomTagId });
}

/**
 * Sets each customer's WeCom-sourced tags to exactly `tagIds` (Siyu ids). Manual assignments of
 * the same tags stay as they are. Emits tag.assigned / tag.removed for each real change.
 */
export async function applyWecomAssignments(deps: Deps, tenantId: string, rows: Array<{ customerId: string; tagIds: string[] }>, names: Map<string, string>) {
  const current = await wrepo.wecomAssignmentsOf(deps.db, tenantId, rows.map((r) => r.customerId));
  const have = new Map<string, Map<string, string>>();
  for (const c of current) {
    const m = have.get(c.customer_id) ?? new Map<string, string>();
    m.set(c.tag_id, c.source);
    have.set(c.customer_id, m);
  }
  const add: Array<{ customerId: string; tagId: string }> = [];
  const remove: Array<{ customerId: string; tagId: string }> = [];
  for (const r of rows) {
    const m = have.get(r.customerId) ?? new Map<string, string>();
    const want = new Set(r.tagIds);
    for (const t of want) if (!m.has(t)) add.push({ customerId: r.customerId, tagId: t });
    for (const [t, source] of m) if (source === 'wecom' && !want.has(t)) remove.push({ customerId: r.customerId, tagId: t });
  }
  const now = deps.clock.now();
  const added = await wrepo.insertWecomAssignments(deps.db, tenantId, add, now);
  const removed = await wrepo.deleteWecomAssignments(deps.db, tenantId, remove);
  const ev = (type: string) => (x: { customer_id: string; tag_id: string }): DomainEvent => ({
    type, aggregateType: 'customer', aggregateId: x.customer_id, occurredAt: now,
    payload: { tagId: x.tag_id, tagName: names.get(x.tag_id) ?? '', reason: '企业微信标签', by: '企业微信', source: 'wecom' },
  });
  await emit(deps.db, tenantId, [...added.map(ev('tag.assigned')), ...removed.map(ev('tag.removed'))]);
  return { added: added.length, removed: removed.length };
}

/** Merge support: copies tags from one customer to another (events keep the tag tokens right); returns what to undo. */
export async function copyCustomerTags(deps: Deps, tenantId: string, from: string, to: string): Promise<string[]> {
  const added = await wrepo.copyAssignments(deps.db, tenantId, from, to);
  await emit(deps.db, tenantId, added.map((tagId) => ({ type: 'tag.assigned', aggregateType: 'customer', aggregateId: to, payload: { tagId, tagName: '', reason: '客户合并', by: '系统', source: 'merge' } })));
  return added;
}

export async function removeCustomerTags(deps: Deps, tenantId: string, customerId: string, tagIds: string[]) {
  if (tagIds.length === 0) return;
  await repo.removeAssignments(deps.db, tenantId, customerId, tagIds);
  await emit(deps.db, tenantId, tagIds.map((tagId) => ({ type: 'tag.removed', aggregateType: 'customer', aggregateId: customerId, payload: { tagId, tagName: '', reason: '撤销客户合并', by: '系统', source: 'merge' } })));
}
