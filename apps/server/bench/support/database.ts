// A throwaway database for a benchmark: a fresh `siyu_bench` on the server of DATABASE_URL
// (dropped at the end), or an embedded PostgreSQL in a temp directory on a free port (stopped
// and deleted at the end). The caller passes the URL in: benchmarks read env in one place.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';

/** `dataDir`: the embedded cluster's data directory (its size is a figure of the storage benchmark); undefined on DATABASE_URL. */
export type BenchDatabase = { url: string; where: string; dataDir?: string; cleanup: () => Promise<void> };

const NAME = 'siyu_bench';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function benchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.pathname = `/${NAME}`;
    await withAdmin(databaseUrl, async (c) => {
      await c.query(`drop database if exists ${NAME} with (force)`);
      await c.query(`create database ${NAME}`);
    });
    return {
      url: url.toString(),
      where: `${url.host} (DATABASE_URL), database ${NAME}`,
      cleanup: () => withAdmin(databaseUrl, (c) => c.query(`drop database if exists ${NAME} with (force)`).then(() => undefined)),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  let embedded;
  try {
    embedded = await startEmbeddedPostgres({ dataDir: dir, port });
    await withAdmin(embedded.url, (c) => c.query(`create database ${NAME}`));
  } catch (err) {
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = new URL(embedded.url);
  url.pathname = `/${NAME}`;
  const pgInstance = embedded;
  return {
    url: url.toString(),
    where: `embedded PostgreSQL on port ${port} (${dir})`,
    dataDir: path.join(dir, 'pg'),
    cleanup: async () => {
      await pgInstance.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
