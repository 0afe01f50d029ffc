import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tag_groups (
      tenant_id text not null, id text not null, name text not null,
      source text not null default 'manual' check (source in ('manual','rule','wecom')),
      sort_order int not null default 0, wecom_group_id text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index tag_groups_name on tag_groups (tenant_id, name)`.execute(db);
  await sql`
    create table tags (
      tenant_id text not null, id text not null, group_id text not null, name text not null, color text,
      source text not null default 'manual' check (source in ('manual','rule','wecom')),
      sort_order int not null default 0, wecom_tag_id text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`create unique index tags_group_name on tags (tenant_id, group_id, name)`.execute(db);
  await sql`
    create table customer_tags (
      tenant_id text not null, customer_id text not null, tag_id text not null,
      source text not null default 'manual', assigned_by text, reason text,
      assigned_at timestamptz not null default now(),
      primary key (tenant_id, customer_id, tag_id)
    )`.execute(db);
  await sql`create index customer_tags_tag on customer_tags (tenant_id, tag_id, customer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table customer_tags, tags, tag_groups`.execute(db);
}
