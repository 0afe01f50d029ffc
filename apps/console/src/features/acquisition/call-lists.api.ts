import type { CallList, CallListInput, CallOutcomeInput, CallStaffStats, CallTask, CallTaskPage } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const callKeys = {
  lists: ['call-lists'] as const,
  list: (id: string) => ['call-lists', id] as const,
  stats: (id: string) => ['call-lists', id, 'stats'] as const,
  tasks: ['call-tasks'] as const,
};

export type TaskView = 'due' | 'scheduled' | 'done' | 'all';

export const useCallLists = () => useQuery({ queryKey: callKeys.lists, queryFn: () => api.get<CallList[]>('/api/call-lists') });

export const useCallListStats = (id: string | null) =>
  useQuery({ queryKey: callKeys.stats(id ?? ''), queryFn: () => api.get<CallStaffStats>(`/api/call-lists/${encodeURIComponent(id!)}/stats`), enabled: !!id });

/** The excel of a list's outcomes (masked phones; the server audits the download). */
export const callListXlsxUrl = (id: string) => `/api/call-lists/${encodeURIComponent(id)}/export.xlsx`;

export function useCreateCallList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallListInput) => api.post<CallList>('/api/call-lists', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: callKeys.lists }),
  });
}

export function useCloseCallList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CallList>(`/api/call-lists/${encodeURIComponent(id)}/close`),
    onSuccess: () => qc.invalidateQueries({ queryKey: callKeys.lists }),
  });
}

export function useCallTasks(q: { view: TaskView; listId?: string; offset: number }) {
  return useQuery({
    queryKey: [...callKeys.tasks, q],
    queryFn: () => api.get<CallTaskPage>('/api/call-tasks', { view: q.view, listId: q.listId, offset: q.offset, limit: 20 }),
    // A call-back comes due on its own: look again now and then.
    refetchInterval: 60_000,
  });
}

/** The full number of one task; not cached anywhere but the card that asked. */
export const useRevealPhone = () => useMutation({ mutationFn: (id: string) => api.post<{ phone: string }>(`/api/call-tasks/${encodeURIComponent(id)}/reveal`) });

export function useRecordOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CallOutcomeInput }) => api.post<CallTask>(`/api/call-tasks/${encodeURIComponent(id)}/outcome`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: callKeys.tasks });
      void qc.invalidateQueries({ queryKey: callKeys.lists });
    },
  });
}
