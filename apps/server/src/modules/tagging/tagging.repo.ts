// All SQL of tag groups, tags and their assignments to customers.
import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { RowCondition } from '../../db/connect.ts';
import type { TaggingDb, TaggingTables, TagGroupsTable, TagsTable, CustomerTagsTable } from './tagging.tables.ts';

export async function groupsWithTags(db: TaggingDb, tenantId: string) {
  const groups = await db.selectFrom('tag_groups').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('created_at').execute();
  const tags = await db.selectFrom('tags as t')
    .select(['t.id', 't.group_id', 't.name', 't.color', 't.source', 't.sort_order',
      (eb) => eb.selectFrom('customer_tags as ct').select(eb.fn.countAll<number>().as('n'))
        .whereRef('ct.tenant_id', '=', 't.tenant_id').whereRef('ct.tag_id', '=', 't.id').as('customer_count')])
    .where('t.tenant_id', '=', tenantId).orderBy('t.sort_order').orderBy('t.created_at').execute();
  return { groups, tags };
}

export const findGroup = (db: TaggingDb, tenantId: string, id: string) =>
  db.selectFrom('tag_groups').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const insertGroup = (db: TaggingDb, row: Insertable<TagGroupsTable>) => db.insertInto('tag_groups').values(row).execute();
export const updateGroup = (db: TaggingDb, tenantId: string, id: string, set: Updateable<TagGroupsTable>) =>
  db.updateTable('tag_groups').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
export const deleteGroup = (db: TaggingDb, tenantId: string, id: string) =>
  db.deleteFrom('tag_groups').where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const findTag = (db: TaggingDb, tenantId: string, id: string) =>
  db.selectFrom('tags').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const findTags = (db: TaggingDb, tenantId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('tags').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
export const tagsInGroup = (db: TaggingDb, tenantId: string, groupId: string) =>
  db.selectFrom('tags').select('id').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).execute();
export const insertTag = (db: TaggingDb, row: Insertable<TagsTable>) => db.insertInto('tags').values(row).execute();
export const updateTag = (db: TaggingDb, tenantId: string, id: string, set: Updateable<TagsTable>) =>
  db.updateTable('tags').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
export const deleteTags = (db: TaggingDb, tenantId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve() : db.deleteFrom('tags').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute().then(() => undefined);
export const deleteAssignmentsOfTags = (db: TaggingDb, tenantId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve() : db.deleteFrom('customer_tags').where('tenant_id', '=', tenantId).where('tag_id', 'in', ids).execute().then(() => undefined);

export function assignmentsOf(db: TaggingDb, tenantId: string, customerIds: string[]) {
  return db.selectFrom('customer_tags as ct')
    .innerJoin('tags as t', (j) => j.onRef('t.tenant_id', '=', 'ct.tenant_id').onRef('t.id', '=', 'ct.tag_id'))
    .innerJoin('tag_groups as g', (j) => j.onRef('g.tenant_id', '=', 't.tenant_id').onRef('g.id', '=', 't.group_id'))
    .select(['ct.customer_id', 'ct.tag_id', 't.name', 'g.name as group_name', 't.color', 'ct.source', 'ct.assigned_by', 'ct.reason', 'ct.assigned_at'])
    .where('ct.tenant_id', '=', tenantId).where('ct.customer_id', 'in', customerIds)
    .orderBy('g.sort_order').orderBy('t.sort_order').execute();
}

/** Inserts assignments that do not exist yet; returns the tag ids actually added. */
export async function addAssignments(db: TaggingDb, rows: Insertable<CustomerTagsTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const res = await db.insertInto('customer_tags').values(rows)
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id', 'tag_id']).doNothing()).returning('tag_id').execute();
  return res.map((r) => r.tag_id);
}

export async function removeAssignments(db: TaggingDb, tenantId: string, customerId: string, tagIds: string[]): Promise<string[]> {
  if (tagIds.length === 0) return [];
  const res = await db.deleteFrom('customer_tags').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where('tag_id', 'in', tagIds).returning('tag_id').execute();
  return res.map((r) => r.tag_id);
}

/** A condition on `c` (customers): the customer carries this tag. Planned inside the customer query. */
export const hasTag = (tenantId: string, tagId: string): RowCondition<'c'> => (anyEb) => {
  const eb = anyEb as ExpressionBuilder<TaggingTables & { c: { id: string } }, 'c'>;
  return eb.exists(eb.selectFrom('customer_tags as ct').select(sql`1`.as('x'))
    .where('ct.tenant_id', '=', tenantId).whereRef('ct.customer_id', '=', 'c.id').where('ct.tag_id', '=', tagId));
};
