// How many of a shop's buyers are WeCom friends: the number the whole private-domain loop is
// about. Insight is the one module that reads across others (orders × WeCom relations), read-only.
import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MatchRate } from '@siyu/contracts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth.ts';
import { requireRole } from '../tenancy/index.ts';

type Row = { shop_id: string; shop_name: string; platform: string; buyers: number; friends: number };

async function byShop(deps: Deps, tenantId: string): Promise<Row[]> {
  const r = await sql<Row>`
    with buyers as (
      select distinct o.shop_id, o.customer_id from orders o where o.tenant_id = ${tenantId} and o.customer_id is not null
    )
    select s.id as shop_id, s.name as shop_name, s.platform,
      count(b.customer_id)::int as buyers,
      count(b.customer_id) filter (where exists (
        select 1 from wecom_relations w where w.tenant_id = ${tenantId} and w.customer_id = b.customer_id and w.status = 'active'))::int as friends
    from shops s left join buyers b on b.shop_id = s.id
    where s.tenant_id = ${tenantId}
    group by s.id, s.name, s.platform, s.created_at order by s.created_at`.execute(deps.db);
  return r.rows;
}

export async function friendsByShop(deps: Deps, tenantId: string): Promise<Map<string, number>> {
  return new Map((await byShop(deps, tenantId)).map((r) => [r.shop_id, r.friends]));
}

export async function matchRate(deps: Deps, tenantId: string): Promise<MatchRate> {
  const rows = await byShop(deps, tenantId);
  const all = (await sql<{ buyers: number; friends: number }>`
    with buyers as (select distinct customer_id from orders where tenant_id = ${tenantId} and customer_id is not null)
    select count(*)::int as buyers, count(*) filter (where exists (
      select 1 from wecom_relations w where w.tenant_id = ${tenantId} and w.customer_id = buyers.customer_id and w.status = 'active'))::int as friends
    from buyers`.execute(deps.db)).rows[0];
  const rate = (f: number, b: number) => (b ? Math.round((f / b) * 10_000) / 10_000 : 0);
  return {
    shops: rows.map((r) => ({ shopId: r.shop_id, shopName: r.shop_name, platform: r.platform as MatchRate['shops'][number]['platform'], buyers: r.buyers, friends: r.friends, rate: rate(r.friends, r.buyers) })),
    total: { buyers: all.buyers, friends: all.friends, rate: rate(all.friends, all.buyers) },
  };
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
