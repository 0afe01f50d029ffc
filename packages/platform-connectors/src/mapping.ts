// Small rules every connector's mapping shares.
import type { ItemRecord, RefundState } from '@siyu/order-exports';

/** An order's refund from its lines: all refunded = full, some = partial, one under way = in progress. */
export function orderRefund(items: ItemRecord[]): { state: RefundState; fen: number | null } {
  const done = items.filter((i) => i.refundState === 'full');
  const fen = done.length ? done.reduce((a, i) => a + (i.amountFen ?? 0), 0) : null;
  if (done.length > 0 && done.length === items.length) return { state: 'full', fen };
  if (items.some((i) => i.refundState === 'in_progress')) return { state: 'in_progress', fen };
  return { state: done.length ? 'partial' : 'none', fen };
}

/** "规格:500g;颜色:红" from the platforms' attribute lists. */
export function props(list: unknown, key: string, value: string): string | null {
  if (!Array.isArray(list) || list.length === 0) return null;
  const parts = list.map((a) => `${(a as Record<string, unknown>)[key] ?? ''}:${(a as Record<string, unknown>)[value] ?? ''}`).filter((s) => s !== ':');
  return parts.length ? parts.join(';') : null;
}

/** Unit price from a line amount, when the API gives only the line. */
export const unitFen = (line: number | null, quantity: number) => (line === null || quantity <= 0 ? null : Math.round(line / quantity));
