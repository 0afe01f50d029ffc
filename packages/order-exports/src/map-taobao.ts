// Taobao/Tmall seller-backend exports: 订单报表 (one row per order, no items), 宝贝报表 (one row per
// item, joined to the orders by 订单编号 by the writer) and the reduced 7-column Tmall report.
import type { LooseItem, OrderRecord, Platform } from './records.ts';
import { RowError } from './errors.ts';
import { readPhones, receiverNameOf, regionOf } from './receiver.ts';
import type { RowView } from './row-view.ts';
import { lineRefundState, normalizeStatus, refundStateOfAmounts, type StatusFamily } from './status.ts';

/** Every OrderRecord field, empty: mappers fill what their file has. */
export function blankOrder(platform: Platform, orderId: string, idSuspect: boolean, line: number): OrderRecord {
  return {
    platform, orderId, idSuspect, shopExternalId: null, shopName: null,
    status: 'paid', rawStatus: '',
    createdAt: null, paidAt: null, shippedAt: null, finishedAt: null, modifiedAt: null,
    totalFen: null, paidFen: null, postFen: null, discountFen: null, refundFen: null, refundState: 'none',
    buyerKey: null, buyerNick: null, unionid: null, phone: null, receiverName: null, receiverPhoneMasked: null,
    province: null, city: null, district: null, buyerMessage: null, sellerMemo: null,
    items: null, line,
  };
}

/** The status (required, recognised) and the order's times, as every order export has them. */
export function readStatusAndTimes(r: RowView, family: StatusFamily, o: OrderRecord): void {
  const rawStatus = r.text('status');
  if (!rawStatus) throw new RowError('缺少订单状态');
  const status = normalizeStatus(family, rawStatus);
  if (!status) throw new RowError(`无法识别的订单状态：${rawStatus}`);
  o.rawStatus = rawStatus;
  o.status = status;
  o.createdAt = r.date('createdAt');
  o.paidAt = r.date('paidAt');
  o.shippedAt = r.dateOrNull('shippedAt');
  o.finishedAt = r.dateOrNull('finishedAt');
}

/** 店铺Id/店铺名称 are `0` in old exports of single-shop sellers: that names no shop. */
const shopValue = (v: string | null) => (v === null || v === '0' ? null : v);

export function mapTaobaoOrder(r: RowView, line: number, platform: Platform): OrderRecord {
  const { id, suspect } = r.orderId();
  const o = blankOrder(platform, id, suspect, line);
  readStatusAndTimes(r, 'taobao', o);
  o.totalFen = r.money('totalFen');
  o.paidFen = r.money('paidFen');
  o.postFen = r.moneyOrNull('postFen');
  o.refundFen = r.money('refundFen');
  o.refundState = refundStateOfAmounts(o.refundFen, o.paidFen);
  if (o.refundState === 'none' && /退款成功/.test(o.rawStatus)) o.refundState = 'full';
  // Old exports have no buyer_open_uid: 买家会员名 is the per-shop nick and the only buyer id.
  // 买家支付宝账号 is a payment account, not an identity, and is deliberately not read.
  o.buyerNick = r.text('buyerNick');
  o.buyerKey = o.buyerNick;
  Object.assign(o, readPhones(r.text('mobile'), r.text('tel')), regionOf(r.text('address')));
  o.receiverName = receiverNameOf(r.text('receiverName'));
  o.buyerMessage = r.text('buyerMessage');
  o.sellerMemo = r.text('sellerMemo');
  o.shopExternalId = shopValue(r.text('shopId'));
  o.shopName = shopValue(r.text('shopName'));
  return o;
}

/**
 * The reduced Tmall report has no status column. What it does say: unpaid (no 订单付款时间), paid,
 * or paid and fully refunded (which Tmall closes). rawStatus stays empty: the file has none.
 */
export function mapTmallReport(r: RowView, line: number, platform: Platform): OrderRecord {
  const { id, suspect } = r.orderId();
  const o = blankOrder(platform, id, suspect, line);
  o.createdAt = r.date('createdAt');
  o.paidAt = r.date('paidAt');
  o.totalFen = r.money('totalFen');
  o.paidFen = r.money('paidFen');
  o.refundFen = r.money('refundFen');
  o.refundState = refundStateOfAmounts(o.refundFen, o.paidFen);
  o.status = o.paidAt === null ? 'pending_payment' : o.refundState === 'full' ? 'closed' : 'paid';
  o.province = regionOf(r.text('address')).province;
  return o;
}

export function mapTaobaoItem(r: RowView, line: number): LooseItem {
  const { id, suspect } = r.orderId();
  const quantity = r.count('quantity');
  if (quantity === null) throw new RowError(`缺少${'购买数量'}`);
  const amountFen = r.money('paidFen');
  const refundFen = r.moneyOrNull('refundFen');
  const rawStatus = r.text('status');
  return {
    orderId: id,
    idSuspect: suspect,
    orderStatus: normalizeStatus('taobao', rawStatus),
    line,
    subOrderId: r.text('subOrderId'),
    productId: r.text('productId'),
    skuId: null,
    outerCode: r.text('outerCode'),
    title: r.text('title') ?? '',
    properties: r.text('properties'),
    priceFen: r.money('price'),
    quantity,
    amountFen,
    refundState: lineRefundState(r.text('refundStatus'), refundFen, amountFen),
    refundFen,
    rawStatus,
  };
}
