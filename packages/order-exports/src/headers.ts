// Header recognition by alias sets, never by position: export versions rename (买家实际支付金额 →
// 买家实付金额), reorder, add columns and leave trailing spaces (`收货地址 `). Each header maps to one
// canonical field; each kind of export is recognised by a fingerprint of headers it always has.
import type { Platform } from './records.ts';

export type Field =
  | 'orderId' | 'subOrderId' | 'buyerNick' | 'buyerAccount' | 'buyerOpenId'
  | 'status' | 'afterSaleStatus' | 'refundStatus' | 'closeReason'
  | 'createdAt' | 'paidAt' | 'shippedAt' | 'finishedAt'
  | 'totalFen' | 'paidFen' | 'goodsFen' | 'postFen' | 'discountFen' | 'shopDiscountFen' | 'platformDiscountFen' | 'payDiscountFen' | 'refundFen'
  | 'receiverName' | 'address' | 'province' | 'city' | 'district' | 'mobile' | 'tel'
  | 'buyerMessage' | 'sellerMemo' | 'shopId' | 'shopName'
  | 'title' | 'itemTitles' | 'price' | 'quantity' | 'productId' | 'skuId' | 'outerCode' | 'properties';

/** Aliases in priority order: when a file has two of them, the first one present wins. */
export const ALIASES: Record<Field, string[]> = {
  orderId: ['订单编号', '订单号', '主订单编号'],
  subOrderId: ['子订单编号'],
  buyerNick: ['买家会员名', '买家昵称'],
  buyerAccount: ['下单帐号', '下单账号'],
  // No export in the spec has a buyer open id column; these are the API names, should one appear.
  buyerOpenId: ['buyer_open_uid', 'doudian_open_id', 'open_id_buyer'],
  status: ['订单状态'],
  afterSaleStatus: ['售后状态'],
  refundStatus: ['退款状态'],
  closeReason: ['订单关闭原因', '取消原因'],
  createdAt: ['订单创建时间', '下单时间', '订单提交时间', '订单成交时间'],
  paidAt: ['订单付款时间', '付款时间', '支付完成时间', '支付时间', '付款确认时间'],
  shippedAt: ['发货时间'],
  finishedAt: ['确认收货时间', '订单完成时间', '交易成功时间'],
  totalFen: ['总金额', '订单金额', '订单总金额'],
  paidFen: ['买家实际支付金额', '买家实付金额', '用户实付金额(元)', '订单应付金额', '应付金额'],
  goodsFen: ['买家应付货款', '商品总价(元)'],
  postFen: ['买家应付邮费', '邮费(元)', '运费', '运费金额'],
  discountFen: ['优惠总金额'],
  shopDiscountFen: ['店铺优惠折扣(元)'],
  platformDiscountFen: ['平台优惠折扣(元)'],
  payDiscountFen: ['多多支付立减金额(元)'],
  refundFen: ['退款金额'],
  receiverName: ['收货人姓名', '收件人', '客户姓名', '收货人'],
  address: ['收货地址', '客户地址'],
  province: ['省', '省份'],
  city: ['市', '城市'],
  district: ['区', '区县'],
  mobile: ['联系手机', '收件人手机号', '收货人手机号', '用户购买手机号'],
  tel: ['联系电话'],
  buyerMessage: ['买家留言', '主订单买家留言'],
  sellerMemo: ['订单备注', '商家备注', '主订单备注', '商家备忘'],
  shopId: ['店铺Id'],
  shopName: ['店铺名称'],
  title: ['标题', '商品标题', '商品名称', '选购商品', '商品'],
  itemTitles: ['宝贝标题'],
  price: ['价格', '商品价格', '京东价', '商品单价', '商品金额'],
  quantity: ['购买数量', '订购数量', '商品数量', '商品数量(件)'],
  productId: ['商品id', '商品ID'],
  skuId: ['样式ID'],
  outerCode: ['商家编码', '商家编码-规格维度', '货号', '外部系统编号', '商家编码-商品维度'],
  properties: ['商品属性', '商品规格'],
};

export type ExportKind = 'taobao_orders' | 'taobao_items' | 'tmall_report' | 'jd_orders' | 'douyin_orders' | 'pdd_orders';

export type KindSpec = {
  kind: ExportKind;
  platform: Platform;
  label: string;
  /** Each entry is a group of alternative headers; every group must be present. */
  required: string[][];
  /** The file has these headers and no others (the reduced Tmall report is a subset of the full one). */
  exact?: boolean;
  /** Where a header means something else on this platform than in ALIASES. */
  overrides?: Partial<Record<Field, string[]>>;
};

const g = (...names: string[]) => names.map((n) => [n]);

export const KINDS: KindSpec[] = [
  {
    kind: 'taobao_orders', platform: 'taobao', label: '淘宝/天猫 订单报表',
    required: [...g('订单编号', '买家会员名'), ['买家实际支付金额', '买家实付金额'], ...g('订单状态', '订单创建时间')],
  },
  {
    kind: 'taobao_items', platform: 'taobao', label: '淘宝/天猫 宝贝报表',
    required: [['订单编号', '主订单编号'], ['标题', '商品标题'], ['价格', '商品价格'], ['购买数量']],
  },
  {
    kind: 'tmall_report', platform: 'tmall', label: '天猫 订单报表（精简版）',
    required: g('订单编号', '总金额', '买家实际支付金额', '收货地址', '订单创建时间', '订单付款时间', '退款金额'),
    exact: true,
  },
  {
    kind: 'jd_orders', platform: 'jd', label: '京东 订单导出',
    required: [...g('订单号', '商品名称', '订购数量', '下单时间', '订单状态'), ['下单帐号', '下单账号']],
    // JD's 订单备注 is what the buyer wrote; the seller's note is 商家备注.
    overrides: { buyerMessage: ['订单备注'], sellerMemo: ['商家备注'] },
  },
  {
    kind: 'douyin_orders', platform: 'douyin', label: '抖店 订单导出',
    required: g('主订单编号', '子订单编号', '选购商品', '商品数量', '订单提交时间', '订单状态'),
    // 主订单编号 is the order; 订单编号 does not exist there, but keep the order explicit.
    overrides: { orderId: ['主订单编号'] },
  },
  {
    kind: 'pdd_orders', platform: 'pinduoduo', label: '拼多多 订单导出',
    required: g('订单号', '商品', '订单状态', '商品数量(件)', '订单成交时间', '用户实付金额(元)'),
  },
];

/** Trimmed, BOM/quote-free, NFKC (（元）→(元)), no inner spaces, lower-case (商品id = 商品ID). */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/^="?|"$/g, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export type FieldIndex = Partial<Record<Field, { col: number; header: string }>>;

export type HeaderMatch = { spec: KindSpec; missing: string[]; score: number };

/** How well the headers fit each kind, best first. */
export function rankKinds(headers: string[]): HeaderMatch[] {
  const present = new Set(headers.map(headerKey));
  return KINDS.map((spec) => {
    const missing = spec.required.filter((alts) => !alts.some((a) => present.has(headerKey(a)))).map((alts) => alts.join('/'));
    const known = new Set(spec.required.flat().map(headerKey));
    const extra = spec.exact ? [...present].filter((h) => h !== '' && !known.has(h)).length : 0;
    // Extra columns count against an exact kind as much as missing ones.
    const score = (spec.required.length - missing.length - extra) / spec.required.length;
    return { spec, missing, score };
  }).sort((a, b) => b.score - a.score || a.missing.length - b.missing.length);
}

/** The kind whose fingerprint is complete, or null. */
export function detectKind(headers: string[]): KindSpec | null {
  const best = rankKinds(headers)[0];
  return best && best.score === 1 ? best.spec : null;
}

/** Column of every canonical field the file has. */
export function indexFields(headers: string[], spec: KindSpec): FieldIndex {
  const cols = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !cols.has(key)) cols.set(key, i);
  });
  const index: FieldIndex = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    for (const alias of spec.overrides?.[field] ?? ALIASES[field]) {
      const col = cols.get(headerKey(alias));
      if (col !== undefined) {
        index[field] = { col, header: headers[col].trim() };
        break;
      }
    }
  }
  return index;
}
