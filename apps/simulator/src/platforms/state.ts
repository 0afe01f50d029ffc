// The order platforms' state: shops with their app credentials, orders in one platform-neutral
// shape (money in fen, times in Unix seconds, plaintext receivers), issued access tokens and the
// population settings. Each platform module renders these orders the way its API does — units,
// statuses, masked and encrypted receivers — so the same scenario drives all seven APIs.
//
// It lives inside the simulator's one JSON state (sim.state.platforms) so persistence.ts snapshots
// and restores it with everything else; SimState does not declare the field, hence the accessor.
import type { Sim } from '../sim-context.ts';
import type { SimState } from '../state.ts';

export type PlatformName = 'taobao' | 'douyin' | 'pinduoduo' | 'jd' | 'kuaishou' | 'youzan' | 'wechat_shop';
export const PLATFORM_NAMES: PlatformName[] = ['taobao', 'douyin', 'pinduoduo', 'jd', 'kuaishou', 'youzan', 'wechat_shop'];

export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'closed';
export const ORDER_STATUSES: OrderStatus[] = ['pending_payment', 'paid', 'shipped', 'completed', 'closed'];
/** Per item: 'full' = this item was refunded. Per order: derived (see orderRefund). */
export type ItemRefund = 'none' | 'in_progress' | 'full';
export type OrderRefund = 'none' | 'in_progress' | 'partial' | 'full';

/** The buyer as this shop's platform (and app) identifies them: buyer_open_uid, doudian_open_id, open_id_buyer, yz_open_id, openId, openid. */
export type Buyer = { id: string; unionid?: string; nickname: string };
export type Receiver = { name: string; phone: string; province: string; city: string; district: string; address: string };

export type OrderItem = {
  sub_id: string; product_id: string; sku_id: string; outer_code: string; title: string; properties: string;
  price_fen: number; quantity: number; paid_fen: number; refund: ItemRefund;
};

export type Order = {
  order_id: string; buyer: Buyer; receiver: Receiver; items: OrderItem[];
  post_fen: number; discount_fen: number; status: OrderStatus;
  created: number; paid_at: number | null; shipped_at: number | null; finished_at: number | null; modified: number;
  buyer_message: string; seller_memo: string;
  /** Orders made by population mode progress on their own; scenario orders only when told. */
  auto: boolean;
};

export type Product = { title: string; price_fen: number; product_id?: string; sku_id?: string; outer_code?: string; properties?: string };

export type ShopPopulation = {
  rate_per_minute: number; buyers: Buyer[]; products: Product[];
  /** Sim seconds an auto order waits before the next step (paid → shipped → completed). */
  ship_after_seconds: number; complete_after_seconds: number; refund_rate: number;
};

export type PlatformShop = {
  platform: PlatformName; shop_id: string; name: string;
  app_key: string; app_secret: string; access_token: string;
  qps: number; // per app key, over a one-second window; past it the platform's "limit" error
  orders: Record<string, Order>;
  seq: number;
  population: ShopPopulation | null;
};

export type IssuedToken = { shop: string; expires_at: number };
export type PlatformsState = { shops: Record<string, PlatformShop>; tokens: Record<string, IssuedToken> };

type WithPlatforms = SimState & { platforms?: PlatformsState };

export function platformsState(sim: Sim): PlatformsState {
  const s = sim.state as WithPlatforms;
  s.platforms ??= { shops: {}, tokens: {} };
  s.platforms.tokens ??= {};
  return s.platforms;
}

export const shopKey = (platform: PlatformName, shopId: string) => `${platform}:${shopId}`;

export function findShop(sim: Sim, platform: PlatformName, shopId: string): PlatformShop | undefined {
  return platformsState(sim).shops[shopKey(platform, shopId)];
}

/** Shops of one platform that use this app key (an ISV app serves many shops; the token tells them apart). */
export function shopsByAppKey(sim: Sim, platform: PlatformName, appKey: string): PlatformShop[] {
  return Object.values(platformsState(sim).shops).filter((s) => s.platform === platform && s.app_key === appKey);
}

export function isPlatform(v: unknown): v is PlatformName {
  return typeof v === 'string' && (PLATFORM_NAMES as string[]).includes(v);
}

export const totalFen = (o: Order) => o.items.reduce((a, i) => a + i.price_fen * i.quantity, 0) + o.post_fen;
export const paidFen = (o: Order) => o.items.reduce((a, i) => a + i.paid_fen, 0) + o.post_fen;
export const refundFen = (o: Order) => o.items.filter((i) => i.refund === 'full').reduce((a, i) => a + i.paid_fen, 0);

export function orderRefund(o: Order): OrderRefund {
  const done = o.items.filter((i) => i.refund === 'full').length;
  if (done > 0 && done === o.items.length) return 'full';
  if (o.items.some((i) => i.refund === 'in_progress')) return 'in_progress';
  return done > 0 ? 'partial' : 'none';
}
