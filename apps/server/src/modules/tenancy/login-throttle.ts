// Login throttling that someone who knows only an account's name cannot use to keep its owner out.
//
// Failures are counted per account *and source address*, per address across all accounts, and —
// for a browser the account has logged in from before (a known device) — per device instead of
// per address. Nothing locks an account for everyone: the owner gets in from another address or
// from a known device whatever an attacker does elsewhere.
//
// Every count lives in the shared `rate_limits` table (rate-limiter-flexible, one atomic upsert per
// count) and a point is taken BEFORE the password is checked, so parallel guesses cannot all pass
// the check: each limit lets at most its number of passwords be tried. Successes give their point
// back, so only failures count. Keys are HMACs of the account and the address (`deps.pii.hash`):
// no address or account name is stored, and every row expires.
import net from 'node:net';
import type { Deps } from '../../deps.ts';
import { AppError, rateLimiter, RateLimiterRes, type Limit } from '../../core/index.ts';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The limits. Successes give their points back, so each counts failures only. */
export const LOGIN_LIMITS = {
  /** One account from one address: 5 failures within a day start a lock of that pair only. */
  pair: { name: 'login-pair', points: 5, seconds: DAY },
  /** The pair's locks: 15 minutes, doubling with each lock within a week, at most a day. */
  pairLocks: { name: 'login-pair-locks', points: 1_000_000, seconds: 7 * DAY },
  /** One address across every account: slows guessing one password over many accounts. */
  address: { name: 'login-address', points: 30, seconds: 15 * MINUTE },
  addressDaily: { name: 'login-address-day', points: 200, seconds: DAY },
  /** A known device of the account: it skips the address limits, so it has its own. */
  device: { name: 'login-device', points: 10, seconds: HOUR },
} satisfies Record<string, Limit>;

export const FIRST_LOCK_SECONDS = 15 * MINUTE;
export const MAX_LOCK_SECONDS = DAY;

/** The n-th lock of a pair (1-based) lasts 15 min × 2^(n-1), at most a day. */
export const lockSeconds = (nth: number) => Math.min(FIRST_LOCK_SECONDS * 2 ** Math.min(Math.max(nth - 1, 0), 20), MAX_LOCK_SECONDS);

/**
 * The address a limit counts: IPv4 as is (also when written IPv4-mapped), IPv6 by its /64 — one
 * subscriber usually holds a whole /64 and could otherwise take a new address per guess.
 */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.slice(0, 4).map((g) => parseInt(g || '0', 16).toString(16)).join(':') + '::/64';
}

const h = (deps: Deps, purpose: string, value: string) => deps.pii.hash(purpose, value).slice(0, 32);

/** The account's part of every key: the whole login name, so unknown names are counted too. */
export const accountKey = (deps: Deps, username: string, slug: string) => h(deps, 'login-account', `${username}@${slug.toLowerCase()}`);
const addrHash = (deps: Deps, ip: string | null) => h(deps, 'login-address', addressKey(ip));
const deviceHash = (deps: Deps, device: string) => h(deps, 'login-device', device);

/** Which limits hold counts keyed by an account (cleared by an unlock, shown as locked). */
export const ACCOUNT_LIMITS: Limit[] = [LOGIN_LIMITS.pair, LOGIN_LIMITS.pairLocks, LOGIN_LIMITS.device];

type Scope = 'account_address' | 'address' | 'device';

const WHY: Record<Scope, string> = {
  account_address: '该账号在当前网络登录失败次数过多，已暂时锁定',
  address: '当前网络登录失败次数过多',
  device: '该账号在此设备上登录失败次数过多',
};
const HELP: Record<Scope, string> = {
  account_address: '；也可在以前登录过的设备上登录，或请管理员解除锁定',
  address: '；以前登录过的设备不受影响',
  device: '；也可请管理员解除锁定',
};

function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
}

const beijing = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** "12月4日 14:35" in Beijing time, whatever the server's zone. */
function beijingTime(at: Date): string {
  const p = Object.fromEntries(beijing.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/** 429 with when to come back, in words and in Beijing time: "请 15 分钟后再试（北京时间 12月4日 14:35 以后）". */
export function throttled(scope: Scope, ms: number, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const at = new Date(now.getTime() + seconds * 1000);
  return new AppError('LOGIN_THROTTLED', `${WHY[scope]}，请 ${waitText(seconds)}后再试（北京时间 ${beijingTime(at)} 以后）${HELP[scope]}`,
    { scope, retryAfterSeconds: seconds, retryAt: at.toISOString() });
}

/** Consumes one point; a rejection comes back as a value, other errors are thrown. */
async function take(deps: Deps, limit: Limit, key: string): Promise<{ ok: boolean; consumed: number; ms: number }> {
  try {
    const res = await rateLimiter(deps.pool, limit).consume(key);
    return { ok: true, consumed: res.consumedPoints, ms: res.msBeforeNext };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, consumed: e.consumedPoints, ms: e.msBeforeNext };
    throw e;
  }
}

const giveBack = (deps: Deps, limit: Limit, key: string) => rateLimiter(deps.pool, limit).reward(key).then(() => undefined);
const forget = (deps: Deps, limit: Limit, key: string) => rateLimiter(deps.pool, limit).delete(key).then(() => undefined);

/** What a login attempt holds once it may check the password: report the outcome to it. */
export type LoginPass = {
  /** The password was right: its points are given back and the pair (or device) starts afresh. */
  succeeded: () => Promise<void>;
  /** The password was wrong: the point stays; the attempt that used the pair's last one locks the pair. Answers the lock started, if any. */
  failed: () => Promise<{ seconds: number; nth: number } | null>;
};

/**
 * Takes a point in every limit that applies, before any password is checked; throws
 * LOGIN_THROTTLED (nothing checked, nothing kept) when one of them is used up.
 * `device` is the known-device cookie, given only when it is known for this account.
 */
export async function admitLogin(deps: Deps, input: { username: string; slug: string; ip: string | null; device: string | null }): Promise<LoginPass> {
  const now = deps.clock.now();
  const account = accountKey(deps, input.username, input.slug);
  const L = LOGIN_LIMITS;

  if (input.device) {
    const key = `${account}:${deviceHash(deps, input.device)}`;
    const t = await take(deps, L.device, key);
    if (!t.ok) throw throttled('device', t.ms, now);
    return { succeeded: () => forget(deps, L.device, key), failed: async () => null };
  }

  // The address limits first (cheapest to refuse a spray), then the pair; a refusal gives back
  // what this attempt took, so only attempts that reach the password count.
  const addr = addrHash(deps, input.ip);
  const taken: Limit[] = [];
  const refund = () => Promise.all(taken.map((l) => giveBack(deps, l, addr)));
  for (const limit of [L.address, L.addressDaily]) {
    const t = await take(deps, limit, addr);
    if (!t.ok) {
      await refund();
      throw throttled('address', t.ms, now);
    }
    taken.push(limit);
  }
  const pairKey = `${account}:${addr}`;
  const pair = await take(deps, L.pair, pairKey);
  if (!pair.ok) {
    await refund();
    throw throttled('account_address', pair.ms, now);
  }
  return {
    succeeded: async () => {
      await refund();
      await Promise.all([forget(deps, L.pair, pairKey), forget(deps, L.pairLocks, pairKey)]);
    },
    failed: async () => {
      // Exactly one attempt takes the last point, so a pair is locked once per round of failures.
      if (pair.consumed !== L.pair.points) return null;
      const locks = await take(deps, L.pairLocks, pairKey);
      const seconds = lockSeconds(locks.consumed);
      await rateLimiter(deps.pool, L.pair).block(pairKey, seconds);
      return { seconds, nth: locks.consumed };
    },
  };
}
