import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CustomerFilters } from './customers.api.ts';

/**
 * Filters and the keyset cursor stack live in the URL, so "back" from a customer's detail lands on
 * the same page of the same search. The stack holds the cursor of every page after the first:
 * going forward pushes `nextCursor`, going back pops (keyset paging cannot compute a previous page).
 */
export function useCustomerListState() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<CustomerFilters>(() => {
    const tags = params.get('tags');
    return {
      q: params.get('q') || undefined,
      tagIds: tags ? tags.split(',').filter(Boolean) : undefined,
      ownerStaffId: params.get('owner') || undefined,
    };
  }, [params]);
  const cursors = params.getAll('c');

  const update = useCallback(
    (fn: (p: URLSearchParams) => void) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          fn(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Any filter change starts again from the first page: old cursors belong to another result set.
  const setFilter = useCallback(
    (key: 'q' | 'tags' | 'owner', value: string | undefined) =>
      update((p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('c');
      }),
    [update],
  );

  // Stable callbacks: the search box debounces on them and must not restart its timer every render.
  const actions = useMemo(
    () => ({
      setQ: (q: string) => setFilter('q', q.trim() || undefined),
      setTagIds: (ids: string[]) => setFilter('tags', ids.length ? ids.join(',') : undefined),
      setOwner: (id: string | undefined) => setFilter('owner', id),
      next: (cursor: string) => update((p) => p.append('c', cursor)),
      prev: () =>
        update((p) => {
          const all = p.getAll('c');
          p.delete('c');
          for (const c of all.slice(0, -1)) p.append('c', c);
        }),
    }),
    [setFilter, update],
  );

  return { filters, cursor: cursors.at(-1), page: cursors.length + 1, ...actions };
}
