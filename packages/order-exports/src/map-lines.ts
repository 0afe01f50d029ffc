// Exports with one row per SKU line (JD, Douyin 抖店, Pinduoduo): each row gives an item plus the
// order-level columns, which repeat on every line of the same order. Consecutive rows of one order
// are grouped into one OrderRecord; order-level money is taken once, from the first line.
import type { ItemRecord, OrderRecord, Platform } from './records.ts';
import { RowError } from './errors.ts';
import type { ExportKind } from './headers.ts';
import { blankOrder, readStatusAndTimes } from './map-taobao.ts';
import { readPhones, receiverNameOf, regionOf } from './receiver.ts';
import type { RowView } from './row-view.ts';
import { aggregateRefund, refundStateOfText, type StatusFamily } from './status.ts';

export type LineRow = { order: OrderRecord; item: ItemRecord };

const FAMILY: Record<string, StatusFamily> = { jd_orders: 'jd', douyin_orders: 'douyin', pdd_orders: 'pinduoduo' };

const sum = (...xs: (number | null)[]) => (xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0));

export function mapLine(kind: ExportKind, r: RowView, line: number, platform: Platform): LineRow {
  const { id, suspect } = r.orderId();
  const o = blankOrder(platform, id, suspect, line);
  readStatusAndTimes(r, FAMILY[kind], o);
  o.postFen = r.moneyOrNull('postFen');
  Object.assign(o, readPhones(r.text('mobile'), r.text('tel')));
  o.receiverName = receiverNameOf(r.text('receiverName'));
  o.buyerMessage = r.text('buyerMessage');
  o.sellerMemo = r.text('sellerMemo');
  if (r.has('province')) {
    o.province = r.text('province');
    o.city = r.text('city');
    o.district = r.text('district');
  } else Object.assign(o, regionOf(r.text('address')));

  const quantity = r.count('quantity');
  if (quantity === null) throw new RowError('缺少商品数量');
  const item: ItemRecord = {
    subOrderId: r.text('subOrderId'),
    productId: r.text('productId'),
    skuId: r.text('skuId'),
    outerCode: r.text('outerCode'),
    title: r.text('title') ?? '',
    properties: r.text('properties'),
    priceFen: r.has('price') ? r.money('price') : null,
    quantity,
    amountFen: null,
    refundState: refundStateOfText(r.text('afterSaleStatus')),
    refundFen: null,
    rawStatus: o.rawStatus,
  };

  if (kind === 'jd_orders') {
    // JD: 订单金额/应付金额 are order totals repeated on every SKU row; 京东价 is the unit price.
    o.totalFen = r.money('totalFen');
    o.paidFen = r.money('paidFen');
    o.buyerKey = r.text('buyerAccount');
    o.buyerNick = o.buyerKey;
  } else if (kind === 'douyin_orders') {
    // 抖店 exports are per 子订单: 订单应付金额 is this line's payable amount (summed over lines).
    item.amountFen = r.money('paidFen');
    o.paidFen = item.amountFen;
    o.discountFen = r.moneyOrNull('discountFen');
    o.buyerKey = r.text('buyerOpenId');
  } else {
    // Pinduoduo: one goods line per order in practice; its money columns describe the order.
    o.paidFen = r.money('paidFen');
    const goods = r.moneyOrNull('goodsFen');
    o.totalFen = sum(goods, o.postFen);
    o.discountFen = sum(r.moneyOrNull('shopDiscountFen'), r.moneyOrNull('platformDiscountFen'), r.moneyOrNull('payDiscountFen'));
    // Pinduoduo lists only orders that were paid; 订单成交时间 is when payment went through.
    o.paidAt ??= o.createdAt;
    if (item.priceFen === null && goods !== null && quantity > 0 && goods % quantity === 0) item.priceFen = goods / quantity;
    o.buyerKey = r.text('buyerOpenId');
  }
  return { order: o, item };
}

/** Folds a run of lines of one order into its OrderRecord. */
export function finishGroup(kind: ExportKind, lines: LineRow[]): OrderRecord {
  const first = lines[0].order;
  const items = lines.map((l) => l.item);
  const order: OrderRecord = { ...first, items };
  if (kind === 'douyin_orders') {
    // Per-line money adds up; the freight is the order's and repeats, so it is taken once.
    order.paidFen = sum(...lines.map((l) => l.order.paidFen));
    order.discountFen = sum(...lines.map((l) => l.order.discountFen));
    const goods = items.every((i) => i.priceFen !== null) ? items.reduce((a, i) => a + (i.priceFen ?? 0) * i.quantity, 0) : null;
    order.totalFen = goods === null ? null : goods + (first.postFen ?? 0);
  }
  // Pinduoduo orders carry one goods line, so the order's payment is the line's. (Not for JD: a
  // single row may be a later, non-consecutive run of a bigger order.)
  if (kind === 'pdd_orders' && items.length === 1) items[0].amountFen = order.paidFen;
  order.refundState = aggregateRefund(items);
  return order;
}
