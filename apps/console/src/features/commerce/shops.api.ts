import type { MatchRate, Shop, ShopInput } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const shopKeys = {
  all: ['shops'] as const,
  matchRate: ['commerce', 'match-rate'] as const,
};

/** `poll`: the shops page refreshes now and then, so a sync's outcome (last sync, error) shows up. */
export function useShops({ poll = false }: { poll?: boolean } = {}) {
  return useQuery({ queryKey: shopKeys.all, queryFn: () => api.get<Shop[]>('/api/shops'), refetchInterval: poll ? 15_000 : false });
}

/** 好友匹配率 by shop: buyers who are also WeCom friends. */
export function useMatchRate() {
  return useQuery({
    queryKey: shopKeys.matchRate,
    queryFn: () => api.get<MatchRate>('/api/commerce/match-rate'),
    meta: { silent: true }, // the card shows its own error (the overview must not toast)
  });
}

export function useSaveShop() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Partial<ShopInput> }) =>
      id ? api.patch<Shop>(`/api/shops/${encodeURIComponent(id)}`, input) : api.post<Shop>('/api/shops', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: shopKeys.all });
      void qc.invalidateQueries({ queryKey: shopKeys.matchRate });
    },
  });
}

export function useSyncShop() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/api/shops/${encodeURIComponent(id)}/sync`),
    // The sync runs in the background; the list shows its outcome (lastSyncAt / lastSyncError) on refresh.
    onSettled: () => qc.invalidateQueries({ queryKey: shopKeys.all }),
  });
}
