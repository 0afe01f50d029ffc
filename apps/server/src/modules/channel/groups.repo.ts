// SQL of customer groups (客户群) and their members.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';

export type GroupRow = { chat_id: string; name: string; owner_userid: string; notice: string | null; created_at: Date; member_version: string | null; admin_userids: string[] };
export type MemberRow = { member_id: string; type: number; customer_id: string | null; name: string | null; join_time: Date; join_scene: number | null; invitor: string | null; state: string | null };

export async function upsertGroup(db: ChannelDb, tenantId: string, g: GroupRow, runId: string | null) {
  await db.insertInto('wecom_groups').values({ tenant_id: tenantId, ...g, status: 'active', seen_run_id: runId, updated_at: new Date(), member_count: 0, customer_count: 0 })
    .onConflict((oc) => oc.columns(['tenant_id', 'chat_id']).doUpdateSet({
      name: g.name, owner_userid: g.owner_userid, notice: g.notice, member_version: g.member_version, admin_userids: g.admin_userids,
      status: 'active', seen_run_id: runId, updated_at: new Date(),
    })).execute();
}

/**
 * Makes the member list exactly `members`: new ones inserted, returning ones re-joined, absent
 * ones marked left. Returns who joined and who left, for events.
 */
export async function replaceMembers(db: ChannelDb, tenantId: string, chatId: string, members: MemberRow[], at: Date) {
  const before = await db.selectFrom('wecom_group_members').select(['member_id', 'left_at', 'customer_id', 'type']).where('tenant_id', '=', tenantId).where('chat_id', '=', chatId).execute();
  const present = new Map(before.filter((m) => !m.left_at).map((m) => [m.member_id, m]));
  const now = new Set(members.map((m) => m.member_id));
  const joined = members.filter((m) => !present.has(m.member_id));
  if (members.length) {
    await db.insertInto('wecom_group_members').values(members.map((m) => ({ tenant_id: tenantId, chat_id: chatId, ...m, left_at: null, quit_scene: null })))
      .onConflict((oc) => oc.columns(['tenant_id', 'chat_id', 'member_id']).doUpdateSet((eb) => ({
        customer_id: eb.ref('excluded.customer_id'), name: eb.ref('excluded.name'), join_time: eb.ref('excluded.join_time'), join_scene: eb.ref('excluded.join_scene'),
        invitor: eb.ref('excluded.invitor'), state: eb.ref('excluded.state'), left_at: null, quit_scene: null,
      }))).execute();
  }
  const left = [...present.values()].filter((m) => !now.has(m.member_id));
  if (left.length) {
    await db.updateTable('wecom_group_members').set({ left_at: at }).where('tenant_id', '=', tenantId).where('chat_id', '=', chatId)
      .where('member_id', 'in', left.map((m) => m.member_id)).execute();
  }
  await sql`update wecom_groups set member_count = ${members.length}, customer_count = ${members.filter((m) => m.type === 2).length}
    where tenant_id = ${tenantId} and chat_id = ${chatId}`.execute(db);
  return { joined, left };
}

export async function markQuit(db: ChannelDb, tenantId: string, chatId: string, memberIds: string[], quitScene: number | null, at: Date) {
  if (memberIds.length === 0) return [];
  return db.updateTable('wecom_group_members').set({ left_at: at, quit_scene: quitScene }).where('tenant_id', '=', tenantId).where('chat_id', '=', chatId)
    .where('member_id', 'in', memberIds).where('left_at', 'is', null).returning(['member_id', 'customer_id', 'type']).execute();
}

export async function dismissGroup(db: ChannelDb, tenantId: string, chatId: string, at: Date) {
  await db.updateTable('wecom_groups').set({ status: 'dismissed', updated_at: at }).where('tenant_id', '=', tenantId).where('chat_id', '=', chatId).execute();
  await db.updateTable('wecom_group_members').set({ left_at: at }).where('tenant_id', '=', tenantId).where('chat_id', '=', chatId).where('left_at', 'is', null).execute();
}

export const findGroup = (db: ChannelDb, tenantId: string, chatId: string) =>
  db.selectFrom('wecom_groups').selectAll().where('tenant_id', '=', tenantId).where('chat_id', '=', chatId).executeTakeFirst();

export const membersOf = (db: ChannelDb, tenantId: string, chatId: string) =>
  db.selectFrom('wecom_group_members').selectAll().where('tenant_id', '=', tenantId).where('chat_id', '=', chatId)
    .orderBy('left_at', (ob) => ob.desc().nullsFirst()).orderBy('join_time').execute();

export function listGroups(db: ChannelDb, tenantId: string, f: { q?: string; ownerUserids?: string[]; status?: 'active' | 'dismissed'; after?: { createdAt: Date; chatId: string } }, limit: number) {
  let q = db.selectFrom('wecom_groups').selectAll().where('tenant_id', '=', tenantId);
  if (f.q) q = q.where('name', 'ilike', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.ownerUserids) q = q.where('owner_userid', 'in', f.ownerUserids.length ? f.ownerUserids : ['-']);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.after) {
    const a = f.after;
    q = q.where((eb) => eb.or([eb('created_at', '<', a.createdAt), eb.and([eb('created_at', '=', a.createdAt), eb('chat_id', '<', a.chatId)])]));
  }
  return q.orderBy('created_at', 'desc').orderBy('chat_id', 'desc').limit(limit).execute();
}

export async function countGroups(db: ChannelDb, tenantId: string, f: { q?: string; ownerUserids?: string[]; status?: 'active' | 'dismissed' }) {
  let q = db.selectFrom('wecom_groups').select(db.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId);
  if (f.q) q = q.where('name', 'ilike', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.ownerUserids) q = q.where('owner_userid', 'in', f.ownerUserids.length ? f.ownerUserids : ['-']);
  if (f.status) q = q.where('status', '=', f.status);
  return (await q.executeTakeFirstOrThrow()).n;
}

export const groupsOfCustomer = (db: ChannelDb, tenantId: string, customerId: string) =>
  db.selectFrom('wecom_group_members as m').innerJoin('wecom_groups as g', (j) => j.onRef('g.tenant_id', '=', 'm.tenant_id').onRef('g.chat_id', '=', 'm.chat_id'))
    .select(['g.chat_id', 'g.name', 'm.join_time', 'm.left_at']).where('m.tenant_id', '=', tenantId).where('m.customer_id', '=', customerId)
    .orderBy('m.join_time', 'desc').execute();

/** After a full sync: groups the run did not list are gone (dismissed) in WeCom. */
export const dismissUnseenGroups = (db: ChannelDb, tenantId: string, runId: string, runStartedAt: Date, at: Date) =>
  db.updateTable('wecom_groups').set({ status: 'dismissed', updated_at: at }).where('tenant_id', '=', tenantId).where('status', '=', 'active')
    .where('updated_at', '<', runStartedAt)
    .where((eb) => eb.or([eb('seen_run_id', 'is', null), eb('seen_run_id', '!=', runId)])).execute();
