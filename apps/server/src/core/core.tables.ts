import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OutboxEventsTable = {
  tenant_id: string;
  id: Generated<number>;
  tx_id: Generated<string>; // xid8 of the writing transaction: consumers wait for it to finish
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  actor_id: string | null;
  occurred_at: Timestamp;
};

export type ConsumerCheckpointsTable = {
  consumer: string;
  /** The position read up to, in (tx_id, id) order: the last event's transaction and id. */
  last_tx: ColumnType<string, string | undefined, string>;
  last_id: number;
  updated_at: Timestamp;
};

export type AuditLogTable = {
  tenant_id: string;
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
  ip: string | null;
  at: Timestamp;
};

export type CoreTables = {
  outbox_events: OutboxEventsTable;
  consumer_checkpoints: ConsumerCheckpointsTable;
  audit_log: AuditLogTable;
};
