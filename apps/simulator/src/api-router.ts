// The /cgi-bin/* front door, in WeCom's order of checks: the route exists; POST-only endpoints
// refuse GET (40058); access_token in the query string (41001 otherwise, even when it is in the
// body); the token is valid (40014 / 42001); injected faults; frequency limits (45009); then the
// handler. Every answer is HTTP 200 JSON with errcode/errmsg, as WeCom does.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { Sim } from './sim-context.ts';
import type { FaultBook } from './faults.ts';
import type { RateLimits } from './rate-limits.ts';
import type { Params } from './params.ts';
import { WecomError } from './errors.ts';
import { normalizeApi } from './faults.ts';
import { INVALID_JSON } from './body-parser.ts';
import { corpidOfTokenRequest, getToken, resolveToken } from './api-tokens.ts';
import { settleTransfers } from './transfer-settle.ts';

export type ApiDeps = { sim: Sim; faults: FaultBook; rates: RateLimits; log: (err: unknown) => void };

function errmsg(code: number, message: string): string {
  return `${message}, hint: [${Date.now()}-sim], more info at https://open.work.weixin.qq.com/devtool/query?e=${code}`;
}

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps, routes: ApiRoute[]) {
  const table = new Map(routes.map((r) => [r.path, r]));
  const { sim, faults, rates } = deps;

  async function gate(corpid: string | undefined, ip: string, api: string) {
    const fault = faults.take(corpid, api);
    if (fault?.delay_ms) await new Promise((r) => setTimeout(r, fault.delay_ms));
    if (fault?.errcode !== undefined && fault.errcode !== 0) throw new WecomError(fault.errcode, fault.errcode === -1 ? 'system busy' : 'injected fault');
    if (!(await rates.consume(corpid, ip, api))) throw new WecomError(45009, 'api freq out of limit');
  }

  async function handle(req: FastifyRequest, reply: FastifyReply) {
    const api = normalizeApi(req.url);
    const query = (req.query ?? {}) as Params;
    try {
      if (api === '/cgi-bin/gettoken') {
        await gate(corpidOfTokenRequest(query), req.ip, api);
        return { errcode: 0, errmsg: 'ok', ...getToken(sim, query) };
      }
      const route = table.get(api);
      if (!route) {
        reply.code(404);
        return { errcode: 404, errmsg: `the simulator has no API ${api}` };
      }
      if (route.method === 'POST' && req.method !== 'POST') throw new WecomError(40058, 'this API requires POST');
      const token = typeof query.access_token === 'string' ? query.access_token : '';
      if (!token) throw new WecomError(41001, 'access_token missing');
      const { corp, agentid } = resolveToken(sim, token);
      await gate(corp.corpid, req.ip, api);
      const ctx: ApiCtx = { sim, corp, agentid, query, ip: req.ip, p: query };
      if (route.method === 'POST') {
        const body = req.body;
        if (body === INVALID_JSON) throw new WecomError(47001, 'data format error');
        if (Buffer.isBuffer(body)) {
          ctx.upload = { body, contentType: String(req.headers['content-type'] ?? '') };
          ctx.p = {};
        } else {
          ctx.p = body && typeof body === 'object' && !Array.isArray(body) ? (body as Params) : {};
        }
      }
      settleTransfers(sim, corp);
      const result = await route.handler(ctx);
      if (!route.reads) sim.dirty();
      return { errcode: 0, errmsg: 'ok', ...result };
    } catch (err) {
      if (err instanceof WecomError) return { errcode: err.errcode, errmsg: errmsg(err.errcode, err.message) };
      deps.log(err);
      return { errcode: -1, errmsg: errmsg(-1, 'system busy') };
    }
  }

  app.route({ method: ['GET', 'POST'], url: '/cgi-bin/*', handler: handle });
}
