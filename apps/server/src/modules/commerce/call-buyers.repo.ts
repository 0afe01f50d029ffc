// SQL of what call lists (acquisition) read of the orders (call-buyers.ts is the door's side).
import { sql } from 'kysely';
import type { CommerceDb } from './commerce.tables.ts';

export type CallBuyerFilter = { shopIds: string[]; from: string; to: string; statuses: string[] };
export type CallBuyer = {
  customerId: string; orderNo: string; titles: string; createdAt: Date | null; paidFen: number | null; shopId: string;
  orders: number; phoneEnc: string | null; phoneMasked: string | null;
};

/**
 * One row per buyer (customer) with orders in `shopIds` placed between `from` and `to` (days in
 * Asia/Shanghai, both included) in one of `statuses`: the latest such order and how many there are.
 */
export async function callBuyers(db: CommerceDb, tenantId: string, f: CallBuyerFilter): Promise<CallBuyer[]> {
  if (f.shopIds.length === 0 || f.statuses.length === 0) return [];
  const r = await sql<{ customer_id: string; order_no: string; titles: string; created_at: Date | null; paid_fen: number | null; shop_id: string; n: number; phone_enc: string | null; phone_masked: string | null }>`
    select distinct on (customer_id) customer_id, order_no, titles, created_at, paid_fen, shop_id, phone_enc, receiver_phone_masked as phone_masked,
      count(*) over (partition by customer_id)::int as n
    from orders
    where tenant_id = ${tenantId} and customer_id is not null and shop_id = any(${f.shopIds}::text[]) and status = any(${f.statuses}::text[])
      and created_at >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'
      and created_at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
    order by customer_id, created_at desc, id desc`.execute(db);
  return r.rows.map((x) => ({
    customerId: x.customer_id, orderNo: x.order_no, titles: x.titles, createdAt: x.created_at, paidFen: x.paid_fen, shopId: x.shop_id,
    orders: x.n, phoneEnc: x.phone_enc, phoneMasked: x.phone_masked,
  }));
}

/** Names of the tenant's shops by id (other modules label their rows with them). */
export async function shopNamesOf(db: CommerceDb, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('shops').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
