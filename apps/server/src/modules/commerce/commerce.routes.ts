// /api/shops, /api/imports, /api/orders, /api/products, /api/customers/:id/orders
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { checkUpload, freeBytes, UPLOAD_LIMITS } from './upload-limits.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Shop, ShopInput, ImportJob, ImportReject, OrderListQuery, OrderListPage, OrderDetail, ProductListQuery, ProductListPage, ProductDetail, ProductUpdate,
  IdParams, Ok, Platform,
} from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import { AppError, invalid, newId } from '../../core/index.ts';
import { requireRole } from '../tenancy/index.ts';
import * as shops from './shops.service.ts';
import * as imports from './imports.service.ts';
import * as orders from './orders.service.ts';
import type { ImportFile } from './import-runner.ts';


/** What commerce's routes ask of the rest of Siyu, answered by the composition root (main.ts). */
export type CommercePorts = {
  /** WeCom friends among each shop's buyers (insight reads across modules). */
  friendsByShop: (deps: Deps, tenantId: string) => Promise<Map<string, number>>;
  /** Queues an API order sync of one shop now (a job). */
  syncShopNow: (tenantId: string, shopId: string) => Promise<void>;
};

export function commerceRoutes(deps: Deps, opts: CommercePorts): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    await app.register(multipart, { limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: UPLOAD_LIMITS.files, fields: 10 } });
    const t = { shop: ['店铺'], imp: ['订单导入'], ord: ['订单'], prod: ['商品'] };

    app.get('/shops', { schema: { tags: t.shop, summary: '店铺列表（含订单数、买家数、企微好友数）', response: { 200: z.array(Shop) } } }, async (req) => {
      const actor = actorOf(req);
      return shops.listShops(deps, actor, await opts.friendsByShop(deps, actor.tenantId));
    });
    app.post('/shops', { schema: { tags: t.shop, summary: '新建店铺（管理员）', body: ShopInput, response: { 200: Shop } } }, async (req) => shops.createShop(deps, actorOf(req), req.body));
    app.patch('/shops/:id', { schema: { tags: t.shop, summary: '修改店铺与 API 同步设置', params: IdParams, body: ShopInput.partial(), response: { 200: Shop } } },
      async (req) => shops.updateShop(deps, actorOf(req), req.params.id, req.body));
    app.post('/shops/:id/sync', { schema: { tags: t.shop, summary: '立即通过平台 API 同步订单', params: IdParams, response: { 200: Ok } } }, async (req) => {
      const actor = actorOf(req);
      requireRole(actor, 'admin');
      await shops.shopForSync(deps, actor.tenantId, req.params.id);
      await opts.syncShopNow(actor.tenantId, req.params.id);
      return { ok: true as const };
    });

    // Upload: files are streamed to the data directory, then a job imports them (the answer comes at once).
    app.post('/imports', { schema: { tags: t.imp, summary: '上传订单导出文件并开始导入（multipart：file 可多个，shopId、platform 可选）', response: { 200: ImportJob } } }, async (req) => {
      const actor = actorOf(req);
      requireRole(actor, 'operator_lead');
      if (!req.isMultipart()) throw invalid('请以 multipart/form-data 上传文件');
      const id = newId();
      const dir = imports.importDir(deps, id);
      const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
      checkUpload(Number.isFinite(declared) ? declared : null, freeBytes(dir), deps.config.uploadReserveBytes);
      fs.mkdirSync(dir, { recursive: true });
      const files: ImportFile[] = [];
      const fields: Record<string, string> = {};
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const safe = path.basename(part.filename || 'upload').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120);
            const dest = path.join(dir, `${files.length}-${safe}`);
            await pipeline(part.file, fs.createWriteStream(dest));
            if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `文件「${part.filename}」超过单个文件 1 GB 的上限`);
            files.push({ name: part.filename || safe, path: dest, bytes: fs.statSync(dest).size });
          } else fields[part.fieldname] = String(part.value ?? '');
        }
        if (files.length === 0) throw invalid('请选择要导入的文件');
        const platform = fields.platform ? Platform.safeParse(fields.platform) : null;
        if (platform && !platform.success) throw invalid('平台参数无效');
        await imports.createImport(deps, actor, actor.tenantId, { id, files, shopId: fields.shopId || null, platform: platform?.data ?? null });
      } catch (err) {
        fs.rmSync(dir, { recursive: true, force: true });
        if ((err as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('PAYLOAD_TOO_LARGE', `一次最多上传 ${UPLOAD_LIMITS.files} 个文件`);
        throw err;
      }
      await deps.jobs?.add(imports.IMPORT_TASK, { tenantId: actor.tenantId, importId: id }, { queueName: `commerce-import:${actor.tenantId}`, maxAttempts: 1 });
      return imports.getImport(deps, actor, actor.tenantId, id);
    });
    app.get('/imports', { schema: { tags: t.imp, summary: '最近的导入', response: { 200: z.array(ImportJob) } } }, async (req) => imports.listImports(deps, actorOf(req)));
    app.get('/imports/:id', { schema: { tags: t.imp, summary: '导入进度与结果', params: IdParams, response: { 200: ImportJob } } },
      async (req) => imports.getImport(deps, actorOf(req), actorOf(req).tenantId, req.params.id));
    app.get('/imports/:id/rejects', { schema: { tags: t.imp, summary: '被拒绝的行（前 200 行）', params: IdParams, response: { 200: z.array(ImportReject) } } },
      async (req) => imports.importRejects(deps, actorOf(req), req.params.id));
    app.get('/imports/:id/rejects.xlsx', { schema: { tags: t.imp, summary: '下载全部被拒绝的行（Excel，含个人信息，记入审计日志）', params: IdParams } }, async (req, reply) => {
      const actor = actorOf(req);
      await imports.getImport(deps, actor, actor.tenantId, req.params.id);
      reply.raw.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`导入错误明细-${req.params.id.slice(-8)}.xlsx`)}`,
      });
      await imports.writeRejectsXlsx(deps, actor, actor.tenantId, req.params.id, reply.raw);
      reply.raw.end();
      return reply;
    });

    app.get('/orders', { schema: { tags: t.ord, summary: '订单列表（筛选：平台、店铺、状态、时间、金额、商品）', querystring: OrderListQuery, response: { 200: OrderListPage } } },
      async (req) => orders.listOrders(deps, actorOf(req), req.query));
    app.get('/orders/:id', { schema: { tags: t.ord, summary: '订单详情（收件信息已脱敏）', params: IdParams, response: { 200: OrderDetail } } },
      async (req) => orders.orderDetail(deps, actorOf(req), req.params.id));
    app.get('/customers/:id/orders', { schema: { tags: t.ord, summary: '客户在各平台的订单', params: IdParams, querystring: z.object({ cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: OrderListPage } } },
      async (req) => orders.customerOrders(deps, actorOf(req), req.params.id, req.query.cursor, req.query.limit));

    app.get('/products', { schema: { tags: t.prod, summary: '商品列表', querystring: ProductListQuery, response: { 200: ProductListPage } } },
      async (req) => orders.listProducts(deps, actorOf(req), req.query));
    app.get('/products/:id', { schema: { tags: t.prod, summary: '商品与 SKU', params: IdParams, response: { 200: ProductDetail } } },
      async (req) => orders.productDetail(deps, actorOf(req), req.params.id));
    app.patch('/products/:id', { schema: { tags: t.prod, summary: '编辑商品（名称、产品线、类目、标签）', params: IdParams, body: ProductUpdate, response: { 200: ProductDetail } } },
      async (req) => orders.updateProduct(deps, actorOf(req), req.params.id, req.body));
  };
}
