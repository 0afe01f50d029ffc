// /callbacks/wecom/:tenantId — where WeCom posts events. Outside /api: WeCom signs, not logs in.
// GET answers URL verification; POST stores the event and answers "success" once it is durable.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { invalid } from '../../core/index.ts';
import { verifyCallbackUrl, receiveCallback, type Intake } from './intake.ts';

const Signed = z.object({ msg_signature: z.string().min(1), timestamp: z.string().min(1), nonce: z.string().min(1) });
const TenantParams = z.object({ tenantId: z.string().min(1).max(64) });

export function callbackRoutes(deps: Deps, intake: Intake): FastifyPluginAsync {
  return async (app) => {
    // XML (and the JSON variant) arrive as text: the signature covers the Encrypt field as sent.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));

    app.get('/callbacks/wecom/:tenantId', { schema: { hide: true } }, async (req, reply) => {
      const { tenantId } = parse(TenantParams, req.params);
      const q = parse(Signed.extend({ echostr: z.string().min(1) }), req.query);
      const plain = await verifyCallbackUrl(deps, tenantId, { msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, echostr: q.echostr });
      return reply.type('text/plain; charset=utf-8').send(plain);
    });

    app.post('/callbacks/wecom/:tenantId', { schema: { hide: true } }, async (req, reply) => {
      const { tenantId } = parse(TenantParams, req.params);
      const q = parse(Signed, req.query);
      const body = typeof req.body === 'string' ? req.body : '';
      await receiveCallback(deps, intake, tenantId, { msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce }, body);
      return reply.type('text/plain; charset=utf-8').send('success');
    });
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid('回调参数不完整', r.error.issues.map((i) => i.path.join('.')));
  return r.data;
}
