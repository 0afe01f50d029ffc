// SQL for mirroring WeCom corp tags and their assignments.
import { sql } from 'kysely';
import type { TaggingDb } from './tagging.tables.ts';

export const allGroups = (db: TaggingDb, tenantId: string) =>
  db.selectFrom('tag_groups').select(['id', 'name', 'source', 'wecom_group_id', 'sort_order']).where('tenant_id', '=', tenantId).execute();

export const allTags = (db: TaggingDb, tenantId: string) =>
  db.selectFrom('tags').select(['id', 'group_id', 'name', 'source', 'wecom_tag_id', 'sort_order']).where('tenant_id', '=', tenantId).execute();

export const wecomAssignmentsOf = (db: TaggingDb, tenantId: string, customerIds: string[]) =>
  customerIds.length === 0 ? Promise.resolve([]) :
    db.selectFrom('customer_tags').select(['customer_id', 'tag_id', 'source']).where('tenant_id', '=', tenantId)
      .where('customer_id', 'in', customerIds).execute();

export async function insertWecomAssignments(db: TaggingDb, tenantId: string, rows: Array<{ customerId: string; tagId: string }>, at: Date) {
  if (rows.length === 0) return [];
  const r = await sql<{ customer_id: string; tag_id: string }>`
    insert into customer_tags (tenant_id, customer_id, tag_id, source, assigned_by, reason, assigned_at)
    select ${tenantId}, u.c, u.t, 'wecom', null, '企业微信标签', ${at.toISOString()}::timestamptz
    from unnest(${rows.map((x) => x.customerId)}::text[], ${rows.map((x) => x.tagId)}::text[]) as u(c, t)
    on conflict (tenant_id, customer_id, tag_id) do nothing
    returning customer_id, tag_id`.execute(db);
  return r.rows;
}

export async function deleteWecomAssignments(db: TaggingDb, tenantId: string, rows: Array<{ customerId: string; tagId: string }>) {
  if (rows.length === 0) return [];
  const r = await sql<{ customer_id: string; tag_id: string }>`
    delete from customer_tags ct using unnest(${rows.map((x) => x.customerId)}::text[], ${rows.map((x) => x.tagId)}::text[]) as u(c, t)
    where ct.tenant_id = ${tenantId} and ct.customer_id = u.c and ct.tag_id = u.t and ct.source = 'wecom'
    returning ct.customer_id, ct.tag_id`.execute(db);
  return r.rows;
}

/** A merge: the merged customer's tags are copied to the kept one; returns the tag ids added. */
export async function copyAssignments(db: TaggingDb, tenantId: string, from: string, to: string) {
  const r = await sql<{ tag_id: string }>`
    insert into customer_tags (tenant_id, customer_id, tag_id, source, assigned_by, reason, assigned_at)
    select tenant_id, ${to}, tag_id, source, assigned_by, reason, assigned_at from customer_tags where tenant_id = ${tenantId} and customer_id = ${from}
    on conflict do nothing returning tag_id`.execute(db);
  return r.rows.map((x) => x.tag_id);
}
