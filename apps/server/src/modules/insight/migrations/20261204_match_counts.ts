import { sql, type Kysely } from 'kysely';

// The match rate (buyers who are WeCom friends, per shop and in all) kept as events arrive instead
// of joining every order with the WeCom relations per request (1.2 s at the 50k demo). Runs after
// commerce's shop_buyers migration (its key sorts later) and starts from the data there is; its
// consumer then starts after the last event there is, whose changes the counts already hold.
// Migrations run before any consumer or worker of this version starts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table insight_buyers (
      tenant_id text not null, customer_id text not null, shop_ids text[] not null, friend boolean not null,
      primary key (tenant_id, customer_id)
    )`.execute(db);
  await sql`
    create table insight_match_counts (
      tenant_id text not null, shop_id text not null, buyers integer not null default 0, friends integer not null default 0,
      primary key (tenant_id, shop_id)
    )`.execute(db);
  await sql`
    insert into insight_buyers (tenant_id, customer_id, shop_ids, friend)
    select b.tenant_id, b.customer_id, array_agg(b.shop_id order by b.shop_id),
      exists (select 1 from wecom_relations w where w.tenant_id = b.tenant_id and w.customer_id = b.customer_id and w.status = 'active')
    from shop_buyers b group by b.tenant_id, b.customer_id`.execute(db);
  await sql`
    insert into insight_match_counts (tenant_id, shop_id, buyers, friends)
    select b.tenant_id, s.shop_id, count(*), count(*) filter (where b.friend)
    from insight_buyers b cross join lateral unnest(b.shop_ids || array['*']) as s(shop_id)
    group by b.tenant_id, s.shop_id`.execute(db);
  await sql`
    insert into consumer_checkpoints (consumer, last_id)
    select 'insight.match-counts', coalesce(max(id), 0) from outbox_events
    on conflict (consumer) do update set last_id = excluded.last_id, updated_at = now()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table insight_match_counts, insight_buyers`.execute(db);
  await sql`delete from consumer_checkpoints where consumer = 'insight.match-counts'`.execute(db);
}
