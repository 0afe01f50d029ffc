import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** GET /api/customers/stats — not in @siyu/contracts yet; agreed shape with the server. */
export type CustomerStats = {
  total: number;
  withPhone: number;
  ownedByMe: number;
  /** New customers per day over the last 30 days, oldest first, date as YYYY-MM-DD. */
  byDay: { date: string; count: number }[];
  bySource: { source: string; count: number }[];
};

export function useCustomerStats() {
  return useQuery({
    queryKey: ['customers', 'stats'],
    queryFn: () => api.get<CustomerStats>('/api/customers/stats'),
  });
}
