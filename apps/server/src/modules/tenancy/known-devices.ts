// Known devices: after a successful login the browser gets a long-lived httpOnly cookie holding a
// random secret; its sha256 is stored with the staff id. Presented with that account's login, it
// lets the owner past the address-based limits (an attacker knows the name, not this secret).
// One secret per browser: logging in to another account there gives it a new one.
import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import * as repo from './tenancy.repo.ts';

export const DEVICE_COOKIE = 'siyu_device';
export const DEVICE_DAYS = 180;
/** Devices remembered per account: the most recently used ones. */
const MAX_DEVICES = 20;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const wellFormed = (token: string | null | undefined): token is string => !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

/** Whether `token` (the device cookie) is a device this account has logged in from. */
export async function isKnownDevice(deps: Deps, tenantId: string, staffId: string, token: string | null | undefined): Promise<boolean> {
  if (!wellFormed(token)) return false;
  return repo.isKnownDevice(deps.db, tenantId, staffId, sha256(token));
}

/**
 * Remembers the browser for this account after a successful login; answers the cookie to (re)set.
 * A secret not yet known for this account is replaced, never adopted: a cookie planted in the
 * browser by someone else must not become a known device of the account logging in.
 */
export async function rememberDevice(deps: Deps, tenantId: string, staffId: string, token: string | null | undefined, known: boolean): Promise<string> {
  const device = known && wellFormed(token) ? token : crypto.randomBytes(32).toString('base64url');
  await repo.saveDevice(deps.db, { tenant_id: tenantId, staff_id: staffId, device_hash: sha256(device), last_seen_at: deps.clock.now() });
  await repo.trimDevices(deps.db, tenantId, staffId, MAX_DEVICES);
  return device;
}

/** Devices unused for DEVICE_DAYS (their cookie has expired too). */
export const pruneDevices = (deps: Deps) => repo.deleteDevicesUnseenSince(deps.db, new Date(deps.clock.now().getTime() - DEVICE_DAYS * 86_400_000));
