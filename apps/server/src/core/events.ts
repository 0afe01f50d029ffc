// Domain events go to the outbox in the SAME transaction as the change they describe, so an
// event exists exactly when its change committed. Consumers (consumers.ts) read them later.
import { sql } from 'kysely';
import { viewOf, type Db, type Tx } from '../db/connect.ts';
import type { CoreTables } from './core.tables.ts';

export type DomainEvent = {
  type: string; // 'customer.created', 'tag.assigned', …
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  occurredAt?: Date;
};

export type StoredEvent = {
  tenantId: string;
  id: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  occurredAt: Date;
};

export async function emit(db: Db | Tx, tenantId: string, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (events.length > 20) {
    // Many at once (an import chunk, a seeded batch): arrays instead of a VALUES list — fewer
    // parameters, less parsing. Ids follow the list's order (WITH ORDINALITY … ORDER BY), so each
    // aggregate's events are consumed in the order given.
    const at = (e: DomainEvent) => (e.occurredAt ?? new Date()).toISOString();
    await sql`insert into outbox_events (tenant_id, type, aggregate_type, aggregate_id, payload, actor_id, occurred_at)
      select ${tenantId}, u.t, u.a, u.i, u.p::jsonb, u.actor, u.at from unnest(${events.map((e) => e.type)}::text[], ${events.map((e) => e.aggregateType)}::text[],
        ${events.map((e) => e.aggregateId)}::text[], ${events.map((e) => JSON.stringify(e.payload ?? {}))}::text[], ${events.map((e) => e.actorId ?? null)}::text[],
        ${events.map(at)}::timestamptz[]) with ordinality as u(t, a, i, p, actor, at, n) order by u.n`.execute(db);
    return;
  }
  await viewOf<CoreTables>(db)
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({
        tenant_id: tenantId,
        type: e.type,
        aggregate_type: e.aggregateType,
        aggregate_id: e.aggregateId,
        payload: JSON.stringify(e.payload ?? {}),
        actor_id: e.actorId ?? null,
        occurred_at: e.occurredAt ?? new Date(),
      })),
    )
    .execute();
}
