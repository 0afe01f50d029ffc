// The order platforms on the simulator's server: seven gateways, each under its own prefix that
// stands for the platform's host (a shop's api_base_url = simulator URL + prefix), and the scenario
// API under /sim/platforms. TOP, JD and PDD clients post forms, so this scope adds a form parser
// (the simulator's root parser reads JSON only).
import type { FastifyInstance } from 'fastify';
import type { ScenarioDeps } from '../scenario-http.ts';
import { createGate } from './gateway.ts';
import { createPlatformPopulation } from './population.ts';
import { registerPlatformScenario } from './scenario.ts';
import { registerTaobao } from './taobao.ts';
import { registerDouyin } from './douyin.ts';
import { registerPdd } from './pdd.ts';
import { registerJd } from './jd.ts';
import { registerKuaishou } from './kuaishou.ts';
import { registerYouzan } from './youzan.ts';
import { registerWechatShop } from './wechat-shop.ts';

export type PlatformsRunner = { resume(): void; stop(): void };

/** Where each platform is mounted: the path that replaces the platform's real host. */
export const PLATFORM_PREFIXES = {
  taobao: '/taobao', douyin: '/douyin', pinduoduo: '/pdd', jd: '/jd', kuaishou: '/kuaishou', youzan: '/youzan', wechat_shop: '/wechat-shop',
} as const;

export async function mountPlatforms(app: FastifyInstance, deps: ScenarioDeps): Promise<PlatformsRunner> {
  const gate = createGate(deps.sim);
  const population = createPlatformPopulation(deps.sim, deps.log);
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    registerTaobao(scope, gate, deps.log);
    registerDouyin(scope, gate, deps.log);
    registerPdd(scope, gate, deps.log);
    registerJd(scope, gate, deps.log);
    registerKuaishou(scope, gate, deps.log);
    registerYouzan(scope, gate, deps.log);
    registerWechatShop(scope, gate, deps.log);
    registerPlatformScenario(scope, deps, gate, population);
  });
  return { resume: () => population.resume(), stop: () => population.stop() };
}

export { TONIC_PRODUCTS } from './catalogue.ts';
export type { PlatformName, OrderStatus as PlatformOrderStatus, OrderRefund as PlatformOrderRefund } from './state.ts';
