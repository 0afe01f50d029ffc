import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export type GenderName = 'male' | 'female' | 'unknown';

export type CustomersTable = {
  tenant_id: string;
  id: string; // UUIDv7 of the creation time: `order by id desc` is newest first, keyset-pageable
  name: string;
  nickname: string | null;
  avatar_url: string | null;
  gender: GenderName;
  phone_enc: string | null; // AES-GCM sealed, see core/pii.ts
  phone_hash: string | null; // HMAC, for matching
  phone_masked: string | null; // 138****0000, the only form views show
  birthday: string | null;
  province: string | null;
  city: string | null;
  source: string | null;
  remark: string | null;
  profile: Json;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  search_grams: string[]; // 1- and 2-character grams of name/nickname + "p:<last4>": CJK search on a GIN index
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CustomerIdentitiesTable = {
  tenant_id: string;
  kind: string;
  scope: string; // '' when the id is unique in the whole tenant (unionid); the shop or corp id otherwise
  value: string;
  customer_id: string;
  created_at: Timestamp;
};

export type CustomerOwnersTable = {
  tenant_id: string;
  customer_id: string;
  staff_id: string;
  since: Timestamp;
};

/** Keyed (tenant_id, customer_id, event_id): read per customer; a replayed event adds nothing. */
export type TimelineEntriesTable = {
  tenant_id: string;
  customer_id: string;
  event_id: number; // the outbox event it came from (one entry per event)
  kind: string;
  title: string;
  /** The event's references (ids, order number, channel state, changed fields); null when it has none. */
  detail: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  occurred_at: Timestamp;
};

export type CustomerMergesTable = {
  tenant_id: string; id: string; keep_id: string; merged_id: string; reason: string;
  moved: ColumnType<Record<string, unknown>, string, string>; // what each module moved, so undo can move exactly that back
  by_staff_id: string | null; created_at: Timestamp; undone_at: Date | null;
};

/** Customers per staff member, kept as owners change (staff-counts.repo.ts). */
export type StaffCustomerCountsTable = { tenant_id: string; staff_id: string; customers: ColumnType<number, number | undefined, number> };

export type CustomersTables = {
  customer_merges: CustomerMergesTable;
  staff_customer_counts: StaffCustomerCountsTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  customer_owners: CustomerOwnersTable;
  timeline_entries: TimelineEntriesTable;
};

/** What this module's repos query: its own tables and nothing else. */
export type CustomersDb = Kysely<CustomersTables>;
/** This module's view of the process's handle or of a flow's transaction. */
export const customersDb = (db: Db | Tx): CustomersDb => viewOf<CustomersTables>(db);
