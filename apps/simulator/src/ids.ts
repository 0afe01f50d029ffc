// Ids shaped like WeCom's, so a client that checks prefixes (wm/wo, wr, et) or lengths behaves
// against the simulator as it does against production.
import crypto from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// One random pool refilled in blocks: bulk loads make tens of thousands of ids at once.
let pool = Buffer.alloc(0);
let at = 0;
function byte(): number {
  if (at >= pool.length) {
    pool = crypto.randomBytes(64 * 1024);
    at = 0;
  }
  return pool[at++];
}

export function base62(n: number): string {
  let out = '';
  while (out.length < n) {
    const b = byte();
    if (b < 248) out += BASE62[b % 62]; // 248 = 4×62: no modulo bias
  }
  return out;
}

export function hex(n: number): string {
  return crypto.randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
}

export const newExternalUserid = () => `wm${base62(30)}`;
export const newChatId = () => `wr${base62(30)}`;
export const newTagId = () => `et${base62(30)}`;
export const newConfigId = () => hex(32);
export const newMsgid = () => `msg${base62(24)}`;
export const newToken = () => base62(128);
export const newWelcomeCode = () => base62(43);
export const newMemberVersion = () => hex(32);
export const newJobid = () => `job${base62(29)}`;
export const newMomentId = () => `mom${base62(29)}`;
export const newTemplateId = () => `msg${base62(24)}`;
export const newLinkId = () => `cawcde${hex(26)}`;
export const newMediaId = () => `3${base62(63)}`;
export const newUnionid = () => `o${base62(27)}`;
export const newChatMsgid = () => `${base62(20)}_${Date.now()}`;

/** Returns an id from make() not yet in taken (collisions are astronomically rare, but cheap to rule out). */
export function unique(make: () => string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = make();
    if (!taken(id)) return id;
  }
}
