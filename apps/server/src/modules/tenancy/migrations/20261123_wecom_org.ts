import { sql, type Kysely } from 'kysely';

// Departments and staff mirror WeCom's: the department id and member userid are the join keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table departments add column wecom_dept_id bigint`.execute(db);
  await sql`create unique index departments_wecom on departments (tenant_id, wecom_dept_id) where wecom_dept_id is not null`.execute(db);
  await sql`create unique index staff_wecom on staff (tenant_id, wecom_userid) where wecom_userid is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index staff_wecom`.execute(db);
  await sql`drop index departments_wecom`.execute(db);
  await sql`alter table departments drop column wecom_dept_id`.execute(db);
}
