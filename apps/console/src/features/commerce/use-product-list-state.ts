import { useMemo } from 'react';
import { useUrlListState } from '../../lib/use-url-list-state.ts';
import type { ProductFilters } from './products.api.ts';

/** The product list's filters, cursor stack and open product, in the URL (orders link to ?product=…). */
export function useProductListState() {
  const { params, update, setFilter, cursor, page, next, prev } = useUrlListState<'q' | 'line'>();

  const filters = useMemo<ProductFilters>(
    () => ({ q: params.get('q') || undefined, productLine: params.get('line') || undefined }),
    [params],
  );
  const productId = params.get('product') || undefined;

  const actions = useMemo(
    () => ({
      setQ: (q: string) => setFilter('q', q.trim() || undefined),
      setLine: (line: string | undefined) => setFilter('line', line?.trim() || undefined),
      open: (id: string) => update((p) => p.set('product', id), false),
      close: () => update((p) => p.delete('product'), false),
    }),
    [setFilter, update],
  );

  return { filters, cursor, page, productId, next, prev, ...actions };
}
