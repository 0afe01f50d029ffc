// Password hashing with scrypt from node:crypto (memory-hard, no native addon to build).
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
const N = 16384, r = 8, p = 1, LEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, LEN, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Passwords this process has checked: tests read it to prove the login limits hold under load. */
export let passwordChecks = 0;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  passwordChecks++;
  const [algo, n, rr, pp, salt, hash] = stored.split('$');
  if (algo !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp) });
  return crypto.timingSafeEqual(key, expected);
}

// A hash of a random password: verifying against it costs the same time as a real account,
// so "no such user" and "wrong password" cannot be told apart by timing.
export const dummyHash = await hashPassword(crypto.randomBytes(12).toString('hex'));
