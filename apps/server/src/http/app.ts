// The HTTP shell: Fastify + zod, OpenAPI at /api/openapi.json and docs at /api/docs, the error
// model ({ error: { code, message, details } }) and the console. The modules' routes and the actor
// hook are handed in by the composition root (main.ts).
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { installErrorHandler } from './errors.ts';
import { securityHeaders } from './security-headers.ts';

/** What the composition root hands the HTTP shell: it imports no module itself. */
export type HttpParts = {
  /** Resolves each request's actor before the routes run (tenancy's hook). */
  authenticate: (app: FastifyInstance) => void;
  /** Plugins served at the root (WeCom callbacks, public H5 endpoints) and under /api. */
  root: FastifyPluginAsync[];
  api: FastifyPluginAsync[];
  consoleDir?: string;
};

export async function buildHttp(deps: Deps, parts: HttpParts): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    // One line per request only when debugging: at production rates it would be most of the log.
    logController: new LogController({ disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace' }),
    // X-Forwarded-For is believed only from the proxies named in SIYU_TRUST_PROXY: otherwise any
    // client could choose the address that sessions record and per-address limits count.
    trustProxy: deps.config.trustProxy,
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
  await app.register(helmet, securityHeaders(app, deps.config.cookieSecure));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  parts.authenticate(app);
  for (const plugin of parts.root) await app.register(plugin);
  await app.register(async (api) => {
    for (const plugin of parts.api) await api.register(plugin);
  }, { prefix: '/api' });

  serveConsole(app, parts.consoleDir);
  return app;
}

// The built console is a single-page app: unknown non-API paths get index.html.
function serveConsole(app: FastifyInstance, dir: string | undefined) {
  const index = dir ? path.join(dir, 'index.html') : '';
  if (dir && fs.existsSync(index)) {
    app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
    const html = fs.readFileSync(index, 'utf8');
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) {
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.code(404).send({ error: { code: 'NOT_FOUND', message: req.url.startsWith('/api/') ? '接口不存在' : '控制台尚未构建（npm run build:console）' } }));
  }
}
