import { useMemo } from 'react';
import { useUrlListState } from '../../lib/use-url-list-state.ts';
import type { CustomerFilters } from './customers.api.ts';

/** The customer list's filters and cursor stack, in the URL (see useUrlListState). */
export function useCustomerListState() {
  const { params, setFilter, cursor, page, next, prev } = useUrlListState<'q' | 'tags' | 'owner'>();

  const filters = useMemo<CustomerFilters>(() => {
    const tags = params.get('tags');
    return {
      q: params.get('q') || undefined,
      tagIds: tags ? tags.split(',').filter(Boolean) : undefined,
      ownerStaffId: params.get('owner') || undefined,
    };
  }, [params]);

  // Stable callbacks: the search box debounces on them and must not restart its timer every render.
  const actions = useMemo(
    () => ({
      setQ: (q: string) => setFilter('q', q.trim() || undefined),
      setTagIds: (ids: string[]) => setFilter('tags', ids.length ? ids.join(',') : undefined),
      setOwner: (id: string | undefined) => setFilter('owner', id),
    }),
    [setFilter],
  );

  return { filters, cursor, page, next, prev, ...actions };
}
