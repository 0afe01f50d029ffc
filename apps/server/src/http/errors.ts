// One place turns any thrown error into the API's error body.
import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../core/index.ts';

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.details !== undefined && { details: err.details }) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: v.instancePath || v.params?.issue?.path?.join('.') || '', message: v.message }));
      const first = issues[0];
      return reply.code(400).send({
        error: { code: 'VALIDATION_FAILED', message: `请求参数不正确${first ? `：${first.path ? first.path + ' ' : ''}${first.message}` : ''}`, details: { issues } },
      });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, too large a body, wrong content type…
      const message = e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? '请求体不是有效的 JSON'
        : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? '请求体过大' : `请求无效：${e.message ?? ''}`;
      return reply.code(e.statusCode).send({ error: { code: 'VALIDATION_FAILED', message, details: { reason: e.code } } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
  });
}
