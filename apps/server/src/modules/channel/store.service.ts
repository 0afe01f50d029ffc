// What flows write into the channel's own tables. Callers pass deps whose db is their transaction.
import type { Deps } from '../../deps.ts';
import * as rel from './relations.repo.ts';
import * as grp from './groups.repo.ts';
import type { RelationRowStatus } from './channel.tables.ts';

export type { ContactRow, RelationRow } from './relations.repo.ts';
export type { GroupRow, MemberRow } from './groups.repo.ts';

export const saveContacts = (deps: Deps, tenantId: string, rows: rel.ContactRow[]) => rel.upsertContacts(deps.db, tenantId, rows);

/** Relations seen as active; returns the pairs that became active (new friends or friends again). */
export function saveActiveRelations(deps: Deps, tenantId: string, rows: rel.RelationRow[], runId: string | null) {
  const unique = new Map(rows.map((r) => [`${r.external_userid}/${r.userid}`, r]));
  return rel.upsertActiveRelations(deps.db, tenantId, [...unique.values()], runId);
}

export const endRelation = (deps: Deps, tenantId: string, externalUserId: string, userid: string, status: RelationRowStatus) =>
  rel.endRelation(deps.db, tenantId, externalUserId, userid, status, deps.clock.now());

export const endUnseenRelations = (deps: Deps, tenantId: string, runId: string, runStartedAt: Date) => rel.endUnseenRelations(deps.db, tenantId, runId, runStartedAt, deps.clock.now());
export const relationTagsOf = (deps: Deps, tenantId: string, customerIds: string[]) => rel.relationTagsOf(deps.db, tenantId, customerIds);
export const findContact = (deps: Deps, tenantId: string, externalUserId: string) => rel.findContact(deps.db, tenantId, externalUserId);
export const contactsByExternal = (deps: Deps, tenantId: string, ids: string[]) => rel.contactsByExternal(deps.db, tenantId, ids);

export const saveGroup = (deps: Deps, tenantId: string, g: grp.GroupRow, runId: string | null) => grp.upsertGroup(deps.db, tenantId, g, runId);
export const replaceGroupMembers = (deps: Deps, tenantId: string, chatId: string, members: grp.MemberRow[]) =>
  grp.replaceMembers(deps.db, tenantId, chatId, members, deps.clock.now());
export const markGroupQuit = (deps: Deps, tenantId: string, chatId: string, memberIds: string[], quitScene: number | null) =>
  grp.markQuit(deps.db, tenantId, chatId, memberIds, quitScene, deps.clock.now());
export const dismissGroup = (deps: Deps, tenantId: string, chatId: string) => grp.dismissGroup(deps.db, tenantId, chatId, deps.clock.now());
export const findGroup = (deps: Deps, tenantId: string, chatId: string) => grp.findGroup(deps.db, tenantId, chatId);
export const dismissUnseenGroups = (deps: Deps, tenantId: string, runId: string, runStartedAt: Date) => grp.dismissUnseenGroups(deps.db, tenantId, runId, runStartedAt, deps.clock.now());

export type WecomMoved = Awaited<ReturnType<typeof rel.reassignCustomer>>;
export const reassignCustomer = (deps: Deps, tenantId: string, from: string, to: string) => rel.reassignCustomer(deps.db, tenantId, from, to);
export const restoreCustomer = (deps: Deps, tenantId: string, to: string, moved: WecomMoved) => rel.restoreCustomer(deps.db, tenantId, to, moved);
