// Bulk-loads a generated batch: one INSERT … SELECT FROM unnest(arrays) per table, all in one
// transaction per batch. One bind parameter per column (not per value) keeps the statements
// small to plan and free of the 65,535-parameter limit; this is the fast path without COPY.
import { sql, type Transaction } from 'kysely';
import type { Deps } from '../deps.ts';
import type { Database } from '../db/schema.ts';
import { GRAM_SEPARATOR, type CustomerBatch } from './customer-gen.ts';

async function insertCustomers(trx: Transaction<Database>, tenantId: string, b: CustomerBatch) {
  const c = b.c;
  await sql`
    insert into customers (tenant_id, id, name, nickname, gender, phone_enc, phone_hash, phone_masked, birthday,
      province, city, source, remark, profile, search_grams, created_at, updated_at)
    select ${tenantId}, u.id, u.name, u.nickname, u.gender, u.phone_enc, u.phone_hash, u.phone_masked, u.birthday::date,
      u.province, u.city, u.source, u.remark, u.profile::jsonb, string_to_array(u.grams, ${GRAM_SEPARATOR}), u.created_at, u.created_at
    from unnest(${c.id}::text[], ${c.name}::text[], ${c.nickname}::text[], ${c.gender}::text[], ${c.phoneEnc}::text[],
      ${c.phoneHash}::text[], ${c.phoneMasked}::text[], ${c.birthday}::text[], ${c.province}::text[], ${c.city}::text[],
      ${c.source}::text[], ${c.remark}::text[], ${c.profile}::text[], ${c.grams}::text[], ${c.createdAt}::timestamptz[])
      as u(id, name, nickname, gender, phone_enc, phone_hash, phone_masked, birthday, province, city, source, remark, profile, grams, created_at)
  `.execute(trx);
}

async function insertRest(trx: Transaction<Database>, tenantId: string, b: CustomerBatch) {
  const { ident, owner, tag } = b;
  if (ident.kind.length) {
    await sql`
      insert into customer_identities (tenant_id, kind, scope, value, customer_id, created_at)
      select ${tenantId}, u.kind, u.scope, u.value, u.customer_id, u.created_at
      from unnest(${ident.kind}::text[], ${ident.scope}::text[], ${ident.value}::text[], ${ident.customerId}::text[], ${ident.createdAt}::timestamptz[])
        as u(kind, scope, value, customer_id, created_at)
      order by u.kind, u.scope, u.value -- random keys: sorted, each batch touches index pages once
    `.execute(trx);
  }
  await sql`
    insert into customer_owners (tenant_id, customer_id, staff_id, since)
    select ${tenantId}, u.customer_id, u.staff_id, u.since
    from unnest(${owner.customerId}::text[], ${owner.staffId}::text[], ${owner.since}::timestamptz[]) as u(customer_id, staff_id, since)
  `.execute(trx);
  if (tag.customerId.length) {
    await sql`
      insert into customer_tags (tenant_id, customer_id, tag_id, source, assigned_by, reason, assigned_at)
      select ${tenantId}, u.customer_id, u.tag_id, 'manual', u.assigned_by, '演示数据', u.assigned_at
      from unnest(${tag.customerId}::text[], ${tag.tagId}::text[], ${tag.assignedBy}::text[], ${tag.assignedAt}::timestamptz[])
        as u(customer_id, tag_id, assigned_by, assigned_at)
    `.execute(trx);
  }
}

// Outbox ids follow insertion order (WITH ORDINALITY … ORDER BY), so each customer's events
// keep their order; tx_id takes its default, as for every other writer of the outbox.
async function insertEvents(trx: Transaction<Database>, tenantId: string, b: CustomerBatch) {
  const ev = b.ev;
  if (ev.type.length === 0) return;
  await sql`
    insert into outbox_events (tenant_id, type, aggregate_type, aggregate_id, payload, actor_id, occurred_at)
    select ${tenantId}, u.type, 'customer', u.aggregate_id, u.payload::jsonb, u.actor_id, u.occurred_at
    from unnest(${ev.type}::text[], ${ev.aggregateId}::text[], ${ev.payload}::text[], ${ev.actorId}::text[], ${ev.occurredAt}::timestamptz[])
      with ordinality as u(type, aggregate_id, payload, actor_id, occurred_at, n)
    order by u.n
  `.execute(trx);
}

export async function loadBatch(deps: Deps, tenantId: string, b: CustomerBatch): Promise<void> {
  if (b.size === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    // A larger GIN pending list merges search grams in fewer, bigger passes (the seeder flushes
    // it with VACUUM at the end); more work_mem for the sorts. Both last only for this transaction.
    await sql`select set_config('gin_pending_list_limit', '32MB', true), set_config('work_mem', '64MB', true)`.execute(trx);
    await insertCustomers(trx, tenantId, b);
    await insertRest(trx, tenantId, b);
    await insertEvents(trx, tenantId, b);
  });
}
