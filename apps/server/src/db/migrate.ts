// Migrations live with their modules; this runner merges them by name (a date prefix keeps the
// global order) and applies them with Kysely's Migrator, which takes a lock so several Siyu
// processes starting at once migrate only once.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';
import { coreMigrations } from '../core/index.ts';
import { tenancyMigrations } from '../modules/tenancy/index.ts';
import { customersMigrations } from '../modules/customers/index.ts';
import { taggingMigrations } from '../modules/tagging/index.ts';
import { channelMigrations } from '../modules/channel/index.ts';
import { commerceMigrations } from '../modules/commerce/index.ts';

const all: Record<string, Migration> = {
  ...coreMigrations,
  ...tenancyMigrations,
  ...customersMigrations,
  ...taggingMigrations,
  ...channelMigrations,
  ...commerceMigrations,
};

const provider: MigrationProvider = { getMigrations: async () => all };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'siyu_migrations', migrationLockTableName: 'siyu_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
