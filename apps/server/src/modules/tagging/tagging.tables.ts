import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type TagSourceName = 'manual' | 'rule' | 'wecom';

export type TagGroupsTable = {
  tenant_id: string; id: string; name: string; source: TagSourceName; sort_order: number;
  wecom_group_id: string | null; created_at: Timestamp;
};

export type TagsTable = {
  tenant_id: string; id: string; group_id: string; name: string; color: string | null; source: TagSourceName;
  sort_order: number; wecom_tag_id: string | null; created_at: Timestamp;
};

export type CustomerTagsTable = {
  tenant_id: string; customer_id: string; tag_id: string; source: TagSourceName;
  assigned_by: string | null; // staff id; null for rules and WeCom sync
  reason: string | null; assigned_at: Timestamp;
};

export type TaggingTables = { tag_groups: TagGroupsTable; tags: TagsTable; customer_tags: CustomerTagsTable };

/** What this module's repos query: its own tables and nothing else. */
export type TaggingDb = Kysely<TaggingTables>;
/** This module's view of the process's handle or of a flow's transaction. */
export const taggingDb = (db: Db | Tx): TaggingDb => viewOf<TaggingTables>(db);
