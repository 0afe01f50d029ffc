// Tables of the acquisition module's call-lists part: call lists (电话回访) and their call tasks.
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type CallListStaff = { staffId: string; weight: number };
export type CallListSkipped = { friends: number; inOtherList: number; noPhone: number };

export type CallListsTable = {
  tenant_id: string; id: string; name: string; shop_ids: string[];
  order_from: string; order_to: string; statuses: string[]; // the order filter, as chosen
  script: string; assign_mode: 'round_robin' | 'weight'; staff: Json<CallListStaff[]>;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  skipped: Json<CallListSkipped>; created_by: string | null; created_at: Timestamp;
};

/** The order a task is about: the buyer's latest order matching the list's filter. */
export type CallTaskOrder = { orderNo: string; titles: string; createdAt: string | null; paidFen: number | null; shopId: string; orders: number };

export type CallTasksTable = {
  tenant_id: string; id: string; list_id: string; customer_id: string; staff_id: string; seq: number;
  customer_name: string;
  /** The number to call, sealed (core/pii.ts), copied from the customer (or the order) when the list was built. */
  phone_enc: string; phone_masked: string;
  order_summary: Json<CallTaskOrder>;
  status: ColumnType<'pending' | 'callback' | 'done', 'pending' | 'callback' | 'done' | undefined, 'pending' | 'callback' | 'done'>;
  outcome: 'reached' | 'added' | 'refused' | 'wrong_number' | 'callback' | null;
  note: string | null; callback_at: Date | null; outcome_at: Date | null; outcome_by: string | null;
  attempts: ColumnType<number, number | undefined, number>; reveals: ColumnType<number, number | undefined, number>;
  /** The first WeCom friendship of the customer seen after the task was made (from wecom.friend_added). */
  friend_at: Date | null; friend_staff_id: string | null; friend_userid: string | null;
  /** Set when the outcome is "added" and the friend has arrived, in either order. */
  linked_at: Date | null;
  /** The customer this task was about before a merge moved it (a binding merges the buyer into the friend); undo moves it back. */
  merged_from: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
};

export type CallListsTables = { call_lists: CallListsTable; call_tasks: CallTasksTable };
