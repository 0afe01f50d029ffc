// Shared by the tests: a simulator with one corp, a WeCom-style HTTP caller, and a callback
// receiver that verifies and decrypts with packages/wecom exactly as Siyu will.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptMessage, encryptedFieldOf, verifyUrl } from '@siyu/wecom';
import { startSimulator } from './server.ts';
import type { RunningSimulator, StartOptions } from './server.ts';

export const CORP = 'wwsimtest0001';
export const SECRET = 'app-secret-1';
export const AGENT = 1000002;
export const TOKEN = 'cbToken123';
export const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export type Sim = RunningSimulator & { api: WecomCaller };

export async function startTestSim(opts: StartOptions = {}, members = ['zhangsan', 'lisi']): Promise<Sim> {
  const sim = await startSimulator({ callbackTimeoutMs: 300, ...opts });
  await sim.control.createCorp({ corpid: CORP, name: '测试品牌', apps: [{ agentid: AGENT, secret: SECRET }, { agentid: 1000003, secret: 'app-secret-2' }] });
  for (const userid of members) await sim.control.addMember(CORP, { userid, name: userid, department: [1] });
  return Object.assign(sim, { api: wecomCaller(sim.url) });
}

export type WecomCaller = {
  token(secret?: string): Promise<string>;
  get(path: string, query?: Record<string, string | number>): Promise<Record<string, any>>;
  post(path: string, body: unknown, query?: Record<string, string | number>): Promise<Record<string, any>>;
};

export function wecomCaller(base: string): WecomCaller {
  let cached: string | undefined;
  async function token(secret = SECRET) {
    if (secret === SECRET && cached) return cached;
    const r = (await (await fetch(`${base}/cgi-bin/gettoken?corpid=${CORP}&corpsecret=${secret}`)).json()) as Record<string, any>;
    if (r.errcode !== 0) throw new Error(`gettoken: ${JSON.stringify(r)}`);
    if (secret === SECRET) cached = r.access_token;
    return r.access_token as string;
  }
  const url = async (path: string, query: Record<string, string | number>) => {
    const q = new URLSearchParams({ access_token: await token(), ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
    return `${base}${path}?${q}`;
  };
  // Like a real client: on an expired or invalidated token, fetch a new one and retry once.
  async function send(make: () => Promise<Response>) {
    let r = (await (await make()).json()) as Record<string, any>;
    if (r.errcode === 42001 || r.errcode === 40014) {
      cached = undefined;
      r = (await (await make()).json()) as Record<string, any>;
    }
    return r;
  }
  return {
    token,
    get: (path, query = {}) => send(async () => fetch(await url(path, query))),
    post: (path, body, query = {}) =>
      send(async () => fetch(await url(path, query), { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })),
  };
}

export type Received = { xml: string; query: URLSearchParams; at: number };
export type Receiver = {
  url: string; received: Received[]; posts: number;
  /** decrypted plaintext of every POST, answered or not */
  attempts: string[];
  /** the next n POSTs get no answer (the simulator times out) */
  hang(n: number): void;
  close(): Promise<void>;
};

export async function startReceiver(opts: { token?: string; key?: string; corpid?: string } = {}): Promise<Receiver> {
  const cfg = { token: opts.token ?? TOKEN, encodingAESKey: opts.key ?? AES_KEY, receiveId: opts.corpid ?? CORP };
  const received: Received[] = [];
  const attempts: string[] = [];
  let hangs = 0;
  const state = { posts: 0 };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const p = { msgSignature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '' };
    if (req.method === 'GET') {
      try {
        res.end(verifyUrl(cfg, { ...p, echostr: q.get('echostr') ?? '' }));
      } catch {
        res.statusCode = 403;
        res.end('bad signature');
      }
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      state.posts++;
      try {
        attempts.push(decryptMessage(cfg, p, encryptedFieldOf(body) ?? ''));
      } catch {
        attempts.push('(undecryptable)');
      }
      if (hangs > 0) {
        hangs--;
        hanging.add(res);
        return; // never answer
      }
      try {
        received.push({ xml: decryptMessage(cfg, p, encryptedFieldOf(body) ?? ''), query: q, at: Date.now() });
        res.end('success');
      } catch {
        res.statusCode = 400;
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/wecom/callback`, received, attempts,
    get posts() {
      return state.posts;
    },
    hang(n) {
      hangs = n;
    },
    async close() {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Reads <Tag> of an event XML (CDATA or bare). */
export function field(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${tag}>`).exec(xml);
  return m ? (m[1] ?? m[2]) : undefined;
}

export async function withCallback(sim: Sim): Promise<Receiver> {
  const r = await startReceiver();
  await sim.control.setCallback(CORP, { url: r.url, token: TOKEN, encoding_aes_key: AES_KEY });
  return r;
}
