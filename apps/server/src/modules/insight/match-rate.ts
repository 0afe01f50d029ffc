// How many of a shop's buyers are WeCom friends: the number the whole private-domain loop is
// about. Insight is the one module that reads across others (buyers per shop × WeCom relations),
// read-only; the numbers are kept by match-counts.consumer.ts as events arrive, not counted here.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MatchRate } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../tenancy/index.ts';
import { requireRole } from '../tenancy/index.ts';
import { insightDb } from './insight.tables.ts';
import * as repo from './match-counts.repo.ts';

const rate = (f: number, b: number) => (b ? Math.round((f / b) * 10_000) / 10_000 : 0);

function toApi(m: Awaited<ReturnType<typeof repo.matchCounts>>): MatchRate {
  return {
    shops: m.shops.map((r) => ({ shopId: r.shop_id, shopName: r.shop_name, platform: r.platform as MatchRate['shops'][number]['platform'], buyers: r.buyers, friends: r.friends, rate: rate(r.friends, r.buyers) })),
    total: { buyers: m.total.buyers, friends: m.total.friends, rate: rate(m.total.friends, m.total.buyers) },
  };
}

/** Friend buyers per shop, as kept by the match-counts consumer (commerce's shop list asks through a port). */
export const friendsByShop = (deps: Deps, tenantId: string): Promise<Map<string, number>> => repo.friendsByShop(insightDb(deps.db), tenantId);

/** The match rate as kept by the match-counts consumer: a few rows read, whatever the number of orders. */
export async function matchRate(deps: Deps, tenantId: string): Promise<MatchRate> {
  return toApi(await repo.matchCounts(insightDb(deps.db), tenantId));
}

/** The match rate counted from every order and relation: what the kept one must equal (tests, benchmark). */
export async function countedMatchRate(deps: Deps, tenantId: string): Promise<MatchRate> {
  return toApi(await repo.countedMatch(insightDb(deps.db), tenantId));
}

export function insightRoutes(deps: Deps): FastifyPluginAsync {
  return async (app0) => {
    const app = app0.withTypeProvider<ZodTypeProvider>();
    app.get('/commerce/match-rate', { schema: { tags: ['数据'], summary: '买家中已是企业微信好友的比例（按店铺）', response: { 200: MatchRate } } }, async (req) => {
      const actor = actorOf(req);
      requireRole(actor, 'operator_lead');
      return matchRate(deps, actor.tenantId);
    });
  };
}
