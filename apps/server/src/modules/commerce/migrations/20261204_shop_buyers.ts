import { sql, type Kysely } from 'kysely';

// Orders and buyers per shop, kept as orders are written instead of counted per request (the
// shops page counted 76k orders per view at the 50k demo, ~0.3 s). shop_buyers holds each
// (shop, customer) pair with its number of orders: a pair inserted is a new buyer of the shop, a
// pair whose count reaches 0 is removed (its orders moved to another customer by a merge).
// shop_counts holds the sums per shop. Both start from the orders there are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table shop_buyers (
      tenant_id text not null, customer_id text not null, shop_id text not null, orders integer not null,
      primary key (tenant_id, customer_id, shop_id)
    )`.execute(db);
  // Keyed by customer first: insight asks which shops a customer bought in; nothing asks a shop's
  // buyers one by one (their number is in shop_counts). One index, new customers at its right edge.
  await sql`
    create table shop_counts (
      tenant_id text not null, shop_id text not null, orders integer not null default 0, buyers integer not null default 0,
      primary key (tenant_id, shop_id)
    )`.execute(db);
  await sql`
    insert into shop_buyers (tenant_id, customer_id, shop_id, orders)
    select tenant_id, customer_id, shop_id, count(*) from orders where customer_id is not null
    group by tenant_id, customer_id, shop_id`.execute(db);
  await sql`
    insert into shop_counts (tenant_id, shop_id, orders, buyers)
    select tenant_id, shop_id, count(*), count(distinct customer_id) from orders group by tenant_id, shop_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table shop_counts, shop_buyers`.execute(db);
}
