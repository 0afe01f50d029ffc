// Tag groups and tags (manual, rule, WeCom) and who put which tag on which customer, when and why.
import type { Deps } from '../../deps.ts';
import { conflict, emit, invalid, isUniqueViolation, newId, notFound } from '../../core/index.ts';
import { requireRole, staffNames, type Actor } from '../tenancy/index.ts';
import * as repo from './tagging.repo.ts';
import type { TagSourceName } from './tagging.tables.ts';
import { taggingDb } from './tagging.tables.ts';

// WeCom caps corp tags at 3,000 per corp; platform-side tags beyond that stay in Siyu.
const MAX_TAGS_PER_REQUEST = 50;

const uniqueOr = async <T>(p: Promise<T>, message: string): Promise<T> => {
  try {
    return await p;
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(message);
    throw err;
  }
};

export async function listGroups(deps: Deps, actor: Actor) {
  const { groups, tags } = await repo.groupsWithTags(deps.db, actor.tenantId);
  return groups.map((g) => ({
    id: g.id, name: g.name, source: g.source, sortOrder: g.sort_order,
    tags: tags.filter((t) => t.group_id === g.id).map((t) => ({
      id: t.id, groupId: t.group_id, name: t.name, color: t.color, source: t.source, customerCount: Number(t.customer_count ?? 0),
    })),
  }));
}

export async function createGroup(deps: Deps, actor: Actor, input: { name: string; sortOrder?: number; source?: TagSourceName }) {
  requireRole(actor, 'operator_lead');
  const id = newId();
  await uniqueOr(repo.insertGroup(deps.db, { tenant_id: actor.tenantId, id, name: input.name, source: input.source ?? 'manual', sort_order: input.sortOrder ?? 0, wecom_group_id: null }), `标签组「${input.name}」已存在`);
  return (await listGroups(deps, actor)).find((g) => g.id === id)!;
}

export async function updateGroup(deps: Deps, actor: Actor, id: string, input: { name?: string; sortOrder?: number }) {
  requireRole(actor, 'operator_lead');
  if (!(await repo.findGroup(deps.db, actor.tenantId, id))) throw notFound('标签组');
  await uniqueOr(repo.updateGroup(deps.db, actor.tenantId, id, { ...(input.name && { name: input.name }), ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }) }), `标签组「${input.name}」已存在`);
  return (await listGroups(deps, actor)).find((g) => g.id === id)!;
}

/** Deleting a group deletes its tags and their assignments, in one transaction. */
export async function deleteGroup(deps: Deps, actor: Actor, id: string) {
  requireRole(actor, 'operator_lead');
  if (!(await repo.findGroup(deps.db, actor.tenantId, id))) throw notFound('标签组');
  await taggingDb(deps.db).transaction().execute(async (trx) => {
    const ids = (await repo.tagsInGroup(trx, actor.tenantId, id)).map((t) => t.id);
    await repo.deleteAssignmentsOfTags(trx, actor.tenantId, ids);
    await repo.deleteTags(trx, actor.tenantId, ids);
    await repo.deleteGroup(trx, actor.tenantId, id);
    await emit(trx, actor.tenantId, ids.map(tagDeleted(actor)));
  });
}

// One event per deleted tag (its assignments go with it): consumers drop what they derived.
const tagDeleted = (actor: Actor) => (tagId: string) =>
  ({ type: 'tag.deleted', aggregateType: 'tag', aggregateId: tagId, actorId: actor.staffId, payload: { tagId } });

export async function createTag(deps: Deps, actor: Actor, input: { groupId: string; name: string; color?: string | null }) {
  requireRole(actor, 'operator_lead');
  const group = await repo.findGroup(deps.db, actor.tenantId, input.groupId);
  if (!group) throw notFound('标签组');
  const id = newId();
  await uniqueOr(repo.insertTag(deps.db, { tenant_id: actor.tenantId, id, group_id: group.id, name: input.name, color: input.color ?? null, source: group.source, sort_order: 0, wecom_tag_id: null }), `标签「${input.name}」在该组已存在`);
  return { id, groupId: group.id, name: input.name, color: input.color ?? null, source: group.source, customerCount: 0 };
}

export async function updateTag(deps: Deps, actor: Actor, id: string, input: { name?: string; color?: string | null }) {
  requireRole(actor, 'operator_lead');
  const tag = await repo.findTag(deps.db, actor.tenantId, id);
  if (!tag) throw notFound('标签');
  await uniqueOr(repo.updateTag(deps.db, actor.tenantId, id, { ...(input.name && { name: input.name }), ...(input.color !== undefined && { color: input.color }) }), `标签「${input.name}」在该组已存在`);
  const group = (await listGroups(deps, actor)).find((g) => g.id === tag.group_id);
  return group!.tags.find((t) => t.id === id)!;
}

export async function deleteTag(deps: Deps, actor: Actor, id: string) {
  requireRole(actor, 'operator_lead');
  if (!(await repo.findTag(deps.db, actor.tenantId, id))) throw notFound('标签');
  await taggingDb(deps.db).transaction().execute(async (trx) => {
    await repo.deleteAssignmentsOfTags(trx, actor.tenantId, [id]);
    await repo.deleteTags(trx, actor.tenantId, [id]);
    await emit(trx, actor.tenantId, [tagDeleted(actor)(id)]);
  });
}

/** Tags per customer; `withWho` adds who assigned each (for the detail page). */
export async function tagsOfCustomers(deps: Deps, tenantId: string, customerIds: string[], withWho: boolean) {
  const out = new Map<string, Array<{ tagId: string; name: string; groupName: string; color: string | null; source: TagSourceName; assignedBy: string | null; assignedByName: string | null; reason: string | null; assignedAt: string }>>();
  if (customerIds.length === 0) return out;
  const [rows, names] = await Promise.all([repo.assignmentsOf(deps.db, tenantId, customerIds), withWho ? staffNames(deps, tenantId) : Promise.resolve(new Map<string, string>())]);
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push({
      tagId: r.tag_id, name: r.name, groupName: r.group_name, color: r.color, source: r.source as TagSourceName,
      assignedBy: r.assigned_by, assignedByName: r.assigned_by ? names.get(r.assigned_by) ?? null : null,
      reason: r.reason, assignedAt: new Date(r.assigned_at).toISOString(),
    });
    out.set(r.customer_id, list);
  }
  return out;
}

/**
 * Adds and removes tags on one customer. The caller has checked the customer is visible to the
 * actor. Each real change becomes a tag.assigned / tag.removed event in the same transaction.
 */
export async function assignTags(deps: Deps, actor: Actor, customerId: string, input: { add: string[]; remove: string[]; reason?: string }, source: TagSourceName = 'manual') {
  if (input.add.length + input.remove.length > MAX_TAGS_PER_REQUEST) throw invalid(`一次最多修改 ${MAX_TAGS_PER_REQUEST} 个标签`);
  const wanted = [...new Set([...input.add, ...input.remove])];
  const known = new Map((await repo.findTags(deps.db, actor.tenantId, wanted)).map((t) => [t.id, t]));
  const missing = wanted.filter((id) => !known.has(id));
  if (missing.length) throw notFound(`标签 ${missing.join(', ')} `);
  // Joins the caller's transaction when there is one (a flow recording an add with its auto tags).
  const inTrx = <T>(f: (trx: ReturnType<typeof taggingDb>) => Promise<T>) =>
    deps.db.isTransaction ? f(taggingDb(deps.db)) : taggingDb(deps.db).transaction().execute(f);
  await inTrx(async (trx) => {
    const added = await repo.addAssignments(trx, input.add.map((tagId) => ({
      tenant_id: actor.tenantId, customer_id: customerId, tag_id: tagId, source, assigned_by: actor.staffId, reason: input.reason ?? null, assigned_at: deps.clock.now(),
    })));
    const removed = await repo.removeAssignments(trx, actor.tenantId, customerId, input.remove.filter((id) => !input.add.includes(id)));
    const ev = (type: string, tagId: string) => ({
      type, aggregateType: 'customer', aggregateId: customerId, actorId: actor.staffId,
      payload: { tagId, tagName: known.get(tagId)!.name, reason: input.reason ?? null, by: actor.name, source },
    });
    await emit(trx, actor.tenantId, [...added.map((t) => ev('tag.assigned', t)), ...removed.map((t) => ev('tag.removed', t))]);
  });
}

export const customerHasTag = repo.hasTag;
