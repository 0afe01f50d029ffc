import { useMemo } from 'react';
import { useUrlListState } from '../../lib/use-url-list-state.ts';
import type { GroupFilters, GroupStatus } from './groups.api.ts';

const STATUSES: GroupStatus[] = ['active', 'dismissed'];

/**
 * Filters, the keyset cursor stack and the open group live in the URL, as on the customers page:
 * back from a customer lands on the same page with the same group open, and a group can be linked
 * (the customer card's groups link to /groups?chat=…).
 */
export function useGroupListState() {
  const { params, update, setFilter, cursor, page, next, prev } = useUrlListState<'q' | 'owner' | 'status'>();

  const filters = useMemo<GroupFilters>(() => {
    const status = params.get('status') as GroupStatus | null;
    return {
      q: params.get('q') || undefined,
      ownerStaffId: params.get('owner') || undefined,
      status: status && STATUSES.includes(status) ? status : undefined,
    };
  }, [params]);
  const chatId = params.get('chat') || undefined;

  const actions = useMemo(
    () => ({
      setQ: (q: string) => setFilter('q', q.trim() || undefined),
      setOwner: (id: string | undefined) => setFilter('owner', id),
      setStatus: (s: GroupStatus | undefined) => setFilter('status', s),
      // Opening and closing a group are history steps: the browser's back button undoes them.
      open: (id: string) => update((p) => p.set('chat', id), false),
      close: () => update((p) => p.delete('chat'), false),
    }),
    [setFilter, update],
  );

  return { filters, cursor, page, chatId, next, prev, ...actions };
}
