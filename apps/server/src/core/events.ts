// Domain events go to the outbox in the SAME transaction as the change they describe, so an
// event exists exactly when its change committed. Consumers (consumers.ts) read them later.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

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

export async function emit(trx: Transaction<Database> | Kysely<Database>, tenantId: string, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
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
