// Order facts for modules that keep their own copy (acquisition's attribution): plain rows, read
// through this door so no other module queries the orders table. There is no event per order (see
// docs/architecture.md), so a reader pages through orders by (updated_at, id) after its last read.
// They take only `db`: an event consumer calls them with its transaction.
import type { Deps } from '../../deps.ts';
import { commerceDb } from './commerce.tables.ts';
import * as repo from './orders-feed.repo.ts';

export type OrderFact = {
  orderId: string;
  customerId: string | null;
  platform: string;
  paidFen: number;
  /** When the order was placed: paid, else created. */
  placedAt: Date | null;
  /** The order's updated_at, exact (microseconds), for the reader's cursor. */
  updatedAt: string;
  /**
   * False when a transaction still running began before this change: `now()` is a transaction's
   * start, so a slow writer's rows may commit later with an earlier (updated_at, id). A reader
   * keeps its cursor before the first unsettled row and reads it again next time.
   */
  settled: boolean;
};

const toFact = (r: repo.FeedRow): OrderFact => ({
  orderId: r.id, customerId: r.customer_id, platform: r.platform, paidFen: Number(r.paid_fen ?? 0), placedAt: r.placed_at, updatedAt: r.updated_at, settled: r.settled,
});

/** Orders changed after the cursor (updated_at, id), oldest first, at most `limit`. */
export async function ordersForAttribution(deps: Pick<Deps, 'db'>, tenantId: string, after: { at: string; id: string } | null, limit: number): Promise<OrderFact[]> {
  return (await repo.ordersChangedAfter(commerceDb(deps.db), tenantId, after, limit)).map(toFact);
}

/** Every order these customers have now (after a merge or a binding moved orders between them). */
export async function customerOrdersForAttribution(deps: Pick<Deps, 'db'>, tenantId: string, customerIds: string[]): Promise<OrderFact[]> {
  if (customerIds.length === 0) return [];
  return (await repo.ordersOfCustomers(commerceDb(deps.db), tenantId, customerIds)).map(toFact);
}
