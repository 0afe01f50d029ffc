// /api/auth, /api/departments, /api/staff, /api/tokens
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginInput, Me, Department, DepartmentInput, Staff, StaffCreateInput, StaffUpdateInput, StaffUnlockResult, ApiToken, ApiTokenCreated, Ok, IdParams } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf, SESSION_COOKIE } from './request-actor.ts';
import * as auth from './auth.service.ts';
import * as org from './org.service.ts';
import { unlockStaffLogin } from './login-unlock.ts';
import { DEVICE_COOKIE, DEVICE_DAYS } from './known-devices.ts';
import { AppError } from '../../core/index.ts';

/** Customer counts per staff come from the customers module; the wiring passes them in. */
export type StaffCustomerCounts = (deps: Deps, tenantId: string) => Promise<Map<string, number>>;

export function tenancyRoutes(deps: Deps, customerCounts: StaffCustomerCounts): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['组织与账号'];

    app.post('/auth/login', {
      config: { public: true },
      schema: {
        tags, summary: '登录',
        description: '失败按“账号 + 来源地址”和“来源地址”计数：同一地址对同一账号连续失败 5 次后，该地址对该账号锁定 15 分钟（再次锁定时加倍，最长 24 小时）；'
          + '同一地址 15 分钟内失败 30 次（或一天 200 次）后该地址需等待。登录成功过的浏览器（siyu_device Cookie）不受地址限制。超限时返回 429，details.retryAfterSeconds 为等待秒数。',
        body: LoginInput, response: { 200: Me },
      },
    }, async (req, reply) => {
      let res: Awaited<ReturnType<typeof auth.login>>;
      try {
        res = await auth.login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, device: req.cookies[DEVICE_COOKIE] ?? null });
      } catch (err) {
        const wait = err instanceof AppError && err.code === 'LOGIN_THROTTLED' ? (err.details as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
        if (wait) reply.header('retry-after', String(wait));
        throw err;
      }
      reply.setCookie(SESSION_COOKIE, res.cookie, {
        path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure, maxAge: deps.config.sessionDays * 86400,
      });
      // Only the login needs the device cookie: it is sent nowhere else.
      reply.setCookie(DEVICE_COOKIE, res.device, {
        path: '/api/auth/login', httpOnly: true, sameSite: 'strict', secure: deps.config.cookieSecure, maxAge: DEVICE_DAYS * 86400,
      });
      return auth.me(deps, { tenantId: res.tenantId, staffId: res.staffId, role: 'staff', departmentId: null, name: '' });
    });
    app.post('/auth/logout', { config: { public: true }, schema: { tags, summary: '退出登录', response: { 200: Ok } } }, async (req, reply) => {
      const c = req.cookies[SESSION_COOKIE];
      if (c) await auth.logout(deps, c);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });
    app.get('/auth/me', { schema: { tags, summary: '当前账号', response: { 200: Me } } }, async (req) => auth.me(deps, actorOf(req)));

    app.get('/departments', { schema: { tags, summary: '部门列表（扁平，含 parentId）', response: { 200: z.array(Department) } } },
      async (req) => org.listDepartments(deps, actorOf(req)));
    app.post('/departments', { schema: { tags, summary: '新建部门', body: DepartmentInput, response: { 200: Department } } },
      async (req) => org.createDepartment(deps, actorOf(req), req.body));
    app.patch('/departments/:id', { schema: { tags, summary: '修改部门', params: IdParams, body: DepartmentInput.partial(), response: { 200: Department } } },
      async (req) => org.updateDepartment(deps, actorOf(req), req.params.id, req.body));
    app.delete('/departments/:id', { schema: { tags, summary: '删除部门', params: IdParams, response: { 200: Ok } } }, async (req) => {
      await org.deleteDepartment(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    });

    const staffList = async (tenantId: string, actor: ReturnType<typeof actorOf>) =>
      org.listStaff(deps, actor, await customerCounts(deps, tenantId));
    app.get('/staff', { schema: { tags, summary: '员工列表', response: { 200: z.array(Staff) } } }, async (req) => {
      const actor = actorOf(req);
      return staffList(actor.tenantId, actor);
    });
    app.post('/staff', { schema: { tags, summary: '新增员工', body: StaffCreateInput, response: { 200: Staff } } }, async (req) => {
      const actor = actorOf(req);
      const id = await org.createStaff(deps, actor, actor.tenantId, req.body);
      return (await staffList(actor.tenantId, actor)).find((s) => s.id === id)!;
    });
    app.patch('/staff/:id', { schema: { tags, summary: '修改员工（含停用、重置密码）', params: IdParams, body: StaffUpdateInput, response: { 200: Staff } } }, async (req) => {
      const actor = actorOf(req);
      await org.updateStaff(deps, actor, req.params.id, req.body);
      return (await staffList(actor.tenantId, actor)).find((s) => s.id === req.params.id)!;
    });

    app.post('/staff/:id/unlock', {
      schema: { tags, summary: '解除员工的登录锁定（管理员；清除该账号在各地址、各设备上的失败计数）', params: IdParams, response: { 200: StaffUnlockResult } },
    }, async (req) => unlockStaffLogin(deps, actorOf(req), req.params.id, req.ip));

    app.get('/tokens', { schema: { tags, summary: '我的 API 令牌', response: { 200: z.array(ApiToken) } } }, async (req) => auth.listTokens(deps, actorOf(req)));
    app.post('/tokens', { schema: { tags, summary: '新建 API 令牌（明文只返回一次）', body: z.object({ name: z.string().trim().min(1).max(64) }), response: { 200: ApiTokenCreated } } },
      async (req) => auth.createToken(deps, actorOf(req), req.body.name));
    app.delete('/tokens/:id', { schema: { tags, summary: '吊销 API 令牌', params: IdParams, response: { 200: Ok } } }, async (req) => {
      await auth.revokeToken(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    });
  };
}
