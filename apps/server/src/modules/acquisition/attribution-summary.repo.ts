// The summaries' SQL: order_attributions alone (channel and staff are copied onto each row), by
// the orders' placing time, grouped by channel kind, channel (code/batch) or staff.
import { sql } from 'kysely';
import type { AcquisitionDb } from './acquisition.tables.ts';

export type SummaryRow = {
  channel_kind: string | null; channel_id: string | null; staff_id: string | null;
  last_orders: number; last_fen: string; first_orders: number; first_fen: string; linear_orders: string; linear_fen: string;
  feedback_orders: number; feedback_fen: string;
  /** The row over all groups (grouping sets): totals summed exactly, not from rounded rows. */
  total: boolean;
};

const GROUPS = {
  channel_kind: { cols: sql`channel_kind, null::text as channel_id, null::text as staff_id`, by: sql`channel_kind`, first: sql`channel_kind` },
  channel: { cols: sql`channel_kind, channel_id, null::text as staff_id`, by: sql`channel_kind, channel_id`, first: sql`channel_kind` },
  staff: { cols: sql`null::text as channel_kind, null::text as channel_id, staff_id`, by: sql`staff_id`, first: sql`staff_id` },
};

/** `staffIds` null: every row; else the rows whose touch was by one of them. Days are Asia/Shanghai days, both included. */
export async function summary(db: AcquisitionDb, tenantId: string, by: keyof typeof GROUPS, from: string, to: string, staffIds: string[] | null): Promise<SummaryRow[]> {
  const g = GROUPS[by];
  const r = await sql<SummaryRow>`
    select ${g.cols}, grouping(${g.first}) = 1 as total,
      count(*) filter (where k = touches)::int as last_orders, coalesce(sum(paid_fen) filter (where k = touches), 0)::text as last_fen,
      count(*) filter (where k = 1)::int as first_orders, coalesce(sum(paid_fen) filter (where k = 1), 0)::text as first_fen,
      round(sum(1.0 / touches), 4)::text as linear_orders, sum(linear_fen)::text as linear_fen,
      count(*) filter (where k = touches and feedback)::int as feedback_orders, coalesce(sum(paid_fen) filter (where k = touches and feedback), 0)::text as feedback_fen
    from order_attributions
    where tenant_id = ${tenantId}
      and placed_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
      and placed_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
      ${staffIds ? sql`and staff_id = any(${staffIds}::text[])` : sql``}
    group by grouping sets ((${g.by}), ())
    order by grouping(${g.first}), coalesce(sum(paid_fen) filter (where k = touches), 0) desc, 1 nulls first, 2 nulls first, 3 nulls first`.execute(db);
  return r.rows;
}
