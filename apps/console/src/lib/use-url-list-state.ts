import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters and the keyset cursor stack of a list page, kept in the URL so "back" from a detail
 * lands on the same page of the same search. The stack holds the cursor of every page after the
 * first: forward pushes `nextCursor`, back pops (keyset paging cannot compute a previous page).
 */
export function useUrlListState<K extends string>() {
  const [params, setParams] = useSearchParams();
  const cursors = params.getAll('c');

  const update = useCallback(
    (fn: (p: URLSearchParams) => void, replace = true) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          fn(next);
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  // Any filter change starts again from the first page: old cursors belong to another result set.
  const setFilter = useCallback(
    (key: K, value: string | undefined) =>
      update((p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('c');
      }),
    [update],
  );

  const paging = useMemo(
    () => ({
      next: (cursor: string) => update((p) => p.append('c', cursor)),
      prev: () =>
        update((p) => {
          const all = p.getAll('c');
          p.delete('c');
          for (const c of all.slice(0, -1)) p.append('c', c);
        }),
    }),
    [update],
  );

  return { params, update, setFilter, cursor: cursors.at(-1), page: cursors.length + 1, ...paging };
}
