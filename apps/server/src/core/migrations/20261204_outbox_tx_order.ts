// Consumers read the outbox in (tx_id, id) order, not id order: an event whose transaction took
// its id (xid) earlier but inserted its row later than another committed transaction's row would
// otherwise sit below a checkpoint that had already moved past it — and never be read. Every row
// with tx_id below the oldest running transaction is final, and every future row's tx_id is
// above it, so this order only ever grows at its end.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consumer_checkpoints add column last_tx xid8 not null default '0'`.execute(db);
  // Checkpoints written in id order become positions in (tx_id, id) order. With unread events,
  // the position goes just before the oldest transaction among them: some events already read
  // (of that transaction or younger ones) are read again — consumers are idempotent — none is lost.
  await sql`
    update consumer_checkpoints c set
      last_tx = coalesce((select min(o.tx_id) from outbox_events o where o.id > c.last_id), (select max(o.tx_id) from outbox_events o), '0'),
      last_id = case when exists (select 1 from outbox_events o where o.id > c.last_id) then 0 else c.last_id end`.execute(db);
  await sql`create index outbox_events_tx on outbox_events (tx_id, id)`.execute(db);
  await sql`drop index if exists outbox_events_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists outbox_events_id on outbox_events (id)`.execute(db);
  await sql`drop index if exists outbox_events_tx`.execute(db);
  await sql`alter table consumer_checkpoints drop column last_tx`.execute(db);
}
