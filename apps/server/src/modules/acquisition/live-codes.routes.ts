// /api/live-codes: channel live codes (渠道活码) — list, create, edit, pause/resume, delete, QR and
// poster downloads, welcome send records, and the tenant's default welcome.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DefaultWelcome, IdParams, LiveCode, LiveCodeInput, Ok, WelcomeSend } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import * as svc from './live-codes.service.ts';
import { posterPng, qrPng, qrSvg } from './live-codes.qr.ts';

const download = (reply: FastifyReply, type: string, name: string, body: Buffer | string, inline: boolean) =>
  reply.header('content-type', type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'private, no-store').send(body);

const QrQuery = z.object({ size: z.coerce.number().int().min(120).max(2000).default(600), download: z.enum(['0', '1']).default('0') });
const PosterQuery = z.object({
  title: z.string().trim().max(20).optional(), subtitle: z.string().trim().max(30).optional(), footer: z.string().trim().max(30).optional(),
  download: z.enum(['0', '1']).default('0'),
});

export function liveCodeRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    const tags = ['渠道活码'];
    app.get('/live-codes', { schema: { tags, summary: '活码列表（今日/累计添加）', response: { 200: z.array(LiveCode) } } }, async (req) => svc.listCodes(deps, actorOf(req)));
    app.post('/live-codes', { schema: { tags, summary: '新建活码（在企业微信创建联系我二维码）', body: LiveCodeInput, response: { 200: LiveCode } } },
      async (req) => svc.createCode(deps, actorOf(req), req.body));
    app.get('/live-codes/:id', { schema: { tags, summary: '活码详情', params: IdParams, response: { 200: LiveCode } } }, async (req) => svc.getCode(deps, actorOf(req), req.params.id));
    app.put('/live-codes/:id', { schema: { tags, summary: '修改活码（同步更新企业微信，保留历史）', params: IdParams, body: LiveCodeInput, response: { 200: LiveCode } } },
      async (req) => svc.updateCode(deps, actorOf(req), req.params.id, req.body));
    for (const [path, status, summary] of [['pause', 'paused', '暂停活码（不再分配员工）'], ['resume', 'active', '恢复活码']] as const) {
      app.post(`/live-codes/:id/${path}`, { schema: { tags, summary, params: IdParams, response: { 200: LiveCode } } }, async (req) => {
        await svc.setStatus(deps, actorOf(req), req.params.id, status);
        return svc.getCode(deps, actorOf(req), req.params.id);
      });
    }
    app.delete('/live-codes/:id', { schema: { tags, summary: '删除活码（历史添加记录保留）', params: IdParams, response: { 200: Ok } } }, async (req) => {
      await svc.setStatus(deps, actorOf(req), req.params.id, 'deleted');
      return { ok: true as const };
    });
    app.get('/live-codes/:id/welcomes', { schema: { tags, summary: '欢迎语发送记录（最近 200 条）', params: IdParams, response: { 200: z.array(WelcomeSend) } } },
      async (req) => svc.welcomeSends(deps, actorOf(req), req.params.id));
    app.get('/live-codes/:id/qr.png', { schema: { tags, summary: '二维码 PNG', params: IdParams, querystring: QrQuery } }, async (req, reply) => {
      const { code } = await svc.visibleCode(deps, actorOf(req), req.params.id);
      return download(reply, 'image/png', `${code.name}.png`, await qrPng(code.qr_code, req.query.size), req.query.download === '0');
    });
    app.get('/live-codes/:id/qr.svg', { schema: { tags, summary: '二维码 SVG', params: IdParams, querystring: QrQuery } }, async (req, reply) => {
      const { code } = await svc.visibleCode(deps, actorOf(req), req.params.id);
      return download(reply, 'image/svg+xml; charset=utf-8', `${code.name}.svg`, await qrSvg(code.qr_code), req.query.download === '0');
    });
    app.get('/live-codes/:id/poster.png', { schema: { tags, summary: '海报 PNG（含品牌文案）', params: IdParams, querystring: PosterQuery } }, async (req, reply) => {
      const { code } = await svc.visibleCode(deps, actorOf(req), req.params.id);
      const q = req.query;
      const png = await posterPng(code.qr_code, { title: q.title || code.name, subtitle: q.subtitle || '扫码添加，领取专属福利', footer: q.footer || '企业微信 · 专属客服一对一服务' });
      return download(reply, 'image/png', `${code.name}-海报.png`, png, q.download === '0');
    });
    app.get('/live-code-settings/welcome', { schema: { tags, summary: '默认欢迎语', response: { 200: DefaultWelcome } } }, async (req) => svc.getDefaultWelcome(deps, actorOf(req)));
    app.put('/live-code-settings/welcome', { schema: { tags, summary: '设置默认欢迎语（未单独设置欢迎语的活码使用）', body: DefaultWelcome, response: { 200: DefaultWelcome } } },
      async (req) => svc.setDefaultWelcome(deps, actorOf(req), req.body.welcome));
  };
}
