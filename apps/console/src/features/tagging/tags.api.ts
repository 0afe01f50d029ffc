import type { TagGroup } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const tagGroupsKey = ['tag-groups'] as const;

// Request bodies (the contracts export these schemas but not their types).
export type TagInput = { groupId: string; name: string; color?: string | null };
export type TagUpdate = { name?: string; color?: string | null };

export function useTagGroups() {
  return useQuery({ queryKey: tagGroupsKey, queryFn: () => api.get<TagGroup[]>('/api/tag-groups') });
}

/** Every tag change also touches what customer pages show (names, colors, counts). */
function useInvalidateTags() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: tagGroupsKey }), qc.invalidateQueries({ queryKey: ['customers'] })]);
}

export function useTagMutations() {
  const invalidate = useInvalidateTags();
  const onSuccess = () => invalidate();
  return {
    createGroup: useMutation({ mutationFn: (name: string) => api.post<TagGroup>('/api/tag-groups', { name }), onSuccess }),
    renameGroup: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => api.patch<TagGroup>(`/api/tag-groups/${id}`, { name }),
      onSuccess,
    }),
    deleteGroup: useMutation({ mutationFn: (id: string) => api.delete(`/api/tag-groups/${id}`), onSuccess }),
    createTag: useMutation({ mutationFn: (input: TagInput) => api.post<unknown>('/api/tags', input), onSuccess }),
    updateTag: useMutation({
      mutationFn: ({ id, ...patch }: TagUpdate & { id: string }) => api.patch<unknown>(`/api/tags/${id}`, patch),
      onSuccess,
    }),
    deleteTag: useMutation({ mutationFn: (id: string) => api.delete(`/api/tags/${id}`), onSuccess }),
  };
}
