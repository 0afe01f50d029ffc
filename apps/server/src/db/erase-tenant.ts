// Erases a tenant from the database without knowing its modules: every table of the public schema
// with a tenant_id column is found in information_schema, so tables of future modules are covered.
import { sql } from 'kysely';
import type { Db } from './connect.ts';

/** Deletes every row of a tenant, the `tenants` row (the root the others hang on) last, in one transaction. */
export async function eraseTenant(db: Db, tenantId: string): Promise<void> {
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  const tables = rows.map((r) => r.table_name).sort((a, b) => Number(a === 'tenants') - Number(b === 'tenants'));
  await db.transaction().execute(async (trx) => {
    for (const table of tables) await sql`delete from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(trx);
  });
}
