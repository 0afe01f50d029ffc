// /api/wecom/* (connection, sync, callback log), /api/groups, /api/customers/:id/wecom
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  WecomConnection, WecomConnectionInput, WecomConnectionTest, SyncOverview, SyncRun, SyncStartInput, CallbackLogItem,
  GroupListQuery, GroupListPage, GroupDetail, CustomerWecom, IdParams, WecomChannel,
} from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import { getConnection, saveConnection, testConnection } from './connection.service.ts';
import { syncOverview, requestSync } from './sync.service.ts';
import { customerWecom, listGroups, groupDetail, recentCallbacks } from './query.service.ts';
import { listChannels } from './contact-ways.service.ts';

export function channelRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['企业微信'];
    app.get('/wecom/connection', { schema: { tags, summary: '企业微信连接配置（密钥不返回）', response: { 200: WecomConnection.nullable() } } },
      async (req) => getConnection(deps, actorOf(req)));
    app.put('/wecom/connection', { schema: { tags, summary: '保存企业微信连接（管理员）', body: WecomConnectionInput, response: { 200: WecomConnection.nullable() } } },
      async (req) => saveConnection(deps, actorOf(req), req.body));
    app.post('/wecom/connection/test', { schema: { tags, summary: '测试连接：获取 access_token 与可联系客户的成员', response: { 200: WecomConnectionTest } } },
      async (req) => testConnection(deps, actorOf(req)));
    app.get('/wecom/sync', { schema: { tags, summary: '同步状态与最近的同步', response: { 200: SyncOverview } } }, async (req) => syncOverview(deps, actorOf(req)));
    app.post('/wecom/sync', { schema: { tags, summary: '开始同步（增量或全量）', body: SyncStartInput, response: { 200: SyncRun } } },
      async (req) => requestSync(deps, actorOf(req), actorOf(req).tenantId, req.body.kind));
    app.get('/wecom/callbacks', { schema: { tags, summary: '最近收到的回调', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.array(CallbackLogItem) } } },
      async (req) => recentCallbacks(deps, actorOf(req), req.query.limit));
    app.get('/wecom/channels', { schema: { tags, summary: '渠道活码：state 与企业给它起的名字（随同步更新）', response: { 200: z.array(WecomChannel) } } },
      async (req) => listChannels(deps, actorOf(req).tenantId));
    app.get('/groups', { schema: { tags: ['客户群'], summary: '客户群列表', querystring: GroupListQuery, response: { 200: GroupListPage } } },
      async (req) => listGroups(deps, actorOf(req), req.query));
    app.get('/groups/:chatId', { schema: { tags: ['客户群'], summary: '客户群详情与成员', params: z.object({ chatId: z.string().min(1).max(64) }), response: { 200: GroupDetail } } },
      async (req) => groupDetail(deps, actorOf(req), req.params.chatId));
    app.get('/customers/:id/wecom', { schema: { tags, summary: '客户的企业微信好友关系与所在群', params: IdParams, response: { 200: CustomerWecom } } },
      async (req) => customerWecom(deps, actorOf(req), req.params.id));
  };
}
