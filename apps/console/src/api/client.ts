import type { ErrorBody } from '@siyu/contracts';
import { i18n } from '../i18n/index.ts';

/** An API failure: `message` is in the console's language (sent as Accept-Language) and meant for the user as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The router registers this, so a session that expires mid-use lands on /login. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

// These answer 401 as a normal outcome (not logged in / wrong password), not as an expired session.
const AUTH_PATHS = ['/api/auth/me', '/api/auth/login'];

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Headers every API call carries. Accept-Language is the console's language, not the browser's:
 * the server words its validation messages by it, and someone reading the console in Chinese on
 * an English browser still wants Chinese.
 */
export function requestHeaders(): Record<string, string> {
  return { accept: 'application/json', 'accept-language': i18n.language === 'en-US' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9' };
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const url = withQuery(path, query);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { ...requestHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('common.networkError'));
  }

  if (res.status === 401 && !AUTH_PATHS.includes(path)) onUnauthorized?.();

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (res.ok) throw new ApiError(res.status, 'BAD_RESPONSE', i18n.t('common.badResponse'));
    }
  }
  if (!res.ok) {
    const err = (data as Partial<ErrorBody> | undefined)?.error;
    if (err && typeof err.message === 'string') throw new ApiError(res.status, err.code, err.message, err.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, i18n.t('common.requestFailed', { status: res.status }));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}
