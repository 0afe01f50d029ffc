// HTTP for connectors: JSON in, JSON out, a timeout, and the sign algorithms the gateways check.
// Transport trouble (network, timeout, 5xx, 429) is a retry; other HTTP statuses are fatal — a
// platform's own errors come back as HTTP 200 bodies and each connector reads those.
import type { Platform } from '@siyu/order-exports';
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

// Signatures come from the one implementation the platform simulators check them with.
export { topSign, douyinSign, kuaishouSign, sortedJson } from '@siyu/platform-sign';

export const isConnectorError = (err: unknown): err is ConnectorError => err instanceof ConnectorError;
