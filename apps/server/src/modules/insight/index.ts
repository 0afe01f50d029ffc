// insight: read-only numbers across modules (the one module allowed to join their tables), kept in
// its own tables as events arrive.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261204_match_counts.ts';

export { insightRoutes, matchRate, friendsByShop, countedMatchRate } from './match-rate.ts';
export { matchCountsConsumer, recountCustomers } from './match-counts.consumer.ts';
export type { InsightTables } from './insight.tables.ts';

export const insightMigrations: Record<string, Migration> = { '20261204_160_insight_match_counts': m1 };
