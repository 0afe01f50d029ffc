// Routes of the cross-module flows: binding orders to WeCom friends (staff and H5), merging
// customers and undoing a merge.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BindingInput, BindingResult, H5BindInput, H5BindLink, H5LinkCheckInput, H5LinkStatus, MergeInput, MergeRecord, IdParams } from '@siyu/contracts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../modules/tenancy/index.ts';
import { visibleCustomer, mergesOf } from '../modules/customers/index.ts';
import { h5Token } from '../modules/commerce/index.ts';
import { bindOrderAsStaff, bindOrderFromH5, h5LinkStatus } from './bind-order.flow.ts';
import { mergeCustomersAsActor, undoMerge, mergeRecord } from './merge-customers.flow.ts';

export function flowRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['订单绑定与客户合并'];
    app.post('/bindings', { schema: { tags, summary: '员工把订单绑定到企业微信好友（需客户同意）', body: BindingInput, response: { 200: BindingResult } } },
      async (req) => bindOrderAsStaff(deps, actorOf(req), req.body));
    app.post('/customers/:id/bind-link', { schema: { tags, summary: '生成发给客户的订单绑定 H5 链接（7 天有效）', params: IdParams, response: { 200: H5BindLink } } }, async (req) => {
      const actor = actorOf(req);
      await visibleCustomer(deps, actor, req.params.id);
      const t = h5Token(deps, actor.tenantId, req.params.id);
      return { url: `/h5/bind?t=${encodeURIComponent(t.token)}`, expiresAt: t.expiresAt.toISOString() };
    });
    app.post('/h5/bind', { config: { public: true }, schema: { tags, summary: '客户在 H5 页面绑定自己的订单（无需登录，凭链接）', body: H5BindInput, response: { 200: z.object({ ok: z.literal(true), orders: z.number().int() }) } } },
      async (req) => bindOrderFromH5(deps, req.body));
    app.post('/h5/link', { config: { public: true }, schema: { tags, summary: '检查 H5 绑定链接：有效、无效或已过期（无需登录，按来源地址限流）', body: H5LinkCheckInput, response: { 200: H5LinkStatus } } },
      async (req) => ({ status: await h5LinkStatus(deps, req.body.token, req.ip) }));
    app.post('/customers/merge', { schema: { tags, summary: '合并两条客户记录（管理员，可撤销）', body: MergeInput, response: { 200: MergeRecord } } },
      async (req) => mergeCustomersAsActor(deps, actorOf(req), req.body.keepId, req.body.mergeId, req.body.reason));
    app.post('/merges/:id/undo', { schema: { tags, summary: '撤销一次合并', params: IdParams, response: { 200: MergeRecord } } },
      async (req) => undoMerge(deps, actorOf(req), req.params.id));
    app.get('/customers/:id/merges', { schema: { tags, summary: '客户的合并记录', params: IdParams, response: { 200: z.array(MergeRecord) } } }, async (req) => {
      const actor = actorOf(req);
      await visibleCustomer(deps, actor, req.params.id);
      return Promise.all((await mergesOf(deps, actor.tenantId, req.params.id)).map((m) => mergeRecord(deps, actor.tenantId, m.id)));
    });
  };
}
