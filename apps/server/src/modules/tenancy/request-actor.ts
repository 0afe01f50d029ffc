// Who is asking, resolved once per request: every /api route needs an actor (session cookie or
// API token) unless it is marked public. Tenancy owns this (sessions and tokens are its tables);
// the HTTP shell installs the hook and every module's routes read the actor through `actorOf`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../core/index.ts';
import { actorFromCookie, actorFromToken } from './auth.service.ts';
import type { Actor } from './actor.ts';

export const SESSION_COOKIE = 'siyu_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

/** Installs the actor hook on the HTTP app (called by the HTTP shell). */
export function installActorHook(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || req.url === '/api/openapi.json') return;
    if (req.routeOptions.config?.public) return;
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : null;
    const cookie = req.cookies?.[SESSION_COOKIE];
    req.actor = bearer ? await actorFromToken(deps, bearer) : cookie ? await actorFromCookie(deps, cookie) : null;
    if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  });
}

/** The authenticated actor of a non-public route. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}
