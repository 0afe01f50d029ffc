// SQL of WeCom contacts and member–customer relations.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';
import type { RelationRowStatus } from './channel.tables.ts';

export type ContactRow = { external_userid: string; customer_id: string; name: string; avatar: string | null; type: number | null; gender: number | null; corp_name: string | null; has_unionid: boolean };
export type RelationRow = {
  external_userid: string; userid: string; customer_id: string; staff_id: string | null; added_at: Date; add_way: number;
  state: string | null; oper_userid: string | null; remark: string | null; description: string | null; tag_ids: string[];
};

export async function upsertContacts(db: ChannelDb, tenantId: string, rows: ContactRow[]) {
  if (rows.length === 0) return;
  await db.insertInto('wecom_contacts').values(rows.map((r) => ({ tenant_id: tenantId, ...r, updated_at: new Date() })))
    .onConflict((oc) => oc.columns(['tenant_id', 'external_userid']).doUpdateSet((eb) => ({
      customer_id: eb.ref('excluded.customer_id'), name: eb.ref('excluded.name'), avatar: eb.ref('excluded.avatar'), type: eb.ref('excluded.type'),
      gender: eb.ref('excluded.gender'), corp_name: eb.ref('excluded.corp_name'), has_unionid: eb.ref('excluded.has_unionid'), updated_at: eb.ref('excluded.updated_at'),
    }))).execute();
}

/**
 * Upserts relations as active; returns the pairs that were not active before (new friends, or
 * friends again), so the caller emits friend_added once per real change.
 */
export async function upsertActiveRelations(db: ChannelDb, tenantId: string, rows: RelationRow[], runId: string | null) {
  if (rows.length === 0) return [] as Array<{ external_userid: string; userid: string }>;
  const r = await sql<{ external_userid: string; userid: string; was_active: boolean | null }>`
    with prev as (
      select external_userid, userid, status from wecom_relations
      where tenant_id = ${tenantId} and (external_userid, userid) in (select * from unnest(${rows.map((x) => x.external_userid)}::text[], ${rows.map((x) => x.userid)}::text[]))
    ), up as (
      insert into wecom_relations (tenant_id, external_userid, userid, customer_id, staff_id, added_at, add_way, state, oper_userid, remark, description, tag_ids, status, ended_at, seen_run_id, updated_at)
      select ${tenantId}, u.e, u.u, u.c, u.s, u.a, u.w, u.st, u.o, u.r, u.d, array(select jsonb_array_elements_text(u.t::jsonb)), 'active', null, ${runId}, now()
      from unnest(${rows.map((x) => x.external_userid)}::text[], ${rows.map((x) => x.userid)}::text[], ${rows.map((x) => x.customer_id)}::text[],
        ${rows.map((x) => x.staff_id)}::text[], ${rows.map((x) => x.added_at.toISOString())}::timestamptz[], ${rows.map((x) => x.add_way)}::int[],
        ${rows.map((x) => x.state)}::text[], ${rows.map((x) => x.oper_userid)}::text[], ${rows.map((x) => x.remark)}::text[],
        ${rows.map((x) => x.description)}::text[], ${rows.map((x) => JSON.stringify(x.tag_ids))}::text[])
        as u(e, u, c, s, a, w, st, o, r, d, t)
      on conflict (tenant_id, external_userid, userid) do update set
        customer_id = excluded.customer_id, staff_id = excluded.staff_id, added_at = excluded.added_at, add_way = excluded.add_way,
        state = excluded.state, oper_userid = excluded.oper_userid, remark = excluded.remark, description = excluded.description,
        tag_ids = excluded.tag_ids, status = 'active', ended_at = null, seen_run_id = excluded.seen_run_id, updated_at = now()
      returning external_userid, userid
    )
    select up.external_userid, up.userid, (prev.status = 'active') as was_active
    from up left join prev on prev.external_userid = up.external_userid and prev.userid = up.userid`.execute(db);
  return r.rows.filter((x) => !x.was_active);
}

export async function endRelation(db: ChannelDb, tenantId: string, externalUserId: string, userid: string, status: RelationRowStatus, at: Date) {
  return db.updateTable('wecom_relations').set({ status, ended_at: status === 'active' ? null : at, updated_at: at })
    .where('tenant_id', '=', tenantId).where('external_userid', '=', externalUserId).where('userid', '=', userid)
    .where('status', '!=', status)
    .returning(['customer_id', 'staff_id']).executeTakeFirst();
}

export const findContact = (db: ChannelDb, tenantId: string, externalUserId: string) =>
  db.selectFrom('wecom_contacts').selectAll().where('tenant_id', '=', tenantId).where('external_userid', '=', externalUserId).executeTakeFirst();

export const contactsOfCustomer = (db: ChannelDb, tenantId: string, customerId: string) =>
  db.selectFrom('wecom_contacts').selectAll().where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).execute();

export const contactsByExternal = (db: ChannelDb, tenantId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) :
    db.selectFrom('wecom_contacts').select(['external_userid', 'customer_id', 'name']).where('tenant_id', '=', tenantId).where('external_userid', 'in', ids).execute();

export const relationsOfCustomer = (db: ChannelDb, tenantId: string, customerId: string) =>
  db.selectFrom('wecom_relations').selectAll().where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).orderBy('added_at').execute();

/** Active tag ids of all a customer's relations (a customer's WeCom tags are the union). */
export async function relationTagsOf(db: ChannelDb, tenantId: string, customerIds: string[]) {
  if (customerIds.length === 0) return new Map<string, string[]>();
  const rows = await db.selectFrom('wecom_relations').select(['customer_id', 'tag_ids']).where('tenant_id', '=', tenantId)
    .where('customer_id', 'in', customerIds).where('status', '=', 'active').execute();
  const out = new Map<string, string[]>(customerIds.map((c) => [c, []]));
  for (const r of rows) out.set(r.customer_id, [...new Set([...(out.get(r.customer_id) ?? []), ...r.tag_ids])]);
  return out;
}

/**
 * After a full sync: active relations the run did not see are gone in WeCom — except those a
 * callback wrote after the run started (a friend added mid-sync, on a page already read).
 */
export async function endUnseenRelations(db: ChannelDb, tenantId: string, runId: string, runStartedAt: Date, at: Date) {
  return db.updateTable('wecom_relations').set({ status: 'deleted_by_staff', ended_at: at, updated_at: at })
    .where('tenant_id', '=', tenantId).where('status', '=', 'active').where('updated_at', '<', runStartedAt)
    .where((eb) => eb.or([eb('seen_run_id', 'is', null), eb('seen_run_id', '!=', runId)]))
    .returning(['external_userid', 'userid', 'customer_id', 'staff_id']).execute();
}

/** A merge moves the WeCom side too; returns what moved so an undo can move exactly that back. */
export async function reassignCustomer(db: ChannelDb, tenantId: string, from: string, to: string) {
  const contacts = await db.updateTable('wecom_contacts').set({ customer_id: to }).where('tenant_id', '=', tenantId).where('customer_id', '=', from).returning('external_userid').execute();
  const relations = await db.updateTable('wecom_relations').set({ customer_id: to }).where('tenant_id', '=', tenantId).where('customer_id', '=', from).returning(['external_userid', 'userid']).execute();
  const members = await db.updateTable('wecom_group_members').set({ customer_id: to }).where('tenant_id', '=', tenantId).where('customer_id', '=', from).returning(['chat_id', 'member_id']).execute();
  return { contacts: contacts.map((c) => c.external_userid), relations, members };
}

export async function restoreCustomer(db: ChannelDb, tenantId: string, to: string, moved: Awaited<ReturnType<typeof reassignCustomer>>) {
  if (moved.contacts.length) await db.updateTable('wecom_contacts').set({ customer_id: to }).where('tenant_id', '=', tenantId).where('external_userid', 'in', moved.contacts).execute();
  for (const r of moved.relations) await db.updateTable('wecom_relations').set({ customer_id: to }).where('tenant_id', '=', tenantId).where('external_userid', '=', r.external_userid).where('userid', '=', r.userid).execute();
  for (const m of moved.members) await db.updateTable('wecom_group_members').set({ customer_id: to }).where('tenant_id', '=', tenantId).where('chat_id', '=', m.chat_id).where('member_id', '=', m.member_id).execute();
}
