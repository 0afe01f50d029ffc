// Plumbing of the scenario API (/sim/*): plain JSON REST, errors as HTTP statuses with {error}.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Sim } from './sim-context.ts';
import type { FaultBook } from './faults.ts';
import type { RateLimits } from './rate-limits.ts';
import type { PopulationRunner } from './population.ts';
import { SimError, WecomError, badRequest } from './errors.ts';
import { INVALID_JSON } from './body-parser.ts';

export type ScenarioDeps = { sim: Sim; faults: FaultBook; rates: RateLimits; population: PopulationRunner; log: (err: unknown) => void };

export type Req = { params: Record<string, string>; body: Record<string, unknown>; rawBody: unknown; query: Record<string, string> };

export function simRoute(app: FastifyInstance, deps: ScenarioDeps, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, handler: (req: Req) => unknown) {
  app.route({
    method, url,
    handler: async (request: FastifyRequest, reply) => {
      try {
        if (request.body === INVALID_JSON) throw badRequest('the body is not valid JSON');
        const raw = request.body;
        const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
        const out = await handler({ params: request.params as Record<string, string>, body, rawBody: raw, query: request.query as Record<string, string> });
        if (method !== 'GET') deps.sim.dirty();
        return out ?? { ok: true };
      } catch (err) {
        if (err instanceof SimError) return reply.code(err.status).send({ error: err.message });
        if (err instanceof WecomError) return reply.code(400).send({ error: err.message, errcode: err.errcode });
        deps.log(err);
        return reply.code(500).send({ error: (err as Error).message });
      }
    },
  });
}
