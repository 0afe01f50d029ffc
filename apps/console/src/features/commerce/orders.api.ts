import type { OrderDetail, OrderListPage, OrderListQuery } from '@siyu/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type OrderFilters = Omit<OrderListQuery, 'cursor' | 'limit' | 'customerId'>;

const PAGE_SIZE = 20;

export const orderKeys = {
  all: ['orders'] as const,
  list: (f: OrderFilters, cursor: string | undefined) => ['orders', 'list', f, cursor ?? null] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  customer: (customerId: string) => ['orders', 'customer', customerId] as const,
};

export function useOrderList(filters: OrderFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: orderKeys.list(filters, cursor),
    queryFn: () => api.get<OrderListPage>('/api/orders', { ...filters, cursor, limit: PAGE_SIZE }),
    // Keep the current page on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** One order with its items; disabled until an order is picked. */
export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: orderKeys.detail(id ?? ''),
    queryFn: () => api.get<OrderDetail>(`/api/orders/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    meta: { silent: true }, // the drawer renders 404 / errors as a Result
  });
}

/** A customer's orders from every platform, newest first, 20 at a time ("加载更多"). */
export function useCustomerOrders(customerId: string) {
  return useInfiniteQuery({
    queryKey: orderKeys.customer(customerId),
    queryFn: ({ pageParam }) =>
      api.get<OrderListPage>(`/api/customers/${encodeURIComponent(customerId)}/orders`, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    meta: { silent: true }, // the card shows its own error
  });
}
