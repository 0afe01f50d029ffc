import type { OrderStatus, Platform, RefundState } from '@siyu/contracts';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { yuanToFen } from '../../lib/format.ts';
import { useUrlListState } from '../../lib/use-url-list-state.ts';
import { ORDER_STATUSES, PLATFORMS, REFUND_STATES } from './labels.tsx';
import type { OrderFilters } from './orders.api.ts';

type Key = 'q' | 'platform' | 'shop' | 'status' | 'refund' | 'from' | 'to' | 'min' | 'max' | 'product';

const oneOf = <T extends string>(all: readonly T[], v: string | null): T | undefined => (v && all.includes(v as T) ? (v as T) : undefined);

/**
 * The order list's filters, cursor stack and open order, in the URL as on the customers page.
 * Dates stay YYYY-MM-DD and amounts stay yuan in the URL (what a person typed); the API gets
 * ISO instants (local midnight, `to` exclusive) and integer fen.
 */
export function useOrderListState() {
  const { params, update, setFilter, cursor, page, next, prev } = useUrlListState<Key>();

  const filters = useMemo<OrderFilters>(() => {
    const from = params.get('from');
    const to = params.get('to');
    return {
      q: params.get('q') || undefined,
      platform: oneOf<Platform>(PLATFORMS, params.get('platform')),
      shopId: params.get('shop') || undefined,
      status: oneOf<OrderStatus>(ORDER_STATUSES, params.get('status')),
      refund: oneOf<RefundState>(REFUND_STATES, params.get('refund')),
      from: from && dayjs(from).isValid() ? dayjs(from).startOf('day').toISOString() : undefined,
      to: to && dayjs(to).isValid() ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined,
      minFen: yuanToFen(params.get('min')),
      maxFen: yuanToFen(params.get('max')),
      productId: params.get('product') || undefined,
    };
  }, [params]);

  const raw = {
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    min: params.get('min') || undefined,
    max: params.get('max') || undefined,
  };
  const orderId = params.get('order') || undefined;

  const actions = useMemo(
    () => ({
      setQ: (q: string) => setFilter('q', q.trim() || undefined),
      set: (key: Exclude<Key, 'q' | 'from' | 'to'>, v: string | undefined) => setFilter(key, v),
      setDates: (from: string | undefined, to: string | undefined) =>
        update((p) => {
          for (const [k, v] of [['from', from], ['to', to]] as const) {
            if (v) p.set(k, v);
            else p.delete(k);
          }
          p.delete('c');
        }),
      // Opening and closing an order are history steps: the browser's back button undoes them.
      open: (id: string) => update((p) => p.set('order', id), false),
      close: () => update((p) => p.delete('order'), false),
    }),
    [setFilter, update],
  );

  return { filters, raw, cursor, page, orderId, next, prev, ...actions };
}
