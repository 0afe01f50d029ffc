import { sql, type Kysely } from 'kysely';

// Call lists (电话回访) and their tasks: one task per buyer per list, assigned to one staff member.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table call_lists (
      tenant_id text not null, id text not null, name text not null, shop_ids text[] not null,
      order_from date not null, order_to date not null, statuses text[] not null,
      script text not null default '', assign_mode text not null check (assign_mode in ('round_robin','weight')),
      staff jsonb not null, status text not null default 'open' check (status in ('open','closed')),
      skipped jsonb not null default '{}', created_by text, created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await sql`
    create table call_tasks (
      tenant_id text not null, id text not null, list_id text not null, customer_id text not null, staff_id text not null,
      seq integer not null, customer_name text not null, phone_enc text not null, phone_masked text not null,
      order_summary jsonb not null,
      status text not null default 'pending' check (status in ('pending','callback','done')),
      outcome text check (outcome in ('reached','added','refused','wrong_number','callback')),
      note text, callback_at timestamptz, outcome_at timestamptz, outcome_by text,
      attempts integer not null default 0, reveals integer not null default 0,
      friend_at timestamptz, friend_staff_id text, friend_userid text, linked_at timestamptz,
      merged_from text, -- the customer the task was about before a merge moved it here (undo moves it back)
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  // One task per buyer per list; a list's tasks in their assignment order.
  await sql`create unique index call_tasks_list_customer on call_tasks (tenant_id, list_id, customer_id)`.execute(db);
  await sql`create index call_tasks_list on call_tasks (tenant_id, list_id, seq)`.execute(db);
  // A staff member's queue: pending first, then call-backs by their time.
  await sql`create index call_tasks_staff on call_tasks (tenant_id, staff_id, status, callback_at)`.execute(db);
  // The friend_added consumer and the "already in an open list" check look tasks up by customer.
  await sql`create index call_tasks_customer on call_tasks (tenant_id, customer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table call_tasks`.execute(db);
  await sql`drop table call_lists`.execute(db);
}
