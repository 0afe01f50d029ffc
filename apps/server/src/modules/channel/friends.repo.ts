// SQL of "which of these customers are WeCom friends now": other modules (call lists) skip or link them.
import { sql } from 'kysely';
import type { ChannelDb } from './channel.tables.ts';

export type Friendship = { customerId: string; staffId: string | null; userid: string; addedAt: Date };

/** Each customer's earliest active relation, for the customers that have one. */
export async function activeFriendships(db: ChannelDb, tenantId: string, customerIds: string[]): Promise<Map<string, Friendship>> {
  if (customerIds.length === 0) return new Map();
  const r = await sql<{ customer_id: string; staff_id: string | null; userid: string; added_at: Date }>`
    select distinct on (customer_id) customer_id, staff_id, userid, added_at from wecom_relations
    where tenant_id = ${tenantId} and customer_id = any(${customerIds}::text[]) and status = 'active'
    order by customer_id, added_at, userid`.execute(db);
  return new Map(r.rows.map((x) => [x.customer_id, { customerId: x.customer_id, staffId: x.staff_id, userid: x.userid, addedAt: x.added_at }]));
}
