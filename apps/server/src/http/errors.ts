// One place turns any thrown error into the API's error body.
import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../core/index.ts';
import { localizedIssues, requestLang, validationMessage, type LocalizedIssue } from './validation-messages.ts';

type Part = 'body' | 'querystring' | 'params' | 'headers';

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.details !== undefined && { details: err.details }) } });
    }
    const lang = requestLang(req);
    if (hasZodFastifySchemaValidationErrors(err)) {
      // The validator compiler has no request, so it words issues in zod's default English; they are
      // worded again here, in the caller's language, by parsing the refused part once more.
      const part = (err as { validationContext?: Part }).validationContext;
      const schema = part ? (req.routeOptions.schema as Partial<Record<Part, unknown>> | undefined)?.[part] : undefined;
      const data = part === 'body' ? req.body : part === 'querystring' ? req.query : part === 'params' ? req.params : req.headers;
      const issues: LocalizedIssue[] = (schema instanceof z.core.$ZodType ? localizedIssues(schema, data, lang) : null)
        ?? err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? '', own: false }));
      return reply.code(400).send({
        error: { code: 'VALIDATION_FAILED', message: validationMessage(issues, lang), details: { issues: issues.map(({ path, message }) => ({ path, message })) } },
      });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, too large a body, wrong content type…
      const zh = lang === 'zh';
      const message = e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? (zh ? '请求体不是有效的 JSON' : 'The request body is not valid JSON')
        : e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? (zh ? '请求体过大' : 'The request body is too large') : `${zh ? '请求无效：' : 'Invalid request: '}${e.message ?? ''}`;
      return reply.code(e.statusCode).send({ error: { code: 'VALIDATION_FAILED', message, details: { reason: e.code } } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: lang === 'zh' ? '服务器内部错误，请稍后重试' : 'Internal server error, please try again later' } });
  });
}
