import type {
  AssignTagsInput,
  CustomerCreateInput,
  CustomerDetail,
  CustomerListPage,
  CustomerTag,
  CustomerUpdateInput,
  TimelineEntry,
} from '@siyu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type CustomerFilters = { q?: string; tagIds?: string[]; ownerStaffId?: string };

const PAGE_SIZE = 20;

export const customerKeys = {
  all: ['customers'] as const,
  list: (f: CustomerFilters, cursor: string | undefined) => ['customers', 'list', f, cursor ?? null] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  timeline: (id: string) => ['customers', 'timeline', id] as const,
};

export function useCustomerList(filters: CustomerFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: customerKeys.list(filters, cursor),
    queryFn: () =>
      api.get<CustomerListPage>('/api/customers', {
        q: filters.q,
        tagIds: filters.tagIds?.length ? filters.tagIds.join(',') : undefined,
        ownerStaffId: filters.ownerStaffId,
        cursor,
        limit: PAGE_SIZE,
      }),
    // Keep the current page on screen while the next one loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => api.get<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}`),
    meta: { silent: true }, // the page renders 404 / errors as a Result
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: customerKeys.timeline(id),
    queryFn: () => api.get<{ items: TimelineEntry[] }>(`/api/customers/${encodeURIComponent(id)}/timeline`),
  });
}

export function useCreateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerCreateInput) => api.post<CustomerDetail>('/api/customers', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useUpdateCustomer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: CustomerUpdateInput) => api.patch<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}`, patch),
    // Lists show the same name / region, and an edit adds a timeline entry: refresh all of it.
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useAssignTags(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignTagsInput) =>
      api.post<{ tags: CustomerTag[] }>(`/api/customers/${encodeURIComponent(id)}/tags`, input),
    onSuccess: ({ tags }) => {
      qc.setQueryData<CustomerDetail>(customerKeys.detail(id), (old) => (old ? { ...old, tags } : old));
      void qc.invalidateQueries({ queryKey: customerKeys.timeline(id) });
      void qc.invalidateQueries({ queryKey: ['customers', 'list'] });
      void qc.invalidateQueries({ queryKey: ['tag-groups'] }); // customerCount per tag moved
    },
  });
}

export function useRevealPhone(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ phone: string | null }>(`/api/customers/${encodeURIComponent(id)}/reveal-phone`, { reason }),
    // The reveal is audited and may show on the timeline.
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.timeline(id) }),
  });
}
