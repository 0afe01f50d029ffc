// Commerce: shops on the sales platforms, order imports (back-office exports) and API sync,
// orders with items, the product and SKU catalogue, and how well buyers are known as WeCom friends.
import { z } from 'zod';
import { msg } from './messages.ts';

export const Platform = z.enum(['taobao', 'tmall', 'jd', 'douyin', 'pinduoduo', 'kuaishou', 'youzan', 'wechat_shop']);
export type Platform = z.infer<typeof Platform>;
export const OrderStatus = z.enum(['pending_payment', 'paid', 'shipped', 'completed', 'closed']);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const RefundState = z.enum(['none', 'in_progress', 'partial', 'full']);
export type RefundState = z.infer<typeof RefundState>;

export const Shop = z.object({
  id: z.string(),
  platform: Platform,
  name: z.string(),
  externalId: z.string().nullable(), // the platform's shop id (店铺Id / shop_id)
  hasCredentials: z.boolean(), // API sync configured (credentials are write-only)
  apiBaseUrl: z.string().nullable(), // the platform's API (or the simulator's) for sync
  syncEnabled: z.boolean(),
  syncIntervalMinutes: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastSyncError: z.string().nullable(),
  syncedUntil: z.string().nullable(), // the modified-time checkpoint of API sync
  orderCount: z.number().int(),
  buyerCount: z.number().int(), // distinct customers with orders in this shop
  friendCount: z.number().int(), // of those, customers who are WeCom friends
  createdAt: z.string(),
});
export type Shop = z.infer<typeof Shop>;

/**
 * What each platform's order API needs, by the keys the server's connectors read (a shop's
 * credentials object). One list for the console's form and the connectors (a test keeps them equal).
 */
export type CredentialField = { key: string; label: string; secret: boolean };
const TOP: CredentialField[] = [
  { key: 'appKey', label: 'App Key', secret: false },
  { key: 'appSecret', label: 'App Secret', secret: true },
  { key: 'session', label: '店铺授权 SessionKey', secret: true },
];
const TOKEN = (idKey: string, idLabel: string, secretKey: string, secretLabel: string): CredentialField[] => [
  { key: idKey, label: idLabel, secret: false },
  { key: secretKey, label: secretLabel, secret: true },
  { key: 'accessToken', label: '店铺授权 access_token', secret: true },
];
export const PLATFORM_CREDENTIALS: Record<Platform, CredentialField[]> = {
  taobao: TOP,
  tmall: TOP,
  douyin: TOKEN('appKey', 'App Key', 'appSecret', 'App Secret'),
  pinduoduo: TOKEN('clientId', 'client_id', 'clientSecret', 'client_secret'),
  jd: TOKEN('appKey', 'App Key', 'appSecret', 'App Secret'),
  kuaishou: TOKEN('appKey', 'App Key', 'signSecret', 'signSecret（签名密钥）'),
  youzan: [
    { key: 'clientId', label: 'client_id', secret: false },
    { key: 'clientSecret', label: 'client_secret', secret: true },
    { key: 'grantId', label: '店铺 ID（kdt_id，留空用店铺外部 ID）', secret: false },
  ],
  wechat_shop: [
    { key: 'appId', label: 'AppID', secret: false },
    { key: 'appSecret', label: 'AppSecret', secret: true },
  ],
};

export const ShopInput = z.object({
  platform: Platform,
  name: z.string().trim().min(1).max(60),
  externalId: z.string().trim().max(64).nullable().optional(),
  apiBaseUrl: z.string().trim().url().nullable().optional(),
  // Write-only: omitted = keep the stored ones. Field names follow the platform (app key/secret, session token…).
  credentials: z.record(z.string(), z.string().max(512)).optional(),
  syncEnabled: z.boolean().optional(),
  syncIntervalMinutes: z.number().int().min(5).max(1440).optional(),
});
export type ShopInput = z.infer<typeof ShopInput>;

export const ImportStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportSummary = z.object({
  rowsRead: z.number().int(),
  ordersNew: z.number().int(),
  ordersUpdated: z.number().int(),
  ordersUnchanged: z.number().int(),
  ordersFlagged: z.number().int(), // ids that Excel may have destroyed: stored, flagged, never matched
  items: z.number().int(),
  productsNew: z.number().int(),
  skusNew: z.number().int(),
  customersNew: z.number().int(),
  customersMatched: z.number().int(),
  rowsRejected: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportJob = z.object({
  id: z.string(),
  shopId: z.string().nullable(),
  shopName: z.string().nullable(),
  platform: Platform.nullable(),
  files: z.array(z.object({ name: z.string(), kind: z.string().nullable(), encoding: z.string().nullable(), bytes: z.number().int() })),
  status: ImportStatus,
  progress: z.object({ bytesRead: z.number().int(), bytesTotal: z.number().int(), rows: z.number().int() }),
  summary: ImportSummary,
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportReject = z.object({ file: z.string(), line: z.number().int(), reason: z.string(), raw: z.string() });
export type ImportReject = z.infer<typeof ImportReject>;

export const OrderListQuery = z.object({
  platform: Platform.optional(),
  shopId: z.string().optional(),
  status: OrderStatus.optional(),
  refund: RefundState.optional(),
  from: z.string().optional(), // ISO date: created at or after
  to: z.string().optional(), // ISO date: created before
  minFen: z.coerce.number().int().optional(),
  maxFen: z.coerce.number().int().optional(),
  q: z.string().trim().max(100).optional(), // order id, or a product title fragment
  productId: z.string().optional(),
  customerId: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

export const OrderListItem = z.object({
  id: z.string(),
  platform: Platform,
  shopId: z.string(),
  shopName: z.string(),
  orderNo: z.string(), // the platform's order id
  idSuspect: z.boolean(),
  status: OrderStatus,
  rawStatus: z.string(),
  refundState: RefundState,
  createdAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  totalFen: z.number().int().nullable(),
  paidFen: z.number().int().nullable(),
  refundFen: z.number().int().nullable(),
  itemCount: z.number().int(),
  titles: z.string(), // first item titles, for the list
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
});
export type OrderListItem = z.infer<typeof OrderListItem>;
export const OrderListPage = z.object({ items: z.array(OrderListItem), nextCursor: z.string().nullable() });
export type OrderListPage = z.infer<typeof OrderListPage>;

export const OrderItem = z.object({
  id: z.string(),
  subOrderId: z.string().nullable(),
  productId: z.string().nullable(), // Siyu product id
  skuId: z.string().nullable(), // Siyu SKU id
  outerCode: z.string().nullable(),
  title: z.string(),
  properties: z.string().nullable(),
  priceFen: z.number().int().nullable(),
  quantity: z.number().int(),
  amountFen: z.number().int().nullable(),
  refundState: RefundState,
});
export type OrderItem = z.infer<typeof OrderItem>;

export const OrderDetail = OrderListItem.extend({
  shippedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  postFen: z.number().int().nullable(),
  discountFen: z.number().int().nullable(),
  buyerNickMasked: z.string().nullable(),
  receiverNameMasked: z.string().nullable(),
  receiverPhoneMasked: z.string().nullable(),
  district: z.string().nullable(),
  buyerMessage: z.string().nullable(),
  sellerMemo: z.string().nullable(),
  items: z.array(OrderItem),
  source: z.string(), // 导入 <file> / API 同步
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const Sku = z.object({
  id: z.string(),
  productId: z.string(),
  outerCode: z.string().nullable(),
  platformSkuId: z.string().nullable(),
  properties: z.string().nullable(),
  priceFen: z.number().int().nullable(),
  orderCount: z.number().int(),
});
export type Sku = z.infer<typeof Sku>;

export const Product = z.object({
  id: z.string(),
  name: z.string(),
  productLine: z.string().nullable(), // 阿胶 / 燕窝 … (the brand's own lines)
  category: z.string().nullable(),
  tags: z.array(z.string()),
  platforms: z.array(Platform),
  skuCount: z.number().int(),
  orderCount: z.number().int(),
  unitsSold: z.number().int(),
  createdAt: z.string(),
});
export type Product = z.infer<typeof Product>;
export const ProductDetail = Product.extend({ skus: z.array(Sku) });
export type ProductDetail = z.infer<typeof ProductDetail>;
export const ProductListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  productLine: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const ProductListPage = z.object({ items: z.array(Product), nextCursor: z.string().nullable(), total: z.number().int() });
export type ProductListPage = z.infer<typeof ProductListPage>;
export const ProductUpdate = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  productLine: z.string().trim().max(30).nullable().optional(),
  category: z.string().trim().max(30).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
});
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const MatchRate = z.object({
  shops: z.array(z.object({ shopId: z.string(), shopName: z.string(), platform: Platform, buyers: z.number().int(), friends: z.number().int(), rate: z.number() })),
  total: z.object({ buyers: z.number().int(), friends: z.number().int(), rate: z.number() }),
});
export type MatchRate = z.infer<typeof MatchRate>;

// Binding an order to a WeCom friend: by a staff member (API, later the sidebar) or by the customer on an H5 page.
export const BindingInput = z.object({
  orderNo: z.string().trim().min(4).max(40),
  platform: Platform.optional(),
  customerId: z.string(), // the WeCom friend's customer
  consent: z.literal(true, { message: msg('需要客户同意后才能绑定订单', 'The customer must agree before the order is bound') }),
  note: z.string().max(200).optional(),
});
export type BindingInput = z.infer<typeof BindingInput>;
export const BindingResult = z.object({
  bindingId: z.string(),
  customerId: z.string(), // the customer the order now belongs to
  mergedCustomerId: z.string().nullable(), // the buyer's former customer record, merged into it
  mergeId: z.string().nullable(), // undo with POST /api/merges/:id/undo
  orders: z.number().int(), // orders of that buyer now on the customer
});
export type BindingResult = z.infer<typeof BindingResult>;

export const H5BindInput = z.object({ token: z.string().min(10), orderNo: z.string().trim().min(4).max(40), consent: z.literal(true, { message: msg('请先勾选同意', 'Please tick the box to agree first') }) });
export const H5BindLink = z.object({ url: z.string(), expiresAt: z.string() });
// Any string: a malformed token is answered `invalid`, not refused, so the page can say so.
export const H5LinkCheckInput = z.object({ token: z.string() });
export const H5LinkStatus = z.object({ status: z.enum(['valid', 'invalid', 'expired']) });
export type H5LinkStatus = z.infer<typeof H5LinkStatus>;

export const MergeInput = z.object({ keepId: z.string(), mergeId: z.string(), reason: z.string().trim().min(2).max(200) });
export const MergeRecord = z.object({
  id: z.string(),
  keepId: z.string(),
  mergedId: z.string(),
  reason: z.string(),
  by: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;
