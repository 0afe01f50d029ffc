// The demo's live shop: 固元堂微信小店 on the bundled platform simulator, connected to Siyu through
// the real WeChat Shop connector (API sync every few minutes). Its simulated buyers are the demo's
// own WeChat Shop customers (same openid and unionid), so new orders land on known customers, and
// orders move on by themselves (paid → shipped → completed, a few refunds).
import type { RunningSimulator } from '@siyu/simulator';
import type { Deps } from '../deps.ts';
import { shopForImport, configureShopSync, newestWithIdentity } from './ports.ts';
import { DEMO_SHOPS, buyerKey } from './orders.ts';
import { CATALOGUE } from './catalogue.ts';

const SHOP_ID = 'wxdemoshop01';

export async function goLiveShop(deps: Deps, tenantId: string, sim: RunningSimulator, ordersPerMinute: number): Promise<void> {
  const appId = 'wxdemoapp0001';
  const appSecret = deps.pii.hash('demo-wechat-shop', tenantId).slice(0, 32);
  await sim.control.platforms.createShop({ platform: 'wechat_shop', shop_id: SHOP_ID, name: DEMO_SHOPS.wechat_shop, app_key: appId, app_secret: appSecret });
  const shop = await shopForImport(deps, tenantId, { platform: 'wechat_shop', shopName: DEMO_SHOPS.wechat_shop });
  await configureShopSync(deps, tenantId, shop.id, {
    externalId: SHOP_ID, apiBaseUrl: `${sim.url}/wechat-shop`, credentials: { appId, appSecret }, syncEnabled: true, syncIntervalMinutes: 5,
  });
  if (ordersPerMinute <= 0) return;
  const buyers = await newestWithIdentity(deps, tenantId, 'unionid', 3000);
  await sim.control.platforms.setPopulation('wechat_shop', SHOP_ID, {
    rate_per_minute: ordersPerMinute,
    buyers: buyers.map((b) => ({ id: buyerKey('wechat_shop', b.id), unionid: b.value, nickname: b.name })),
    products: CATALOGUE.filter((_, i) => i % 3 === 0).map((s) => ({ title: `固元堂 ${s.product}`, price_fen: s.priceFen, outer_code: s.sku, properties: s.spec })),
  });
}
