// /api/call-lists, /api/call-tasks: call lists for COD buyers (电话回访). Every query is filtered by
// the actor's tenant and data scope (services); another tenant's ids answer 404.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallList, CallListInput, CallOutcomeInput, CallStaffStats, CallTask, CallTaskPage, CallTaskQuery, IdParams } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import * as lists from './call-lists.service.ts';
import * as tasks from './call-tasks.service.ts';
import { callListXlsx } from './call-lists.export.ts';

export function callListsRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['电话回访'];

    app.get('/call-lists', { schema: { tags, summary: '回访名单列表（含各结果进度，按数据范围统计）', response: { 200: z.array(CallList) } } },
      async (req) => lists.listCallLists(deps, actorOf(req)));
    app.post('/call-lists', { schema: { tags, summary: '新建回访名单：按店铺与订单筛选生成任务并分配员工（主管、管理员）', body: CallListInput, response: { 200: CallList } } },
      async (req) => lists.createCallList(deps, actorOf(req), req.body));
    app.get('/call-lists/:id', { schema: { tags, summary: '回访名单详情', params: IdParams, response: { 200: CallList } } },
      async (req) => lists.getCallList(deps, actorOf(req), req.params.id));
    app.post('/call-lists/:id/close', { schema: { tags, summary: '关闭回访名单（其买家可进入新名单）', params: IdParams, response: { 200: CallList } } },
      async (req) => lists.closeCallList(deps, actorOf(req), req.params.id));
    app.get('/call-lists/:id/stats', { schema: { tags, summary: '回访名单按员工统计', params: IdParams, response: { 200: CallStaffStats } } },
      async (req) => lists.staffStats(deps, actorOf(req), req.params.id));
    app.get('/call-lists/:id/export.xlsx', { schema: { tags, summary: '导出回访结果（Excel，手机号脱敏，记入审计日志）', params: IdParams } }, async (req, reply) => {
      const file = await callListXlsx(deps, actorOf(req), req.params.id, req.ip);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.body);
    });

    app.get('/call-tasks', { schema: { tags, summary: '回访任务（员工：我的任务；主管：本部门）', querystring: CallTaskQuery, response: { 200: CallTaskPage } } },
      async (req) => tasks.listCallTasks(deps, actorOf(req), req.query));
    app.get('/call-tasks/:id', { schema: { tags, summary: '回访任务详情（手机号脱敏，话术已填入变量）', params: IdParams, response: { 200: CallTask } } },
      async (req) => tasks.getCallTask(deps, actorOf(req), req.params.id));
    app.post('/call-tasks/:id/reveal', { schema: { tags, summary: '查看完整号码以拨打（仅负责员工，记入审计日志）', params: IdParams, response: { 200: z.object({ phone: z.string() }) } } },
      async (req) => tasks.revealCallPhone(deps, actorOf(req), req.params.id, req.ip));
    app.post('/call-tasks/:id/outcome', { schema: { tags, summary: '记录通话结果：已接通、已加企微、拒绝、空号、稍后回拨', params: IdParams, body: CallOutcomeInput, response: { 200: CallTask } } },
      async (req) => tasks.recordCallOutcome(deps, actorOf(req), req.params.id, req.body));
  };
}
