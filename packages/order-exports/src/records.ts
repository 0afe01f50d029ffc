// The one shape every order source produces — back-office exports (openExport) and platform APIs
// (@siyu/platform-connectors) alike — and the writer (order-writer.ts) consumes. Money is integer
// fen, times are Dates (Asia/Shanghai wall times converted), ids are trimmed strings exactly as the
// platform has them.

export type Platform = 'taobao' | 'tmall' | 'jd' | 'douyin' | 'pinduoduo' | 'kuaishou' | 'youzan' | 'wechat_shop';
export const PLATFORMS: Platform[] = ['taobao', 'tmall', 'jd', 'douyin', 'pinduoduo', 'kuaishou', 'youzan', 'wechat_shop'];
/** The platforms' Chinese names, as operators read them in messages (店铺、错误、客户来源). */
export const PLATFORM_NAMES: Record<Platform, string> = {
  taobao: '淘宝', tmall: '天猫', jd: '京东', douyin: '抖音', pinduoduo: '拼多多', kuaishou: '快手', youzan: '有赞', wechat_shop: '微信小店',
};

/** Normalised order status; the platform's own text or code is kept beside it as rawStatus. */
export type OrderStatus = 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'closed';
export type RefundState = 'none' | 'in_progress' | 'partial' | 'full';

export type ItemRecord = {
  /** Sub-order id where the platform has one (Taobao 子订单编号, Douyin 子订单编号, Youzan oid…). */
  subOrderId: string | null;
  productId: string | null; // platform product id (商品ID / num_iid / goods_id)
  skuId: string | null; // platform SKU id
  outerCode: string | null; // the merchant's own code (商家编码 / outer_sku_id): how a brand knows its SKUs
  title: string;
  properties: string | null; // 商品属性 / 商品规格, e.g. "颜色分类：小号"
  priceFen: number | null; // unit price
  quantity: number;
  amountFen: number | null; // what the buyer paid for this line, when known
  refundState: RefundState;
  refundFen: number | null;
  rawStatus: string | null;
};

export type OrderRecord = {
  platform: Platform;
  orderId: string;
  /** The id looks destroyed by Excel (digits after the 15th all zero): stored, but flagged and never matched to API orders. */
  idSuspect: boolean;
  shopExternalId: string | null; // 店铺Id when the file names one
  shopName: string | null;
  status: OrderStatus;
  rawStatus: string;
  createdAt: Date | null;
  paidAt: Date | null;
  shippedAt: Date | null;
  finishedAt: Date | null;
  modifiedAt: Date | null; // API sources: the platform's modified time (drives incremental sync)
  totalFen: number | null; // goods + postage before discounts (总金额 / order_amount)
  paidFen: number | null; // what the buyer actually paid (买家实际支付金额 / pay_amount)
  postFen: number | null;
  discountFen: number | null;
  refundFen: number | null;
  refundState: RefundState;
  /**
   * The buyer as the platform identifies them, stable per shop: Taobao buyer_open_uid / ouid (old
   * exports: 买家会员名), Douyin doudian_open_id, JD open_id_buyer, Youzan yz_open_id, Kuaishou
   * openId, WeChat Shop openid. Never a rotating id (Taobao oaid). Null when the source has none.
   */
  buyerKey: string | null;
  buyerNick: string | null;
  unionid: string | null; // WeChat Shop orders: joins WeCom friends directly
  /** A full mainland mobile number, only where the source lawfully carries one in clear. */
  phone: string | null;
  receiverName: string | null; // as the platform gives it (often masked: 林*坤)
  receiverPhoneMasked: string | null; // 138****0000 / 1*********5 (never a full number)
  province: string | null;
  city: string | null;
  district: string | null;
  buyerMessage: string | null;
  sellerMemo: string | null;
  /** null = this source carries no items (Taobao 订单报表 alone, the reduced Tmall report). */
  items: ItemRecord[] | null;
  /** Line in the source file (1-based, header = 1) or null for API records. */
  line: number | null;
};

/** A 宝贝报表 row: an item of an order that may come from another file of the same export. */
export type LooseItem = ItemRecord & { orderId: string; idSuspect: boolean; orderStatus: OrderStatus | null; line: number };

export type RejectedRow = { line: number; reason: string; raw: string };
