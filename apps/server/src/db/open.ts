// Which PostgreSQL Siyu uses: DATABASE_URL as given, else the embedded cluster's `siyu` database.
import { ensureDatabase } from './connect.ts';
import { startEmbeddedPostgres, type EmbeddedPg } from './embedded.ts';

export type OpenDatabase = { url: string; embedded: EmbeddedPg | null };

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; embeddedPgPort: number }, log: (message: string) => void): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    await ensureDatabase(opts.databaseUrl);
    return { url: opts.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.embeddedPgPort, log });
  const url = embedded.url.replace(/\/postgres$/, '/siyu');
  await ensureDatabase(url);
  return { url, embedded };
}
