// Rule 3 of the architecture, checked on the live schema: every table carries tenant_id first in
// its primary key and in every unique index. The few infrastructure tables are named here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { withTestDeps } from './helpers/db.ts';
import type { Deps } from '../src/deps.ts';

let deps: Deps;
let close: () => Promise<void>;
before(async () => ({ deps, close } = await withTestDeps()));
after(async () => close?.());

// Not tenant data: migration bookkeeping, consumer checkpoints (one per consumer), and the tenant
// registry itself (keyed by tenant_id; its slug is global because people log in with it), and
// rate-limit counters (keyed by hashes of secrets such as H5 link tokens, which name their tenant),
// and the job workers' heartbeats (one per worker of any process, like graphile-worker's own tables).
const EXEMPT = new Set(['siyu_migrations', 'siyu_migrations_lock', 'consumer_checkpoints', 'tenants', 'rate_limits', 'worker_heartbeats']);

test('every public table has tenant_id leading its primary key and unique indexes', async () => {
  const rows = await sql<{ table: string; index: string; primary: boolean; first_col: string | null }>`
    select t.relname as "table", i.relname as "index", ix.indisprimary as primary,
           (select a.attname from pg_attribute a where a.attrelid = t.oid and a.attnum = ix.indkey[0]) as first_col
    from pg_index ix
    join pg_class t on t.oid = ix.indrelid
    join pg_class i on i.oid = ix.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and (ix.indisunique or ix.indisprimary)`.execute(deps.db);
  const tables = await sql<{ table: string; has_pk: boolean; has_tenant: boolean }>`
    select c.relname as "table",
      exists (select 1 from pg_index x where x.indrelid = c.oid and x.indisprimary) as has_pk,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'`.execute(deps.db);
  assert.ok(tables.rows.length >= 10, 'the schema was read');
  const problems: string[] = [];
  for (const t of tables.rows) {
    if (EXEMPT.has(t.table)) continue;
    if (!t.has_tenant) problems.push(`${t.table}: no tenant_id column`);
    if (!t.has_pk) problems.push(`${t.table}: no primary key`);
  }
  for (const r of rows.rows) {
    if (EXEMPT.has(r.table)) continue;
    if (r.first_col !== 'tenant_id') problems.push(`${r.table}.${r.index}: leads with ${r.first_col ?? 'an expression'}`);
  }
  assert.deepEqual(problems, []);
});
