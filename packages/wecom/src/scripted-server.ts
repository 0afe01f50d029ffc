// Test support (not exported): a real node:http server that plays scripted WeCom answers, so the
// client's tests go over real HTTP — sockets, query strings, JSON and multipart bodies included.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SeenRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: any; // the parsed JSON body, or undefined
  at: number; // Date.now() when the request arrived
};

/** What a script returns: a JSON answer, a raw one, a socket cut, or an answer after a delay. */
export type Answer =
  | Record<string, unknown>
  | { $status: number; $body?: string }
  | { $destroy: true }
  | { $delayMs: number; then: Answer };

export type Script = (req: SeenRequest, nth: number /* 1-based count of requests to this path */) => Answer | Promise<Answer>;

export type ScriptedServer = {
  url: string;
  seen: SeenRequest[];
  count(path: string): number;
  requests(path: string): SeenRequest[];
  close(): Promise<void>;
};

export async function startScripted(script: Script): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const perPath = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    let json: unknown;
    if ((req.headers['content-type'] ?? '').includes('json')) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
    }
    const seenReq: SeenRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, json, at: Date.now() };
    seen.push(seenReq);
    const nth = (perPath.get(url.pathname) ?? 0) + 1;
    perPath.set(url.pathname, nth);
    let answer = await script(seenReq, nth);
    while ('$delayMs' in answer) {
      const { $delayMs, then } = answer as { $delayMs: number; then: Answer };
      await new Promise((r) => setTimeout(r, $delayMs));
      if (res.destroyed || req.socket.destroyed) return;
      answer = then;
    }
    if ('$destroy' in answer) {
      req.socket.destroy();
      return;
    }
    if ('$status' in answer) {
      const a = answer as { $status: number; $body?: string };
      res.writeHead(a.$status, { 'content-type': 'text/plain' }).end(a.$body ?? '');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    count: (path) => seen.filter((s) => s.path === path).length,
    requests: (path) => seen.filter((s) => s.path === path),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A gettoken answer that hands out TOKEN-1, TOKEN-2, … one per call. */
export function tokenAnswer(nth: number, expiresIn = 7200): Record<string, unknown> {
  return { errcode: 0, errmsg: 'ok', access_token: `TOKEN-${nth}`, expires_in: expiresIn };
}
