// Order status and refund state from the texts (and a few codes) each platform's export carries.
// Exact tables first, then keyword rules so that wording drift between export versions
// (`买家已付款,等待卖家发货` with a half-width comma, `(删除)等待出库`) still lands correctly.
import type { OrderStatus, RefundState } from './records.ts';

export type StatusFamily = 'taobao' | 'jd' | 'douyin' | 'pinduoduo';

const EXACT: Record<StatusFamily, Record<string, OrderStatus>> = {
  taobao: {
    等待买家付款: 'pending_payment',
    '买家已付款，等待卖家发货': 'paid',
    卖家部分发货: 'shipped',
    '卖家已发货，等待买家确认': 'shipped',
    买家已签收: 'completed',
    交易成功: 'completed',
    交易关闭: 'closed',
    退款成功: 'closed', // what importers map it to: the money went back, the trade is over
    // Some tools export the TOP API enum instead of the text.
    TRADE_NO_CREATE_PAY: 'pending_payment',
    WAIT_BUYER_PAY: 'pending_payment',
    PAY_PENDING: 'pending_payment',
    WAIT_SELLER_SEND_GOODS: 'paid',
    WAIT_PRE_AUTH_CONFIRM: 'paid',
    PAID_FORBID_CONSIGN: 'paid',
    SELLER_CONSIGNED_PART: 'shipped',
    WAIT_BUYER_CONFIRM_GOODS: 'shipped',
    TRADE_BUYER_SIGNED: 'completed',
    TRADE_FINISHED: 'completed',
    TRADE_CLOSED: 'closed',
    TRADE_CLOSED_BY_TAOBAO: 'closed',
  },
  douyin: {
    待确认: 'pending_payment',
    待支付: 'pending_payment',
    已支付: 'paid',
    备货中: 'paid',
    待发货: 'paid',
    部分发货: 'shipped',
    已发货: 'shipped',
    已取消: 'closed',
    已关闭: 'closed',
    已完成: 'completed',
    // order_status codes of the open API (spec §3), in case a tool exported codes.
    '1': 'pending_payment',
    '105': 'paid',
    '2': 'paid',
    '101': 'shipped',
    '3': 'shipped',
    '4': 'closed',
    '5': 'completed',
  },
  pinduoduo: {
    待支付: 'pending_payment',
    待发货: 'paid',
    已发货: 'shipped',
    '已发货，待收货': 'shipped',
    已发货待签收: 'shipped',
    待收货: 'shipped',
    已收货: 'completed',
    已签收: 'completed',
    已取消: 'closed',
    // pdd order_status codes: 1 待发货, 2 已发货待签收, 3 已签收.
    '1': 'paid',
    '2': 'shipped',
    '3': 'completed',
  },
  jd: {
    等待付款: 'pending_payment',
    等待付款确认: 'pending_payment',
    等待出库: 'paid',
    等待打印: 'paid',
    等待打包: 'paid',
    暂停: 'paid',
    等待发货: 'paid',
    等待确认收货: 'shipped',
    完成: 'completed',
    已完成: 'completed',
    取消: 'closed',
    已取消: 'closed',
    锁定: 'closed',
    WAIT_SELLER_STOCK_OUT: 'paid',
    WAIT_SELLER_DELIVERY: 'paid',
    POP_ORDER_PAUSE: 'paid',
    PAUSE: 'paid',
    WAIT_SEND_CODE: 'paid',
    WAIT_GOODS_RECEIVE_CONFIRM: 'shipped',
    FINISHED_L: 'completed',
    TRADE_CANCELED: 'closed',
    LOCKED: 'closed',
  },
};

/** Ordered: the first rule that matches wins, so "closed" beats the 付款 in 付款以后…交易关闭. */
const KEYWORDS: [RegExp, OrderStatus][] = [
  [/关闭|取消|退款成功|作废/, 'closed'],
  [/成功|完成|已收货|已签收/, 'completed'],
  [/已发货|部分发货|待收货|确认收货|已出库|配送/, 'shipped'],
  [/待发货|等待卖家发货|已付款|已支付|备货|出库/, 'paid'],
  [/待付款|待支付|等待付款|未付款|等待买家付款/, 'pending_payment'],
];

function canonicalText(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/,/g, '，')
    .replace(/^[(（](删除|已删除)[)）]/, ''); // JD marks orders the buyer deleted from their list
}

/** null when the text means nothing known: the row is rejected rather than guessed. */
export function normalizeStatus(family: StatusFamily, raw: string | null): OrderStatus | null {
  if (!raw) return null;
  const text = canonicalText(raw);
  const exact = EXACT[family][text];
  if (exact) return exact;
  for (const [re, status] of KEYWORDS) if (re.test(text)) return status;
  return null;
}

const REFUND_NONE = /^(无|无售后|无售后或售后取消|没有申请退款|NO_REFUND|CLOSED|SELLER_REFUSE_BUYER)$|关闭|拒绝|撤销|取消|失败|换货成功|补寄成功/;
const REFUND_DONE = /^SUCCESS$|退款成功|售后成功|退货退款成功|退款完成|已退款/;
const REFUND_OPEN = /^(WAIT_SELLER_AGREE|WAIT_BUYER_RETURN_GOODS|WAIT_SELLER_CONFIRM_GOODS)$|待|中|申请|等待/;

/**
 * 售后状态 / 退款状态 text of one line → its refund state; `full` means "this line's refund
 * succeeded" and is narrowed to partial by the amounts where the file has them.
 */
export function refundStateOfText(raw: string | null): RefundState {
  if (!raw) return 'none';
  const text = raw.replace(/\s+/g, '');
  if (REFUND_DONE.test(text)) return 'full';
  if (REFUND_NONE.test(text)) return 'none';
  if (REFUND_OPEN.test(text)) return 'in_progress';
  return /退|售后/.test(text) ? 'in_progress' : 'none';
}

/**
 * Taobao/Tmall money columns are net of refunds: in both real fixtures 买家实际支付金额 + 退款金额 =
 * 总金额 on every refunded row (a fully refunded order shows 买家实际支付金额 0). So a refund is full
 * when nothing net remains paid, partial otherwise.
 */
export function refundStateOfAmounts(refundFen: number | null, netPaidFen: number | null): RefundState {
  if (refundFen === null || refundFen <= 0) return 'none';
  if (netPaidFen === null) return 'partial';
  return netPaidFen <= 0 ? 'full' : 'partial';
}

/** A line's state from its 退款状态 text and, where present, its amounts. */
export function lineRefundState(text: string | null, refundFen: number | null, netAmountFen: number | null): RefundState {
  const byText = refundStateOfText(text);
  if (byText === 'in_progress') return 'in_progress';
  if (refundFen !== null && refundFen > 0) return netAmountFen === null ? (byText === 'full' ? 'full' : 'partial') : refundStateOfAmounts(refundFen, netAmountFen);
  return byText;
}

/** An order's state from its lines: free gifts (0.00) do not make a full refund partial. */
export function aggregateRefund(lines: { refundState: RefundState; amountFen: number | null }[]): RefundState {
  if (lines.length === 0) return 'none';
  const paid = lines.filter((l) => l.amountFen !== 0);
  const basis = paid.length > 0 ? paid : lines;
  if (basis.every((l) => l.refundState === 'full')) return 'full';
  if (lines.some((l) => l.refundState === 'full' || l.refundState === 'partial')) return 'partial';
  if (lines.some((l) => l.refundState === 'in_progress')) return 'in_progress';
  return 'none';
}
