// Bulk assignments given as columns (one array per column): one INSERT … SELECT FROM unnest per
// batch, for seeders and benchmarks that tag hundreds of thousands of customers.
import { sql } from 'kysely';
import type { TaggingDb } from './tagging.tables.ts';

/** Manual assignments of one tenant, column by column (ISO times). */
export type TagColumns = { customerId: string[]; tagId: string[]; assignedBy: string[]; assignedAt: string[] };

export const emptyTagColumns = (): TagColumns => ({ customerId: [], tagId: [], assignedBy: [], assignedAt: [] });

export async function insertTagColumns(db: TaggingDb, tenantId: string, cols: TagColumns, reason: string): Promise<void> {
  if (cols.customerId.length === 0) return;
  await sql`
    insert into customer_tags (tenant_id, customer_id, tag_id, source, assigned_by, reason, assigned_at)
    select ${tenantId}, u.customer_id, u.tag_id, 'manual', u.assigned_by, ${reason}, u.assigned_at
    from unnest(${cols.customerId}::text[], ${cols.tagId}::text[], ${cols.assignedBy}::text[], ${cols.assignedAt}::timestamptz[])
      as u(customer_id, tag_id, assigned_by, assigned_at)
  `.execute(db);
}

export async function vacuumAssignments(db: TaggingDb): Promise<void> {
  await sql`vacuum (analyze) customer_tags`.execute(db);
}
