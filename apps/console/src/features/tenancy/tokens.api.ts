import type { ApiToken, ApiTokenCreated } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const tokensKey = ['tokens'] as const;

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.get<ApiToken[]>('/api/tokens') });
}

export function useTokenMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: tokensKey });
  return {
    create: useMutation({ mutationFn: (name: string) => api.post<ApiTokenCreated>('/api/tokens', { name }), onSuccess }),
    revoke: useMutation({ mutationFn: (id: string) => api.delete(`/api/tokens/${id}`), onSuccess }),
  };
}
