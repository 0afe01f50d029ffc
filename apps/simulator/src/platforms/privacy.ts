// How receivers leave the platforms: masked (林**, 138****5678), encrypted (ciphertext shaped like
// each platform's: PDD `~…~`, `$…$`; Douyin `#…#`), and Taobao's oaid, which is derived from the
// receiver, the shop, the app key and the NATURAL WEEK of the order — the same buyer gets a new oaid
// every week, which is exactly why it must never be a customer key. Times: China wall clock.
import crypto from 'node:crypto';
import type { Receiver } from './state.ts';

// The simulator's own sealing key: ciphertext is real (AES-GCM) but nobody outside can open it,
// as with the platforms' decrypt-only-through-our-API fields.
const KEY = crypto.createHash('sha256').update('siyu-simulator-platform-privacy').digest();

// Deterministic per value: platforms give the same ciphertext for the same field on every read
// (otherwise every poll would look like a change), so the IV comes from the value itself.
function sealStable(plain: string): string {
  const iv = crypto.createHmac('sha256', KEY).update(plain).digest().subarray(0, 12);
  const c = crypto.createCipheriv('aes-256-gcm', KEY, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
  return Buffer.concat([iv, body]).toString('base64');
}
const tag = (plain: string) => crypto.createHash('md5').update(plain).digest('base64').slice(0, 8);

/** PDD style: phone `$…$…$0$$`, name/address `~…~…~0~~`. */
export const pddCipher = (kind: 'phone' | 'text', plain: string) =>
  kind === 'phone' ? `$${tag(plain)}$${sealStable(plain)}$0$$` : `~${sealStable(plain)}~${tag(plain)}~0~~`;
/** Douyin style: `#…#…##` for text, `$…$…$$` for phones. */
export const douyinCipher = (kind: 'phone' | 'text', plain: string) =>
  kind === 'phone' ? `$${tag(plain)}$${sealStable(plain)}$1$$` : `#${tag(plain)}#${sealStable(plain)}#1##`;
/** Kuaishou / JD / Youzan: an opaque token. */
export const opaqueCipher = (plain: string) => `enc:${sealStable(plain)}`;

export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
/** 林*坤 (PDD keeps first and last). */
export function maskNameEnds(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 2) return maskName(name);
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
export const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : '***');
export const maskPhoneTail = (p: string) => `*******${p.slice(-4)}`; // Taobao: ******* + last 4
export const maskPhonePdd = (p: string) => `${p.slice(0, 1)}*********${p.slice(-1)}`; // 1*********5
export function maskAddress(a: string): string {
  const chars = Array.from(a);
  return chars.map((c, i) => (i % 2 === 1 || /\d/.test(c) ? '*' : c)).join('');
}

const CHINA = 8 * 3600;

/** `yyyy-MM-dd HH:mm:ss` in Beijing time. */
export function chinaTime(unix: number): string {
  return new Date((unix + CHINA) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses `yyyy-MM-dd HH:mm:ss` (Beijing time) → Unix seconds, or null. */
export function parseChinaTime(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 - CHINA;
}

/** The Monday (Beijing time) that starts the natural week of `unix`, as yyyy-MM-dd. */
export function naturalWeek(unix: number): string {
  const d = new Date((unix + CHINA) * 1000);
  const back = (d.getUTCDay() + 6) % 7; // days since Monday
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
}

/** Taobao oaid: receiver + seller + app key + natural week of the order → a new value each week. */
export function taobaoOaid(r: Receiver, sellerId: string, appKey: string, created: number): string {
  const src = [r.name, r.phone, r.province, r.city, r.district, r.address, sellerId, appKey, naturalWeek(created)].join('|');
  return `1${crypto.createHash('sha256').update(src).digest('base64url').slice(0, 42)}`;
}

/** WeChat Shop hash_code: a stable per-shop address id. */
export const addressHash = (r: Receiver, shopId: string) =>
  crypto.createHash('md5').update([r.name, r.phone, r.province, r.city, r.district, r.address, shopId].join('|')).digest('hex');

export const yuan = (fen: number) => (fen / 100).toFixed(2);
