// The demo brand's order history on three platforms — 天猫旗舰店, 抖音小店, 微信小店 — written
// through the same writer as imports and API syncs. Each buyer is known on a platform by a stable
// buyer id (tied to the demo customer first, so the writer finds them: one customer across
// platforms); WeChat Shop orders carry the customer's unionid. Amounts and SKUs follow each
// customer's profile (orderCount, lastSku, lastOrderAt) from the customer seeder.
import crypto from 'node:crypto';
import type { Deps } from '../deps.ts';
import { shopForImport, writeOrders, addStats, emptyStats, type OrderRecord, type Platform, type WriteStats } from './ports.ts';
import { addCustomerIdentities, annotateProducts, customersWithProfileCount, type ProfiledCustomer } from './ports.ts';
import { CATALOGUE, type CatalogueSku } from './catalogue.ts';
import { createRng, type Rng } from './random.ts';

export const DEMO_SHOPS: Record<'tmall' | 'douyin' | 'wechat_shop', string> = { tmall: '固元堂天猫旗舰店', douyin: '固元堂抖音小店', wechat_shop: '固元堂微信小店' };
const DAY = 86_400_000;
const CHUNK = 2_000;

/** A customer who bought, with the profile the customer seeder wrote (customer-gen.ts). */
type Buyer = ProfiledCustomer & { profile: { productLine?: string; lastSku?: string; orderCount?: number; lastOrderAt?: string } };

function platformOf(rng: Rng, b: Buyer): keyof typeof DEMO_SHOPS {
  if (b.source === '抖音订单' || b.source === '直播间') return 'douyin';
  if (b.source === '淘宝订单' || b.source === '包裹卡' || b.source === '门店') return 'tmall';
  if (b.unionid && (b.source === '公众号' || b.source === '裂变活动' || rng.chance(0.3))) return 'wechat_shop';
  return 'tmall';
}
/** A stable buyer id per customer and platform, shaped like each platform's. */
export function buyerKey(platform: Platform, customerId: string): string {
  const h = crypto.createHash('sha256').update(`${platform}:${customerId}`).digest('base64url');
  return platform === 'douyin' ? `dy${h.slice(0, 24)}` : platform === 'wechat_shop' ? `o${h.slice(0, 27)}` : `AAF${h.slice(0, 21)}`;
}
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(10)).join('');
// Shaped like each platform's: Douyin 19 digits from 69…, WeChat Shop 19 from 37…, Tmall 18–19 digits.
const orderNo = (platform: Platform, rng: Rng) =>
  platform === 'douyin' ? `69${1 + rng.int(9)}${digits(rng, 16)}` : platform === 'wechat_shop' ? `37${1 + rng.int(9)}${digits(rng, 16)}` : `${1 + rng.int(4)}${digits(rng, 17)}`;

function ordersOf(rng: Rng, b: Buyer, platform: Platform, now: number): OrderRecord[] {
  const n = Math.max(1, Math.min(12, b.profile.orderCount ?? 1));
  let last = b.profile.lastOrderAt ? new Date(b.profile.lastOrderAt).getTime() : b.created.getTime();
  // The customer seeder clamps a future first order of a new customer to "now": spread those over their short tenure.
  if (now - last < 2 * 3_600_000) last = b.created.getTime() + rng.next() * Math.max(0, now - b.created.getTime());
  const first = Math.min(last, b.created.getTime() + rng.range(0, 10) * DAY);
  const line = CATALOGUE.filter((s) => s.line === b.profile.productLine);
  const pool = line.length ? line : CATALOGUE;
  const lastSku = CATALOGUE.find((s) => s.sku === b.profile.lastSku);
  const out: OrderRecord[] = [];
  for (let k = 0; k < n; k++) {
    const at = n === 1 ? last : first + ((last - first) * k) / (n - 1);
    const skus: CatalogueSku[] = [k === n - 1 && lastSku ? lastSku : pool[rng.int(pool.length)]];
    if (rng.chance(0.18)) skus.push(pool[rng.int(pool.length)]);
    const items = skus.map((s) => {
      const qty = rng.chance(0.7) ? 1 : rng.chance(0.7) ? 2 : 3;
      return { subOrderId: null, productId: null, skuId: null, outerCode: s.sku, title: `固元堂 ${s.product}`, properties: s.spec, priceFen: s.priceFen, quantity: qty, amountFen: s.priceFen * qty, refundState: 'none' as const, refundFen: null, rawStatus: null };
    });
    const goods = items.reduce((x, i) => x + i.amountFen, 0);
    const discount = goods >= 20_000 ? Math.round(goods * 0.1 / 100) * 100 : 0;
    const paid = goods - discount;
    const age = now - at;
    const status = age < DAY ? 'paid' : age < 4 * DAY ? 'shipped' : 'completed';
    const refund = rng.next();
    const refundFen = refund < 0.03 ? paid : refund < 0.05 ? Math.round(paid / 3) : null;
    const time = new Date(at);
    out.push({
      platform, orderId: orderNo(platform, rng), idSuspect: false, shopExternalId: null, shopName: null,
      status: refundFen === paid ? 'closed' : status, rawStatus: refundFen === paid ? '交易关闭' : status === 'completed' ? '交易成功' : status === 'shipped' ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货',
      createdAt: time, paidAt: new Date(at + 60_000), shippedAt: status !== 'paid' ? new Date(at + DAY / 2) : null, finishedAt: status === 'completed' ? new Date(at + 4 * DAY) : null, modifiedAt: null,
      totalFen: goods, paidFen: paid, postFen: 0, discountFen: discount, refundFen, refundState: refundFen === null ? 'none' : refundFen === paid ? 'full' : 'partial',
      buyerKey: buyerKey(platform, b.id), buyerNick: null, unionid: platform === 'wechat_shop' ? b.unionid : null, phone: null,
      receiverName: null, receiverPhoneMasked: null, province: b.province, city: b.city, district: null, buyerMessage: null, sellerMemo: null, items, line: null,
    });
  }
  return out;
}

export async function seedDemoOrders(deps: Deps, tenantId: string, progress: (done: number, total: number) => void = () => undefined): Promise<WriteStats> {
  const rng = createRng(20_261_123);
  const now = deps.clock.now().getTime();
  const shops = Object.fromEntries(await Promise.all(Object.entries(DEMO_SHOPS).map(async ([p, name]) => [p, await shopForImport(deps, tenantId, { platform: p as Platform, shopName: name })]))) as Record<keyof typeof DEMO_SHOPS, { id: string }>;
  const buyers = (await customersWithProfileCount(deps, tenantId, 'orderCount')) as Buyer[];
  let stats = emptyStats();
  for (let i = 0; i < buyers.length; i += CHUNK / 2) {
    const part = buyers.slice(i, i + CHUNK / 2);
    const byPlatform = new Map<keyof typeof DEMO_SHOPS, OrderRecord[]>();
    const identities: Array<{ customerId: string; value: string }> = [];
    for (const b of part) {
      const p = platformOf(rng, b);
      identities.push({ customerId: b.id, value: `${shops[p].id}:${buyerKey(p, b.id)}` });
      byPlatform.set(p, [...(byPlatform.get(p) ?? []), ...ordersOf(rng, b, p, now)]);
    }
    await addCustomerIdentities(deps, tenantId, 'platform_buyer', identities);
    for (const [p, records] of byPlatform) {
      stats = addStats(stats, await writeOrders(deps, { tenantId, shopId: shops[p].id, platform: p, importId: null, source: 'api' }, records));
    }
    progress(Math.min(buyers.length, i + part.length), buyers.length);
  }
  // The catalogue the brand keeps: product lines on the products the orders created.
  const seen = new Map(CATALOGUE.map((s) => [`固元堂 ${s.product}`, s.line]));
  await annotateProducts(deps, tenantId, [...seen].map(([name, line]) => ({ name, productLine: line, category: '滋补养生' })));
  return stats;
}
