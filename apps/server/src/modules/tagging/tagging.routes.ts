// /api/tag-groups, /api/tags
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TagGroup, TagGroupInput, Tag, TagInput, TagUpdateInput, Ok, IdParams } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import * as svc from './tagging.service.ts';

export function taggingRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['标签'];
    app.get('/tag-groups', { schema: { tags, summary: '标签组及标签', response: { 200: z.array(TagGroup) } } }, async (req) => svc.listGroups(deps, actorOf(req)));
    app.post('/tag-groups', { schema: { tags, summary: '新建标签组', body: TagGroupInput, response: { 200: TagGroup } } }, async (req) => svc.createGroup(deps, actorOf(req), req.body));
    app.patch('/tag-groups/:id', { schema: { tags, summary: '修改标签组', params: IdParams, body: TagGroupInput.partial(), response: { 200: TagGroup } } },
      async (req) => svc.updateGroup(deps, actorOf(req), req.params.id, req.body));
    app.delete('/tag-groups/:id', { schema: { tags, summary: '删除标签组（连同其标签）', params: IdParams, response: { 200: Ok } } }, async (req) => {
      await svc.deleteGroup(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    });
    app.post('/tags', { schema: { tags, summary: '新建标签', body: TagInput, response: { 200: Tag } } }, async (req) => svc.createTag(deps, actorOf(req), req.body));
    app.patch('/tags/:id', { schema: { tags, summary: '修改标签', params: IdParams, body: TagUpdateInput, response: { 200: Tag } } },
      async (req) => svc.updateTag(deps, actorOf(req), req.params.id, req.body));
    app.delete('/tags/:id', { schema: { tags, summary: '删除标签', params: IdParams, response: { 200: Ok } } }, async (req) => {
      await svc.deleteTag(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    });
  };
}
