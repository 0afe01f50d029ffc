// HTTP for connectors: JSON in, JSON out, a timeout, and the sign algorithms the gateways check.
// Transport trouble (network, timeout, 5xx, 429) is a retry; other HTTP statuses are fatal — a
// platform's own errors come back as HTTP 200 bodies and each connector reads those.
import crypto from 'node:crypto';
import type { Platform } from '../records.ts';
import { ConnectorError, fatalError, retryError } from './errors.ts';

const TIMEOUT_MS = 30_000;

export async function requestJson(platform: Platform, url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw retryError(platform, `网络错误：${(err as Error).message}`);
  }
  const body = await res.text().catch(() => '');
  if (res.status >= 500 || res.status === 429) throw retryError(platform, `HTTP ${res.status}`);
  if (!res.ok) throw fatalError(platform, `HTTP ${res.status} ${body.slice(0, 200)}`);
  try {
    const data = JSON.parse(body) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
    return data as Record<string, unknown>;
  } catch {
    // A gateway under stress sometimes answers HTML: treat as busy, not as a refusal.
    throw retryError(platform, `响应不是 JSON：${body.slice(0, 120)}`);
  }
}

export const postForm = (platform: Platform, url: string, params: Record<string, string>) =>
  requestJson(platform, url, { method: 'POST', body: new URLSearchParams(params), headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' } });

export const postJson = (platform: Platform, url: string, body: unknown) =>
  requestJson(platform, url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json;charset=utf-8' } });

export const withQuery = (url: string, q: Record<string, string>) => `${url}?${new URLSearchParams(q)}`;

const md5 = (s: string) => crypto.createHash('md5').update(s, 'utf8').digest('hex');

/** TOP / JD / PDD: MD5(secret + k1v1k2v2… (keys sorted, sign and empty values left out) + secret), upper hex. */
export function topSign(params: Record<string, string>, secret: string): string {
  const body = Object.keys(params).filter((k) => k !== 'sign' && params[k] !== '').sort().map((k) => k + params[k]).join('');
  return md5(secret + body + secret).toUpperCase();
}

/** Douyin 抖店: MD5(secret + app_key… method… param_json… timestamp… v… + secret), lower hex. */
export function douyinSign(p: { app_key: string; method: string; param_json: string; timestamp: string; v: string }, secret: string): string {
  return md5(`${secret}app_key${p.app_key}method${p.method}param_json${p.param_json}timestamp${p.timestamp}v${p.v}${secret}`);
}

/** Kuaishou: MD5("k=v&…" (keys sorted, sign left out) + "&signSecret=" + secret), lower hex. */
export function kuaishouSign(params: Record<string, string>, secret: string): string {
  const body = Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => `${k}=${params[k]}`).join('&');
  return md5(`${body}&signSecret=${secret}`);
}

/** JSON with keys sorted at every level: what Douyin signs. */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const isConnectorError = (err: unknown): err is ConnectorError => err instanceof ConnectorError;
