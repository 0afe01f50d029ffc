// /api/customers…
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CustomerListQuery, CustomerListPage, CustomerDetail, CustomerCreateInput, CustomerUpdateInput, TimelineEntry,
  RevealPhoneInput, RevealedPhone, AssignTagsInput, CustomerTag, IdParams,
} from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import { tagsOfCustomers, customerHasTag, assignTags, type Actor } from './tagging-port.ts';
import * as svc from './customers.service.ts';
import { noChannels, type ChannelPort } from './channel-port.ts';

const Stats = z.object({
  total: z.number(), withPhone: z.number(), ownedByMe: z.number(),
  byDay: z.array(z.object({ date: z.string(), count: z.number() })),
  bySource: z.array(z.object({ source: z.string(), count: z.number() })),
});

async function detailWithTags(deps: Deps, actor: Actor, id: string, channels: ChannelPort) {
  const detail = await svc.customerDetail(deps, actor, id);
  const [tags, sources] = await Promise.all([tagsOfCustomers(deps, actor.tenantId, [id], true), channels.sourceChannels(deps, actor.tenantId, [id])]);
  return { ...detail, sourceChannel: sources.get(id) ?? null, tags: tags.get(id) ?? [] };
}

/** `channels`: the names of WeCom channel codes, from the channel module (main.ts passes its door). */
export function customersRoutes(deps: Deps, channels: ChannelPort = noChannels): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['客户'];

    app.get('/customers', { schema: { tags, summary: '客户列表（搜索、标签筛选、游标分页）', querystring: CustomerListQuery, response: { 200: CustomerListPage } } }, async (req) => {
      const actor = actorOf(req);
      const tagIds = (req.query.tagIds ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 20);
      const res = await svc.listCustomers(deps, actor, { ...req.query, tagIds }, tagIds.map((t) => customerHasTag(actor.tenantId, t)));
      const ids = res.page.map((c) => c.id);
      const [tagMap, sources] = await Promise.all([tagsOfCustomers(deps, actor.tenantId, ids, false), channels.sourceChannels(deps, actor.tenantId, ids)]);
      return {
        items: res.page.map((c) => ({
          ...c, sourceChannel: sources.get(c.id) ?? null, tags: (tagMap.get(c.id) ?? []).map((t) => ({ id: t.tagId, name: t.name, color: t.color })),
        })),
        nextCursor: res.nextCursor, total: res.total, totalCapped: res.totalCapped,
      };
    });
    app.get('/customers/stats', { schema: { tags, summary: '客户概览（数据范围内）', response: { 200: Stats } } }, async (req) => svc.stats(deps, actorOf(req)));
    app.post('/customers', { schema: { tags, summary: '新建客户', body: CustomerCreateInput, response: { 200: CustomerDetail } } }, async (req) => {
      const actor = actorOf(req);
      const c = await svc.createCustomer(deps, actor, req.body);
      return { ...c, sourceChannel: null, tags: [] };
    });
    app.get('/customers/:id', { schema: { tags, summary: '客户详情（手机号已脱敏）', params: IdParams, response: { 200: CustomerDetail } } },
      async (req) => detailWithTags(deps, actorOf(req), req.params.id, channels));
    app.patch('/customers/:id', { schema: { tags, summary: '修改客户资料', params: IdParams, body: CustomerUpdateInput, response: { 200: CustomerDetail } } }, async (req) => {
      const actor = actorOf(req);
      await svc.updateCustomer(deps, actor, req.params.id, req.body);
      return detailWithTags(deps, actor, req.params.id, channels);
    });
    app.get('/customers/:id/timeline', { schema: { tags, summary: '客户时间线', params: IdParams, response: { 200: z.object({ items: z.array(TimelineEntry) }) } } },
      async (req) => ({ items: await svc.timeline(deps, actorOf(req), req.params.id, channels) }));
    app.post('/customers/:id/reveal-phone', { schema: { tags, summary: '查看完整手机号（仅管理员，记入审计日志）', params: IdParams, body: RevealPhoneInput, response: { 200: RevealedPhone } } },
      async (req) => svc.revealPhone(deps, actorOf(req), req.params.id, req.body.reason, req.ip));
    app.post('/customers/:id/tags', { schema: { tags, summary: '给客户打标签 / 移除标签', params: IdParams, body: AssignTagsInput, response: { 200: z.object({ tags: z.array(CustomerTag) }) } } }, async (req) => {
      const actor = actorOf(req);
      await svc.visibleCustomer(deps, actor, req.params.id);
      await assignTags(deps, actor, req.params.id, req.body);
      return { tags: (await tagsOfCustomers(deps, actor.tenantId, [req.params.id], true)).get(req.params.id) ?? [] };
    });
  };
}
