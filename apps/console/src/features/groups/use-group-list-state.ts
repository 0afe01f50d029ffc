import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { GroupFilters, GroupStatus } from './groups.api.ts';

const STATUSES: GroupStatus[] = ['active', 'dismissed'];

/**
 * Filters, the keyset cursor stack and the open group live in the URL, as on the customers page:
 * back from a customer lands on the same page with the same group open, and a group can be linked
 * (the customer card's groups link to /groups?chat=…).
 */
export function useGroupListState() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<GroupFilters>(() => {
    const status = params.get('status') as GroupStatus | null;
    return {
      q: params.get('q') || undefined,
      ownerStaffId: params.get('owner') || undefined,
      status: status && STATUSES.includes(status) ? status : undefined,
    };
  }, [params]);
  const cursors = params.getAll('c');
  const chatId = params.get('chat') || undefined;

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
    (key: 'q' | 'owner' | 'status', value: string | undefined) =>
      update((p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('c');
      }),
    [update],
  );

  const actions = useMemo(
    () => ({
      setQ: (q: string) => setFilter('q', q.trim() || undefined),
      setOwner: (id: string | undefined) => setFilter('owner', id),
      setStatus: (s: GroupStatus | undefined) => setFilter('status', s),
      next: (cursor: string) => update((p) => p.append('c', cursor)),
      prev: () =>
        update((p) => {
          const all = p.getAll('c');
          p.delete('c');
          for (const c of all.slice(0, -1)) p.append('c', c);
        }),
      // Opening and closing a group are history steps: the browser's back button undoes them.
      open: (id: string) => update((p) => p.set('chat', id), false),
      close: () => update((p) => p.delete('chat'), false),
    }),
    [setFilter, update],
  );

  return { filters, cursor: cursors.at(-1), page: cursors.length + 1, chatId, ...actions };
}
