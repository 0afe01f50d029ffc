import type { ProductDetail, ProductListPage, ProductUpdate } from '@siyu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type ProductFilters = { q?: string; productLine?: string };

const PAGE_SIZE = 20;

export const productKeys = {
  all: ['products'] as const,
  list: (f: ProductFilters, cursor: string | undefined) => ['products', 'list', f, cursor ?? null] as const,
  detail: (id: string) => ['products', 'detail', id] as const,
};

export function useProductList(filters: ProductFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: productKeys.list(filters, cursor),
    queryFn: () => api.get<ProductListPage>('/api/products', { ...filters, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: productKeys.detail(id ?? ''),
    queryFn: () => api.get<ProductDetail>(`/api/products/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    meta: { silent: true },
  });
}

export function useUpdateProduct(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProductUpdate) => api.patch<ProductDetail>(`/api/products/${encodeURIComponent(id)}`, patch),
    onSuccess: (p) => {
      qc.setQueryData(productKeys.detail(id), p);
      void qc.invalidateQueries({ queryKey: ['products', 'list'] });
    },
  });
}
