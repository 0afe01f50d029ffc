// Password login, sessions (httpOnly cookie holding tenant + secret) and API tokens.
// Login throttling: login-throttle.ts; known devices: known-devices.ts; unlocking: login-unlock.ts.
import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { AppError, newId, audit, notFound } from '../../core/index.ts';
import * as repo from './tenancy.repo.ts';
import { verifyPassword, dummyHash } from './password.ts';
import { admitLogin } from './login-throttle.ts';
import { isKnownDevice, rememberDevice } from './known-devices.ts';
import type { Actor } from './actor.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const secret = () => crypto.randomBytes(32).toString('base64url');

/** "username@tenant-slug" → parts; the LAST @ separates, so usernames may hold an @ themselves. */
export function parseAccount(account: string): { username: string; slug: string } | null {
  const at = account.trim().lastIndexOf('@');
  if (at <= 0 || at === account.trim().length - 1) return null;
  return { username: account.trim().slice(0, at), slug: account.trim().slice(at + 1).toLowerCase() };
}

const badCredentials = () => new AppError('INVALID_CREDENTIALS', '账号或密码错误');

/**
 * Password login. Every limit that applies takes its point before the password is checked (see
 * login-throttle.ts), so parallel guesses cannot pass more checks than the limits allow. `device`
 * is the known-device cookie; the answer carries the one to set.
 */
export async function login(deps: Deps, input: { account: string; password: string; ip: string | null; userAgent: string | null; device?: string | null }) {
  const now = deps.clock.now();
  const parsed = parseAccount(input.account);
  if (!parsed) throw new AppError('VALIDATION_FAILED', '账号格式应为 用户名@企业标识，例如 admin@demo');
  const tenant = await repo.findTenantBySlug(deps.db, parsed.slug);
  const staff = tenant ? await repo.findStaffByUsername(deps.db, tenant.tenant_id, parsed.username) : undefined;
  const known = tenant && staff ? await isKnownDevice(deps, tenant.tenant_id, staff.id, input.device) : false;
  // Unknown tenants and names are counted and checked like real ones: nothing tells them apart.
  const pass = await admitLogin(deps, { username: parsed.username, slug: parsed.slug, ip: input.ip, device: known ? input.device! : null });
  const ok = await verifyPassword(input.password, staff?.password_hash ?? dummyHash);
  if (!tenant || !staff || !ok || !staff.active) {
    const lock = await pass.failed();
    if (lock && tenant && staff) {
      await audit(deps.db, { tenantId: tenant.tenant_id, actorId: null, action: 'auth.lockout', targetType: 'staff', targetId: staff.id, ip: input.ip,
        detail: { minutes: Math.round(lock.seconds / 60), nth: lock.nth } });
    }
    if (staff && ok && !staff.active) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员');
    throw badCredentials();
  }
  await pass.succeeded();
  const token = secret();
  await repo.insertSession(deps.db, {
    tenant_id: tenant.tenant_id, id: sha256(token), staff_id: staff.id,
    expires_at: new Date(now.getTime() + deps.config.sessionDays * 86_400_000), ip: input.ip, user_agent: input.userAgent,
  });
  const device = await rememberDevice(deps, tenant.tenant_id, staff.id, input.device, known);
  await audit(deps.db, { tenantId: tenant.tenant_id, actorId: staff.id, action: 'auth.login', targetType: 'staff', targetId: staff.id, ip: input.ip, detail: { knownDevice: known } });
  return { cookie: `${tenant.tenant_id}.${token}`, staffId: staff.id, tenantId: tenant.tenant_id, device };
}

async function actorFor(deps: Deps, tenantId: string, staffId: string): Promise<Actor | null> {
  const staff = await repo.findStaff(deps.db, tenantId, staffId);
  if (!staff || !staff.active) return null;
  return { tenantId, staffId, role: staff.role, departmentId: staff.department_id, name: staff.name };
}

export async function actorFromCookie(deps: Deps, cookie: string): Promise<Actor | null> {
  const dot = cookie.indexOf('.');
  if (dot <= 0) return null;
  const tenantId = cookie.slice(0, dot);
  const staff = await repo.findSessionStaff(deps.db, tenantId, sha256(cookie.slice(dot + 1)), deps.clock.now());
  if (!staff || !staff.active) return null;
  return { tenantId, staffId: staff.id, role: staff.role, departmentId: staff.department_id, name: staff.name };
}

// API tokens look like "siyu_<tenantId>_<secret>" so a request names its tenant without a lookup.
export async function actorFromToken(deps: Deps, bearer: string): Promise<Actor | null> {
  const m = /^siyu_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(bearer);
  if (!m) return null;
  const token = await repo.findTokenByHash(deps.db, m[1], sha256(m[2]));
  if (!token) return null;
  await repo.touchToken(deps.db, m[1], token.id, deps.clock.now());
  return actorFor(deps, m[1], token.staff_id);
}

export async function logout(deps: Deps, cookie: string): Promise<void> {
  const dot = cookie.indexOf('.');
  if (dot > 0) await repo.deleteSession(deps.db, cookie.slice(0, dot), sha256(cookie.slice(dot + 1)));
}

export async function me(deps: Deps, actor: Actor) {
  const [staff, tenant] = await Promise.all([repo.findStaff(deps.db, actor.tenantId, actor.staffId), repo.findTenant(deps.db, actor.tenantId)]);
  if (!staff || !tenant) throw notFound('账号');
  return {
    staffId: staff.id, tenantId: tenant.tenant_id, tenantName: tenant.name, tenantSlug: tenant.slug,
    username: staff.username, name: staff.name, role: staff.role, departmentId: staff.department_id,
  };
}

const tokenView = (t: { id: string; name: string; prefix: string; created_at: Date; last_used_at: Date | null }) => ({
  id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at.toISOString(), lastUsedAt: t.last_used_at?.toISOString() ?? null,
});

export async function createToken(deps: Deps, actor: Actor, name: string) {
  const raw = secret();
  const token = `siyu_${actor.tenantId}_${raw}`;
  const row = { tenant_id: actor.tenantId, id: newId(), staff_id: actor.staffId, name, prefix: token.slice(0, 12 + 36), token_hash: sha256(raw) };
  await repo.insertToken(deps.db, row);
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'token.create', targetType: 'api_token', targetId: row.id, detail: { name } });
  return { ...tokenView({ ...row, created_at: deps.clock.now(), last_used_at: null }), token };
}

export async function listTokens(deps: Deps, actor: Actor) {
  return (await repo.listTokens(deps.db, actor.tenantId, actor.staffId)).map(tokenView);
}

export async function revokeToken(deps: Deps, actor: Actor, id: string) {
  const res = await repo.revokeToken(deps.db, actor.tenantId, actor.staffId, id, deps.clock.now());
  if (!res.numUpdatedRows) throw notFound('令牌');
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'token.revoke', targetType: 'api_token', targetId: id });
}
