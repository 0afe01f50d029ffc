import type { BindingInput, BindingResult, MergeRecord } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** POST /api/customers/:id/bind-link answers H5BindLink; the contract exports its schema but not its type. */
export type BindLink = { url: string; expiresAt: string };

/** A binding moves orders (and maybe a whole customer record) onto the customer: refresh both sides. */
function useRefreshAfterBinding() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['customers'] });
    void qc.invalidateQueries({ queryKey: ['orders'] });
  };
}

export function useBindOrder() {
  const refresh = useRefreshAfterBinding();
  return useMutation({
    mutationFn: (input: BindingInput) => api.post<BindingResult>('/api/bindings', input),
    onSuccess: refresh,
    meta: { silent: true }, // the modal shows why (未找到订单 / 已绑定其他客户…) next to the form
  });
}

export function useUndoMerge() {
  const refresh = useRefreshAfterBinding();
  return useMutation({
    mutationFn: (mergeId: string) => api.post<MergeRecord>(`/api/merges/${encodeURIComponent(mergeId)}/undo`),
    onSuccess: refresh,
  });
}

export function useBindLink(customerId: string) {
  return useMutation({
    mutationFn: () => api.post<BindLink>(`/api/customers/${encodeURIComponent(customerId)}/bind-link`),
  });
}

/** The link as the customer will open it: the server may answer a path or a full URL. */
export function absoluteUrl(url: string): string {
  return url.startsWith('/') ? `${window.location.origin}${url}` : url;
}
