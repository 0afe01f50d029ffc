// The typed client of /sim/platforms/* — SimControl's `platforms` part. Amounts in fen, times in
// Unix seconds; `buyer.id` is the platform's buyer id for that shop (buyer_open_uid, doudian_open_id,
// open_id_buyer, yz_open_id, openId, WeChat openid — those names are accepted as aliases).
import type { OrderRefund, OrderStatus, PlatformName } from './state.ts';

export type PlatformShopInput = {
  platform: PlatformName; shop_id: string; name?: string;
  /** Taobao app_key / Douyin app_key / PDD client_id / JD app_key / Kuaishou appkey / Youzan client_id / WeChat appid. */
  app_key: string;
  /** The app secret (Kuaishou: the signSecret; Youzan: client_secret). */
  app_secret: string;
  /** Taobao session / the shop's access token (generated when omitted; Youzan and WeChat Shop issue theirs). */
  access_token?: string;
  qps?: number; // per app key; default 100
};
export type PlatformBuyerInput = { id?: string; unionid?: string; nickname?: string } & Record<string, string | undefined>;
export type PlatformItemInput = { title: string; price_fen: number; quantity?: number; product_id?: string; sku_id?: string; outer_code?: string; properties?: string };
export type PlatformOrderInput = {
  order_id?: string; buyer: PlatformBuyerInput; items: PlatformItemInput[];
  receiver?: Partial<{ name: string; phone: string; province: string; city: string; district: string; address: string }>;
  post_fen?: number; discount_fen?: number; status?: OrderStatus; refund?: OrderRefund;
  created_at: number; paid_at?: number; shipped_at?: number; finished_at?: number; modified_at?: number;
  buyer_message?: string; seller_memo?: string;
};
export type PlatformOrderChange = { status?: OrderStatus; refund?: OrderRefund; seller_memo?: string; at?: number };
export type PlatformOrderView = {
  order_id: string; buyer: { id: string; unionid?: string; nickname: string }; status: OrderStatus; created: number; modified: number;
  paid_at: number | null; shipped_at: number | null; finished_at: number | null; total_fen: number; paid_fen: number; refund_fen: number;
  items: Array<PlatformItemInput & { sub_id: string; paid_fen: number; refund: 'none' | 'in_progress' | 'full' }>;
};
export type PlatformPopulationInput = {
  rate_per_minute: number; buyers?: PlatformBuyerInput[]; products?: PlatformItemInput[];
  ship_after_seconds?: number; complete_after_seconds?: number; refund_rate?: number;
};
export type PlatformShopSummary = {
  platform: PlatformName; shop_id: string; name: string; orders: number; by_status: Record<OrderStatus, number>;
  population: { rate_per_minute: number; buyers: number; products: number } | null; calls: { list: number; detail: number };
};
export type PlatformTriggerInput = { after_list_calls: number; modify: Array<PlatformOrderChange & { order_id: string }> };
/** The platform's busy / limit answer for the next `count` calls (default 1), after letting `after_calls` through. */
export type PlatformFaultInput = { platform: PlatformName; shop_id?: string; kind: 'busy' | 'limit'; count?: number; after_calls?: number };

export type PlatformControl = {
  createShop(input: PlatformShopInput): Promise<{ platform: PlatformName; shop_id: string; access_token: string; created: boolean }>;
  shop(platform: PlatformName, shopId: string): Promise<PlatformShopSummary>;
  addOrders(platform: PlatformName, shopId: string, orders: PlatformOrderInput[]): Promise<{ order_ids: string[] }>;
  orders(platform: PlatformName, shopId: string): Promise<PlatformOrderView[]>;
  order(platform: PlatformName, shopId: string, orderId: string): Promise<PlatformOrderView>;
  modifyOrder(platform: PlatformName, shopId: string, orderId: string, change: PlatformOrderChange): Promise<PlatformOrderView>;
  setPopulation(platform: PlatformName, shopId: string, input: PlatformPopulationInput): Promise<{ rate_per_minute: number }>;
  addTrigger(platform: PlatformName, shopId: string, input: PlatformTriggerInput): Promise<void>;
  addFault(input: PlatformFaultInput): Promise<void>;
  clearFaults(): Promise<void>;
};

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function createPlatformControl(call: Call): PlatformControl {
  const enc = encodeURIComponent;
  const shop = (p: PlatformName, id: string) => `/sim/platforms/shops/${p}/${enc(id)}`;
  const none = async (p: Promise<unknown>) => {
    await p;
  };
  return {
    createShop: (input) => call('POST', '/sim/platforms/shops', input),
    shop: (p, id) => call('GET', shop(p, id)),
    addOrders: (p, id, orders) => call('POST', `${shop(p, id)}/orders`, { orders }),
    orders: (p, id) => call('GET', `${shop(p, id)}/orders`),
    order: (p, id, orderId) => call('GET', `${shop(p, id)}/orders/${enc(orderId)}`),
    modifyOrder: (p, id, orderId, change) => call('POST', `${shop(p, id)}/orders/${enc(orderId)}`, change),
    setPopulation: (p, id, input) => call('POST', `${shop(p, id)}/population`, input),
    addTrigger: (p, id, input) => none(call('POST', `${shop(p, id)}/triggers`, input)),
    addFault: (input) => none(call('POST', '/sim/platforms/faults', input)),
    clearFaults: () => none(call('DELETE', '/sim/platforms/faults')),
  };
}
