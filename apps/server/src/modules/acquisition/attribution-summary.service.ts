// The attribution summaries as the dashboard reads them: rows per group with names where this
// module can know them (staff; a WeCom contact way's name for a bare state), and the total.
import type { AttributionQuery, AttributionRow, AttributionSummary } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { invalid } from '../../core/index.ts';
import { dataScope, staffNames, type Actor } from '../tenancy/index.ts';
import { stateNames } from '../channel/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import { windowDays } from './attribution.repo.ts';
import * as repo from './attribution-summary.repo.ts';

const figures = (r: repo.SummaryRow) => ({
  orders: { last: r.last_orders, first: r.first_orders, linear: Number(r.linear_orders) },
  gmvFen: { last: Number(r.last_fen), first: Number(r.first_fen), linear: Number(r.linear_fen) },
  feedback: { orders: r.feedback_orders, gmvFen: Number(r.feedback_fen) },
});

export async function attributionSummary(deps: Deps, actor: Actor, q: AttributionQuery): Promise<AttributionSummary> {
  const by = q.by ?? 'channel';
  if (q.from > q.to) throw invalid('开始日期不能晚于结束日期');
  const scope = await dataScope(deps, actor);
  const db = acquisitionDb(deps.db);
  const all = await repo.summary(db, actor.tenantId, by, q.from, q.to, scope.kind === 'all' ? null : scope.staffIds);
  const rows = all.filter((r) => !r.total);
  const total = all.find((r) => r.total);
  const staff = by === 'staff' ? await staffNames(deps, actor.tenantId) : new Map<string, string>();
  const states = by === 'channel'
    ? await stateNames(deps, actor.tenantId, rows.flatMap((r) => (r.channel_kind === 'contact_state' && r.channel_id ? [r.channel_id] : [])))
    : new Map<string, string>();
  const out: AttributionRow[] = rows.map((r) => ({
    channelKind: r.channel_kind, channelId: r.channel_id, staffId: r.staff_id,
    name: r.staff_id ? staff.get(r.staff_id) ?? null : r.channel_id ? states.get(r.channel_id) ?? null : null,
    ...figures(r),
  }));
  const none = { orders: { last: 0, first: 0, linear: 0 }, gmvFen: { last: 0, first: 0, linear: 0 }, feedback: { orders: 0, gmvFen: 0 } };
  return { by, windowDays: await windowDays(db, actor.tenantId), rows: out, total: total ? figures(total) : none };
}
