import type { ColumnType } from 'kysely';

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

export type TimelineEntriesTable = {
  tenant_id: string;
  id: string;
  customer_id: string;
  event_id: number; // the outbox event it came from: unique, so replaying an event adds nothing
  kind: string;
  title: string;
  detail: Json;
  occurred_at: Timestamp;
};

export type CustomerMergesTable = {
  tenant_id: string; id: string; keep_id: string; merged_id: string; reason: string;
  moved: ColumnType<Record<string, unknown>, string, string>; // what each module moved, so undo can move exactly that back
  by_staff_id: string | null; created_at: Timestamp; undone_at: Date | null;
};

export type CustomersTables = {
  customer_merges: CustomerMergesTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  customer_owners: CustomerOwnersTable;
  timeline_entries: TimelineEntriesTable;
};
