import type { GroupDetail, GroupListPage } from '@siyu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type GroupStatus = 'active' | 'dismissed';
export type GroupFilters = { q?: string; ownerStaffId?: string; status?: GroupStatus };

const PAGE_SIZE = 20;

export const groupKeys = {
  all: ['groups'] as const,
  list: (f: GroupFilters, cursor: string | undefined) => ['groups', 'list', f, cursor ?? null] as const,
  detail: (chatId: string) => ['groups', 'detail', chatId] as const,
};

export function useGroupList(filters: GroupFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: groupKeys.list(filters, cursor),
    queryFn: () =>
      api.get<GroupListPage>('/api/groups', {
        q: filters.q,
        ownerStaffId: filters.ownerStaffId,
        status: filters.status,
        cursor,
        limit: PAGE_SIZE,
      }),
    // Keep the current page on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** One group with its members; disabled until a group is picked. */
export function useGroup(chatId: string | undefined) {
  return useQuery({
    queryKey: groupKeys.detail(chatId ?? ''),
    queryFn: () => api.get<GroupDetail>(`/api/groups/${encodeURIComponent(chatId ?? '')}`),
    enabled: !!chatId,
    meta: { silent: true }, // the drawer renders 404 / errors as a Result
  });
}
