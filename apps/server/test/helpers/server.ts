// The whole server, started in-process on a fresh database, spoken to over real HTTP.
import { startServer, type Running } from '../../src/main.ts';
import { createTestDatabase, testConfig } from './db.ts';
import type { Config } from '../../src/config.ts';
import { createLogger } from '../../src/core/index.ts';

export type TestServer = Running & {
  login: (account: string, password: string) => Promise<Client>;
  close: () => Promise<void>;
};

export type Reply<T = any> = { status: number; body: T; headers: Headers };
export type Client = {
  cookie: string;
  get: <T = any>(path: string) => Promise<Reply<T>>;
  post: <T = any>(path: string, body?: unknown) => Promise<Reply<T>>;
  patch: <T = any>(path: string, body?: unknown) => Promise<Reply<T>>;
  put: <T = any>(path: string, body?: unknown) => Promise<Reply<T>>;
  del: <T = any>(path: string) => Promise<Reply<T>>;
};

export function client(base: string, auth: { cookie?: string; bearer?: string } = {}): Client {
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    cookie: auth.cookie ?? '',
    get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}), patch: (p, b) => call('PATCH', p, b ?? {}), put: (p, b) => call('PUT', p, b ?? {}), del: (p) => call('DELETE', p),
  };
}

export async function startTestServer(opts: { consoleDir?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const tdb = await createTestDatabase();
  const running = await startServer(testConfig(tdb.url, { workerConcurrency: 1, ...opts.config }), { consoleDir: opts.consoleDir, log: createLogger('warn') });
  return {
    ...running,
    login: async (account, password) => {
      const res = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });
      if (res.status !== 200) throw new Error(`login ${account} failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      return client(running.url, { cookie });
    },
    close: async () => {
      await running.stop();
      await tdb.drop();
    },
  };
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 10_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
