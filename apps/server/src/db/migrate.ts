// Migrations live with their modules; the composition root hands this runner their union. It
// orders them by name (a date prefix keeps the global order) and applies them with Kysely's
// Migrator, which takes a lock so several Siyu processes starting at once migrate only once.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';

export type Migrations = Record<string, Migration>;

export async function migrateToLatest(db: Db, migrations: Migrations): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db, provider, migrationTableName: 'siyu_migrations', migrationLockTableName: 'siyu_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
