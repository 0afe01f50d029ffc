import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { ColumnType, Generated, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type WecomConnectionsTable = {
  tenant_id: string; corp_id: string; agent_id: number | null; base_url: string;
  secret_enc: string | null; callback_token_enc: string | null; aes_key_enc: string | null;
  status: 'untested' | 'connected' | 'error'; last_tested_at: Date | null; last_error: string | null;
  created_at: Timestamp; updated_at: Timestamp;
};

export type CallbackRowStatus = 'pending' | 'processed' | 'failed' | 'ignored';
export type WecomCallbacksTable = {
  tenant_id: string; id: Generated<number>; dedupe_key: string; received_at: Timestamp;
  event: string; change_type: string | null; payload: string;
  status: ColumnType<CallbackRowStatus, CallbackRowStatus | undefined, CallbackRowStatus>;
  attempts: ColumnType<number, number | undefined, number>; error: string | null; processed_at: Date | null;
};

export type WecomContactsTable = {
  tenant_id: string; external_userid: string; customer_id: string; name: string; avatar: string | null;
  type: number | null; gender: number | null; corp_name: string | null; has_unionid: boolean; updated_at: Timestamp;
};

export type RelationRowStatus = 'active' | 'deleted_by_staff' | 'deleted_by_customer' | 'transferring';
export type WecomRelationsTable = {
  tenant_id: string; external_userid: string; userid: string; customer_id: string; staff_id: string | null;
  added_at: Timestamp; add_way: number; state: string | null; oper_userid: string | null;
  remark: string | null; description: string | null; tag_ids: string[];
  status: RelationRowStatus; ended_at: Date | null; seen_run_id: string | null; updated_at: Timestamp;
};

export type WecomGroupsTable = {
  tenant_id: string; chat_id: string; name: string; owner_userid: string; notice: string | null;
  status: 'active' | 'dismissed'; created_at: Timestamp; member_version: string | null; admin_userids: string[];
  member_count: number; customer_count: number; seen_run_id: string | null; updated_at: Timestamp;
};

export type WecomGroupMembersTable = {
  tenant_id: string; chat_id: string; member_id: string; type: number; customer_id: string | null; name: string | null;
  join_time: Timestamp; join_scene: number | null; invitor: string | null; state: string | null;
  left_at: Date | null; quit_scene: number | null;
};

export type WecomSyncRunsTable = {
  tenant_id: string; id: string; kind: 'full' | 'incremental'; status: 'queued' | 'running' | 'done' | 'failed';
  phase: string | null; checkpoint: Json<Record<string, unknown>>; progress: Json<Record<string, unknown>>; stats: Json<Record<string, number>>;
  error: string | null; requested_by: string | null;
  created_at: Timestamp; started_at: Date | null; finished_at: Date | null;
};

export type WecomContactWaysTable = {
  tenant_id: string; config_id: string; state: string; remark: string; name: string; type: number; scene: number;
  userids: string[]; is_temp: boolean; deleted_at: Date | null; seen_run_id: string | null; updated_at: Timestamp;
};
export type WecomContactWayListingTable = { tenant_id: string; listed_until: Date; updated_at: Timestamp };
export type WecomUnknownStatesTable = { tenant_id: string; state: string; looked_up_at: Timestamp };

export type ChannelTables = {
  wecom_connections: WecomConnectionsTable; wecom_callbacks: WecomCallbacksTable; wecom_contacts: WecomContactsTable;
  wecom_relations: WecomRelationsTable; wecom_groups: WecomGroupsTable; wecom_group_members: WecomGroupMembersTable;
  wecom_sync_runs: WecomSyncRunsTable;
  wecom_contact_ways: WecomContactWaysTable; wecom_contact_way_listing: WecomContactWayListingTable; wecom_unknown_states: WecomUnknownStatesTable;
};

/** What this module's repos query: its own tables and nothing else. */
export type ChannelDb = Kysely<ChannelTables>;
/** This module's view of the process's handle or of a flow's transaction. */
export const channelDb = (db: Db | Tx): ChannelDb => viewOf<ChannelTables>(db);
