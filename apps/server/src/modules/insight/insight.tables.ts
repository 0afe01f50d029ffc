import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { Kysely } from 'kysely';
import type { CommerceTables } from '../commerce/index.ts';
import type { ChannelTables } from '../channel/index.ts';

/**
 * What insight last counted of one buyer: the shops they bought in and whether they were a WeCom
 * friend. The match counts are the sums of these rows; a customer's row is recounted whenever an
 * event says their buyers or friendships changed (match-counts.consumer.ts).
 */
export type InsightBuyersTable = { tenant_id: string; customer_id: string; shop_ids: string[]; friend: boolean };
/** Buyers and friend buyers per shop; shop_id '*' is the tenant's distinct buyers over all shops. */
export type InsightMatchCountsTable = { tenant_id: string; shop_id: string; buyers: number; friends: number };

export type InsightTables = { insight_buyers: InsightBuyersTable; insight_match_counts: InsightMatchCountsTable };

/** Insight writes its own tables and reads others' (read-only): buyers per shop, shops, WeCom relations. */
export type InsightDb = Kysely<InsightTables & Pick<CommerceTables, 'shops' | 'shop_buyers' | 'orders'> & Pick<ChannelTables, 'wecom_relations'>>;
export const insightDb = (db: Db | Tx): InsightDb => viewOf<InsightTables & Pick<CommerceTables, 'shops' | 'shop_buyers' | 'orders'> & Pick<ChannelTables, 'wecom_relations'>>(db);
