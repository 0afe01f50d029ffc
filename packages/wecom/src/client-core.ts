// The transport every endpoint method goes through: access_token in the query string, JSON
// bodies, lenient JSON answers, the token cache, client-side rate limits, and retries only where
// WeCom says repeating is safe (-1, 45009, 45033, network failures). Token errors (40014/42001)
// refresh the token once and repeat the call once; 40001 is never repeated.
import { WecomApiError, WecomNetworkError, isRetryable } from './errors.ts';
import { createRateLimiter, type RateLimitOptions, type RateLimiter } from './rate-limit.ts';
import { expiryFromNow, obtainToken, sharedTokenCache, type TokenCache } from './token-cache.ts';

export type CallEvent = { api: string; ms: number; errcode: number | null; attempt: number };

export type WecomClientOptions = {
  corpId: string;
  secret: string;
  baseUrl?: string; // default https://qyapi.weixin.qq.com (the simulator's URL in tests)
  agentId?: number; // filled into corp-tag and group-welcome calls that take an agentid
  tokenCache?: TokenCache; // default: one cache shared by every client in the process
  rateLimit?: RateLimitOptions | false;
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  timeoutMs?: number; // per HTTP attempt, and the longest a call may wait for rate-limit capacity
  fetch?: typeof fetch;
  onCall?: (e: CallEvent) => void; // one event per HTTP attempt (metrics, logs)
};

export type HttpMethod = 'GET' | 'POST';
export type QueryValue = string | number | boolean | null | undefined;
export type CallOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown; // sent as JSON (POST)
  form?: () => FormData; // multipart instead of JSON; a factory so every retry sends a fresh body
  /**
   * A create that must not be sent twice: after a network error or timeout WeCom may already have
   * applied it (a second mass message, a second contact way), so only WeCom's own "not done"
   * answers (-1, 45009, 45033) are retried.
   */
  once?: boolean;
};

/** Every WeCom answer carries these; other fields are kept as WeCom sent them. */
export type WecomBase = { errcode: number; errmsg: string };
export type WecomResult<T> = T & WecomBase;

export type WecomCore = {
  readonly corpId: string;
  readonly agentId: number | undefined;
  readonly tokenCache: TokenCache;
  /** Any endpoint, wrapped or not: the path as in WeCom's docs, e.g. '/cgi-bin/externalcontact/get'. */
  call<T = Record<string, unknown>>(method: HttpMethod, path: string, opts?: CallOptions): Promise<WecomResult<T>>;
  /** The current access_token (cached; fetched once for concurrent callers). */
  getAccessToken(): Promise<string>;
};

const TOKEN_ERRORS = new Set(['token_invalid', 'token_expired']);

export function createCore(opts: WecomClientOptions): WecomCore {
  const baseUrl = (opts.baseUrl ?? 'https://qyapi.weixin.qq.com').replace(/\/+$/, '');
  const doFetch = opts.fetch ?? globalThis.fetch;
  const tokenCache = opts.tokenCache ?? sharedTokenCache;
  const limiter: RateLimiter | null = opts.rateLimit === false ? null : createRateLimiter(opts.rateLimit ?? {});
  const attempts = Math.max(1, opts.retry?.attempts ?? 4);
  const baseDelayMs = opts.retry?.baseDelayMs ?? 200;
  const maxDelayMs = opts.retry?.maxDelayMs ?? 5000;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const { corpId, secret } = opts;

  function report(e: CallEvent) {
    try {
      opts.onCall?.(e);
    } catch {
      // An observer's bug must not fail the call it observes.
    }
  }

  function urlOf(path: string, query: Record<string, QueryValue>): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) qs.append(k, String(v));
    const s = qs.toString();
    return `${baseUrl}${path}${s ? `?${s}` : ''}`;
  }

  // One HTTP exchange. Returns WeCom's JSON (errcode may be non-zero); throws WecomNetworkError.
  async function send(method: HttpMethod, path: string, query: Record<string, QueryValue>, co: CallOptions, attempt: number) {
    if (limiter) await limiter.acquire(corpId, path, timeoutMs);
    const started = performance.now();
    let errcode: number | null = null;
    try {
      const init: RequestInit = { method, signal: AbortSignal.timeout(timeoutMs) };
      if (co.form) init.body = co.form();
      else if (method === 'POST') {
        init.body = JSON.stringify(co.body ?? {});
        init.headers = { 'content-type': 'application/json; charset=utf-8' };
      }
      let text: string;
      let status: number;
      try {
        const res = await doFetch(urlOf(path, query), init);
        status = res.status;
        text = await res.text();
      } catch (err) {
        const timedOut = (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError';
        throw new WecomNetworkError(path, timedOut ? 'timeout' : 'network', timedOut ? `no answer within ${timeoutMs} ms` : String((err as Error)?.message ?? err), undefined, { cause: err });
      }
      if (status < 200 || status > 299) throw new WecomNetworkError(path, 'http_status', `HTTP ${status}`, status);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new WecomNetworkError(path, 'bad_response', `answer is not JSON: ${text.slice(0, 80)}`, status, { cause: err });
      }
      if (!json || typeof json !== 'object' || Array.isArray(json)) throw new WecomNetworkError(path, 'bad_response', 'answer is not a JSON object', status);
      const obj = json as Record<string, unknown>;
      // Lenient: a missing errcode means success; a string errcode is read as a number.
      errcode = obj.errcode === undefined || obj.errcode === null ? 0 : Number(obj.errcode);
      if (!Number.isFinite(errcode)) errcode = -1;
      obj.errcode = errcode;
      if (typeof obj.errmsg !== 'string') obj.errmsg = obj.errmsg === undefined ? '' : String(obj.errmsg);
      return obj as WecomBase & Record<string, unknown>;
    } finally {
      report({ api: path, ms: Math.round(performance.now() - started), errcode, attempt });
    }
  }

  function backoff(n: number): Promise<void> {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    const ms = ceiling / 2 + Math.random() * (ceiling / 2); // "equal jitter": never zero, never in lockstep
    return new Promise((r) => setTimeout(r, ms));
  }

  // Sends until WeCom answers errcode 0, a non-retryable error, or the attempts run out.
  async function exchange(method: HttpMethod, path: string, query: Record<string, QueryValue>, co: CallOptions, counter: { n: number }) {
    for (let tries = 1; ; tries++) {
      counter.n += 1;
      let error: unknown;
      try {
        const res = await send(method, path, query, co, counter.n);
        if (res.errcode === 0) return res;
        error = new WecomApiError(res.errcode, res.errmsg, path, res);
      } catch (err) {
        error = err;
      }
      if (!isRetryable(error) || tries >= attempts) throw error;
      if (co.once && error instanceof WecomNetworkError) throw error;
      await backoff(tries);
    }
  }

  async function getAccessToken(): Promise<string> {
    const token = await obtainToken(tokenCache, corpId, secret, async () => {
      const res = await exchange('GET', '/cgi-bin/gettoken', { corpid: corpId, corpsecret: secret }, {}, { n: 0 });
      const accessToken = typeof res.access_token === 'string' ? res.access_token : '';
      if (!accessToken) throw new WecomNetworkError('/cgi-bin/gettoken', 'bad_response', 'gettoken answered without access_token');
      const expiresIn = Number(res.expires_in ?? 7200);
      return { accessToken, expiresAt: expiryFromNow(Number.isFinite(expiresIn) ? expiresIn : 7200) };
    });
    return token.accessToken;
  }

  async function call<T>(method: HttpMethod, path: string, co: CallOptions = {}): Promise<WecomResult<T>> {
    const counter = { n: 0 };
    let token = await getAccessToken();
    // The token always goes in the query string (in a body WeCom answers 41001) and wins over any
    // stray access_token among the endpoint's parameters.
    const run = () => exchange(method, path, { ...co.query, access_token: token }, co, counter);
    try {
      return (await run()) as WecomResult<T>;
    } catch (err) {
      if (!(err instanceof WecomApiError && TOKEN_ERRORS.has(err.kind))) throw err;
      // WeCom may revoke a token early: refresh once and repeat once. A second token error is thrown.
      tokenCache.invalidate(corpId, secret, token);
      token = await getAccessToken();
      return (await run()) as WecomResult<T>;
    }
  }

  return { corpId, agentId: opts.agentId, tokenCache, call, getAccessToken };
}
