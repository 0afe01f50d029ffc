// /api/attribution: what each channel kind, code/batch and staff member brought (orders and GMV per
// model, 反哺 orders), and the tenant's window. Figures are filtered by the actor's tenant and data
// scope: staff see the orders attributed to their own touches, a lead their department's.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AttributionQuery, AttributionSettings, AttributionSummary } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import { attributionSummary } from './attribution-summary.service.ts';
import { attributionSettings, setAttributionWindow } from './attribution.service.ts';

export function attributionRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['归因'];
    app.get('/attribution/summary', {
      schema: { tags, summary: '订单归因汇总：按渠道类型、渠道（活码/包裹卡批次）或员工，末次/首次/线性三种模型，含反哺天猫淘宝订单', querystring: AttributionQuery, response: { 200: AttributionSummary } },
    }, async (req) => attributionSummary(deps, actorOf(req), req.query));
    app.get('/attribution/settings', { schema: { tags, summary: '归因设置（归因窗口天数）', response: { 200: AttributionSettings } } },
      async (req) => attributionSettings(deps, actorOf(req)));
    app.put('/attribution/settings', { schema: { tags, summary: '修改归因窗口（管理员）；全部订单将在后台重新归因', body: AttributionSettings, response: { 200: AttributionSettings } } },
      async (req) => setAttributionWindow(deps, actorOf(req), req.body.windowDays));
  };
}
