// Lifting login locks: an admin in the console (POST /api/staff/:id/unlock) or the operator at the
// shell (`siyu user unlock --account admin@brand`). Clears the account's per-address and per-device
// counts and the memory of its earlier locks; the per-address limits across accounts are not the
// account's and expire by themselves.
import type { Deps } from '../../deps.ts';
import { AppError, audit, blockedKeyPrefixes, clearLimitKeys, notFound } from '../../core/index.ts';
import * as repo from './tenancy.repo.ts';
import { ACCOUNT_LIMITS, LOGIN_LIMITS, accountKey } from './login-throttle.ts';
import { outranks, requireRole, type Actor } from './actor.ts';
import { parseAccount } from './auth.service.ts';

async function clear(deps: Deps, tenantId: string, username: string): Promise<number> {
  const tenant = await repo.findTenant(deps.db, tenantId);
  if (!tenant) throw notFound('企业');
  return clearLimitKeys(deps.db, ACCOUNT_LIMITS, `${accountKey(deps, username, tenant.slug)}:`);
}

/** The console's unlock: admins, for accounts they may manage. Answers how many locks were lifted. */
export async function unlockStaffLogin(deps: Deps, actor: Actor, staffId: string, ip: string | null = null): Promise<{ cleared: number }> {
  requireRole(actor, 'admin');
  const staff = await repo.findStaff(deps.db, actor.tenantId, staffId);
  if (!staff) throw notFound('员工');
  if (!outranks(actor, staff.role)) throw new AppError('FORBIDDEN', '不能修改比自己权限更高的账号');
  const cleared = await clear(deps, actor.tenantId, staff.username);
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'staff.login-unlock', targetType: 'staff', targetId: staffId, ip, detail: { cleared } });
  return { cleared };
}

/** `siyu user unlock --account username@slug`: the operator at the shell, no role needed. */
export async function unlockAccount(deps: Deps, account: string): Promise<{ cleared: number; tenantId: string; staffId: string }> {
  const parsed = parseAccount(account);
  if (!parsed) throw new AppError('VALIDATION_FAILED', '账号格式应为 用户名@企业标识，例如 admin@demo');
  const tenant = await repo.findTenantBySlug(deps.db, parsed.slug);
  if (!tenant) throw new AppError('NOT_FOUND', `企业标识 ${parsed.slug} 不存在`);
  const staff = await repo.findStaffByUsername(deps.db, tenant.tenant_id, parsed.username);
  if (!staff) throw new AppError('NOT_FOUND', `账号 ${parsed.username}@${parsed.slug} 不存在`);
  const cleared = await clear(deps, tenant.tenant_id, staff.username);
  await audit(deps.db, { tenantId: tenant.tenant_id, actorId: null, action: 'staff.login-unlock', targetType: 'staff', targetId: staff.id, detail: { cleared, via: 'cli' } });
  return { cleared, tenantId: tenant.tenant_id, staffId: staff.id };
}

/** Ids of the given staff locked out of logging in somewhere now (from an address or a device). */
export async function lockedStaffIds(deps: Deps, tenantId: string, staff: { id: string; username: string }[]): Promise<Set<string>> {
  const tenant = await repo.findTenant(deps.db, tenantId);
  if (!tenant || !staff.length) return new Set();
  const byKey = new Map(staff.map((s) => [`${accountKey(deps, s.username, tenant.slug)}:`, s.id]));
  const [pairs, devices] = await Promise.all([LOGIN_LIMITS.pair, LOGIN_LIMITS.device].map((l) => blockedKeyPrefixes(deps.db, l, [...byKey.keys()])));
  return new Set([...pairs, ...devices].map((k) => byKey.get(k)!));
}
