// The HTTP server: Fastify + zod, OpenAPI at /api/openapi.json and docs at /api/docs, the error
// model ({ error: { code, message, details } }), authentication, module routes and the console.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { installErrorHandler } from './errors.ts';
import { installAuth } from './auth.ts';
import { tenancyRoutes } from '../modules/tenancy/index.ts';
import { customersRoutes, customerCountsByStaff } from '../modules/customers/index.ts';
import { taggingRoutes } from '../modules/tagging/index.ts';
import { channelRoutes, callbackRoutes, createIntake, coalesce } from '../modules/channel/index.ts';
import { commerceRoutes } from '../modules/commerce/index.ts';
import { insightRoutes, friendsByShop } from '../modules/insight/index.ts';
import { kickCallbacks, syncShopNow } from '../wiring.ts';
import { flowRoutes } from '../flows/flows.routes.ts';

export async function buildApp(deps: Deps, opts: { consoleDir?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    // One line per request only when debugging: at production rates it would be most of the log.
    logController: new LogController({ disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace' }),
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
  }) as unknown as FastifyInstance; // pino's Logger type is wider than Fastify's base logger type
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Siyu API', description: 'Siyu (私域) SCRM — 客户、标签、员工与组织的开放接口', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'siyu_session' },
          token: { type: 'http', scheme: 'bearer', description: 'API 令牌：siyu_<tenant>_<secret>' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  installAuth(app, deps);
  // WeCom callbacks: stored in batches, then handed to a worker (see modules/channel/intake.ts).
  const kick = coalesce((t) => kickCallbacks(deps, t), (err, t) => deps.log.warn({ err, tenantId: t }, 'could not queue callback processing'));
  const intake = createIntake(deps, (tenantIds) => {
    for (const t of tenantIds) kick(t);
  });
  app.addHook('onClose', async () => intake.drain());
  await app.register(callbackRoutes(deps, intake));
  await app.register(async (api) => {
    await api.register(tenancyRoutes(deps, customerCountsByStaff));
    await api.register(customersRoutes(deps));
    await api.register(taggingRoutes(deps));
    await api.register(channelRoutes(deps));
    await api.register(commerceRoutes(deps, { friendsByShop, syncShopNow: (tenantId, shopId) => syncShopNow(deps, tenantId, shopId) }));
    await api.register(insightRoutes(deps));
    await api.register(flowRoutes(deps));
  }, { prefix: '/api' });

  serveConsole(app, opts.consoleDir);
  return app;
}

// The built console is a single-page app: unknown non-API paths get index.html.
function serveConsole(app: FastifyInstance, dir: string | undefined) {
  const index = dir ? path.join(dir, 'index.html') : '';
  if (dir && fs.existsSync(index)) {
    app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
    const html = fs.readFileSync(index, 'utf8');
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.code(404).send({ error: { code: 'NOT_FOUND', message: req.url.startsWith('/api/') ? '接口不存在' : '控制台尚未构建（npm run build:console）' } }));
  }
}
