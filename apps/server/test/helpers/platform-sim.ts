// For the order-sync tests (commerce/order-*.test.ts): a real database (withTestDeps), the simulator in-process, a tenant, and
// a shop made on both sides — the simulated platform's (app key, secret, token) and Siyu's (the
// same credentials under the connector's keys, api_base_url = simulator URL + platform prefix).
import { startSimulator, PLATFORM_PREFIXES, type PlatformName, type PlatformOrderInput, type RunningSimulator } from '@siyu/simulator';
import type { Deps } from '../../src/deps.ts';
import { withTestDeps } from './db.ts';
import { createTenant } from '../../src/modules/tenancy/index.ts';
import { newId } from '../../src/core/index.ts';
import * as shopsRepo from '../../src/modules/commerce/shops.repo.ts';
import type { SyncOptions } from '../../src/modules/commerce/order-sync.ts';

export type World = { deps: Deps; sim: RunningSimulator; tenantId: string; close: () => Promise<void> };

export async function startWorld(): Promise<World> {
  const { deps, close } = await withTestDeps();
  const sim = await startSimulator({ port: 0 });
  const { tenantId } = await createTenant(deps, { slug: `t${Math.random().toString(36).slice(2, 10)}`, name: '滋补品牌' });
  return { deps, sim, tenantId, close: async () => { await sim.stop(); await close(); } };
}

export const PLATFORMS: PlatformName[] = ['taobao', 'douyin', 'pinduoduo', 'jd', 'kuaishou', 'youzan', 'wechat_shop'];

/** Siyu's credential keys per platform, filled from the simulated app. */
const CREDENTIALS: Record<PlatformName, (key: string, secret: string, token: string) => Record<string, string>> = {
  taobao: (k, s, t) => ({ appKey: k, appSecret: s, session: t }),
  douyin: (k, s, t) => ({ appKey: k, appSecret: s, accessToken: t }),
  pinduoduo: (k, s, t) => ({ clientId: k, clientSecret: s, accessToken: t }),
  jd: (k, s, t) => ({ appKey: k, appSecret: s, accessToken: t }),
  kuaishou: (k, s, t) => ({ appKey: k, signSecret: s, accessToken: t }),
  youzan: (k, s) => ({ clientId: k, clientSecret: s }),
  wechat_shop: (k, s) => ({ appId: k, appSecret: s }),
};

export type TestShop = { shopId: string; simShopId: string; platform: PlatformName };

export async function makeShop(w: World, platform: PlatformName, opts: { wrongSecret?: boolean; qps?: number; credentials?: Record<string, string> } = {}): Promise<TestShop> {
  const simShopId = `${platform === 'youzan' ? '9' : 'S'}${Math.floor(Math.random() * 1e9)}`;
  const key = `key-${simShopId}`;
  const secret = `secret-${simShopId}`;
  const token = `token-${simShopId}`;
  await w.sim.control.platforms.createShop({ platform, shop_id: simShopId, app_key: key, app_secret: secret, access_token: token, qps: opts.qps ?? 1000 });
  const shopId = newId();
  const creds = opts.credentials ?? CREDENTIALS[platform](key, opts.wrongSecret ? 'not-the-secret' : secret, token);
  await shopsRepo.insertShop(w.deps.db, {
    tenant_id: w.tenantId, id: shopId, platform, name: `${platform} ${simShopId}`, external_id: simShopId,
    api_base_url: `${w.sim.url}${PLATFORM_PREFIXES[platform]}`, credentials_enc: w.deps.pii.encrypt(JSON.stringify(creds)), sync_checkpoint: '{}',
  });
  return { shopId, simShopId, platform };
}

export const nowSec = () => Math.floor(Date.now() / 1000);

/** n single-item paid orders created evenly over [from, to] (Unix s), modified a minute after creation; ~n/6 buyers. */
export function spread(n: number, from: number, to: number, opts: { price?: number; buyers?: number } = {}): PlatformOrderInput[] {
  const buyers = opts.buyers ?? Math.max(1, Math.floor(n / 6));
  return Array.from({ length: n }, (_, k) => {
    const created = Math.floor(from + ((to - from) * k) / Math.max(1, n - 1));
    return {
      buyer: { id: `open-${k % buyers}`, nickname: `买家${k % buyers}` },
      items: [{ title: k % 2 ? '宁夏特级枸杞 500g' : '东阿阿胶糕 500g礼盒', price_fen: opts.price ?? (k % 2 ? 5_990 : 19_800), outer_code: k % 2 ? 'GQ-TJ-500' : 'EJ-GAO-500' }],
      status: 'paid', created_at: created, paid_at: created + 30, modified_at: created + 60,
    };
  });
}

/** Fast pacing and short backoff: the simulator answers in a millisecond. */
export const FAST: SyncOptions = { minIntervalMs: 0, retry: { baseMs: 5, maxMs: 40 } };

export const orderRows = (w: World, shopId: string) =>
  w.deps.db.selectFrom('orders').selectAll().where('tenant_id', '=', w.tenantId).where('shop_id', '=', shopId).execute();

export async function orderRow(w: World, shopId: string, orderNo: string) {
  return w.deps.db.selectFrom('orders').selectAll().where('tenant_id', '=', w.tenantId).where('shop_id', '=', shopId).where('order_no', '=', orderNo).executeTakeFirstOrThrow();
}

export const shopRow = (w: World, shopId: string) =>
  w.deps.db.selectFrom('shops').selectAll().where('tenant_id', '=', w.tenantId).where('id', '=', shopId).executeTakeFirstOrThrow();
