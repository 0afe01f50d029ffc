// One content parser for everything: JSON when it parses (whatever the content-type says, as WeCom
// is lenient there), the raw buffer for multipart uploads, and a marker for broken JSON so the
// WeCom routes can answer 47001 instead of Fastify's HTTP 400.
import type { FastifyInstance } from 'fastify';

export const INVALID_JSON = Symbol('invalid-json');

export function installBodyParser(app: FastifyInstance, bodyLimit: number) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (req, body, done) => {
    const buf = body as Buffer;
    const ct = String(req.headers['content-type'] ?? '');
    if (ct.startsWith('multipart/form-data')) return done(null, buf);
    if (buf.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(buf.toString('utf8')));
    } catch {
      done(null, INVALID_JSON);
    }
  });
}
