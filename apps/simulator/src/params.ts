// Lenient readers of request fields: WeCom accepts numbers sent as strings in query strings, and
// rejects missing or ill-typed required fields with its generic 40058 (or a dedicated errcode).
import { WecomError, invalidParam } from './errors.ts';

export type Params = Record<string, unknown>;

export function optString(p: Params, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw invalidParam(`${key} must be a string`);
}

export function reqString(p: Params, key: string, errcode = 40058): string {
  const v = optString(p, key);
  if (v === undefined) throw new WecomError(errcode, `missing ${key}`);
  return v;
}

export function optInt(p: Params, key: string): number | undefined {
  const v = p[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw invalidParam(`${key} must be an integer`);
  return n;
}

export function reqInt(p: Params, key: string, errcode = 40058): number {
  const v = optInt(p, key);
  if (v === undefined) throw new WecomError(errcode, `missing ${key}`);
  return v;
}

export function optBool(p: Params, key: string): boolean | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  throw invalidParam(`${key} must be a boolean`);
}

export function strArray(p: Params, key: string): string[] {
  const v = p[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalidParam(`${key} must be an array of strings`);
  return v as string[];
}

export function intArray(p: Params, key: string): number[] {
  const v = p[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => !Number.isInteger(x))) throw invalidParam(`${key} must be an array of integers`);
  return v as number[];
}

export function obj(p: Params, key: string): Params | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidParam(`${key} must be an object`);
  return v as Params;
}

export function chars(s: string): number {
  return [...s].length;
}

// Opaque cursors: base64url JSON. A cursor that does not decode is 50100 (invalid paging cursor).
export function encodeCursor(value: Record<string, number | string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends Record<string, number | string>>(cursor: string | undefined, fallback: T): T {
  if (!cursor) return fallback;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (typeof v !== 'object' || v === null) throw new Error('not an object');
    return v;
  } catch {
    throw new WecomError(50100, 'invalid cursor');
  }
}

/** One page of items from a list: { items, next_cursor } ('' on the last page). */
export function page<T>(all: T[], cursor: string | undefined, limit: number): { items: T[]; next_cursor: string } {
  const { o } = decodeCursor(cursor, { o: 0 });
  const offset = Number(o) || 0;
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? encodeCursor({ o: offset + limit }) : '';
  return { items, next_cursor: next };
}

export function limitParam(p: Params, key: string, def: number, max: number, min = 1): number {
  const v = optInt(p, key);
  if (v === undefined || v === 0) return def;
  if (v < min || v > max) throw invalidParam(`${key} must be within ${min}..${max}`);
  return v;
}
