import type { LiveCode, LiveCodeInput, WelcomeMessage, WelcomeSend } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const liveCodeKeys = {
  all: ['live-codes'] as const,
  welcomes: (id: string) => ['live-codes', id, 'welcomes'] as const,
  defaultWelcome: ['live-codes', 'default-welcome'] as const,
};

const path = (id: string) => `/api/live-codes/${encodeURIComponent(id)}`;

/** Adds today move as customers scan: the list refreshes now and then. */
export const useLiveCodes = () => useQuery({ queryKey: liveCodeKeys.all, queryFn: () => api.get<LiveCode[]>('/api/live-codes'), refetchInterval: 30_000 });

export const useWelcomeSends = (id: string | null) =>
  useQuery({ queryKey: liveCodeKeys.welcomes(id ?? ''), queryFn: () => api.get<WelcomeSend[]>(`${path(id!)}/welcomes`), enabled: !!id });

export const useDefaultWelcome = () =>
  useQuery({ queryKey: liveCodeKeys.defaultWelcome, queryFn: () => api.get<{ welcome: WelcomeMessage | null }>('/api/live-code-settings/welcome') });

/** Images and downloads are plain links: the session cookie goes with them. */
export const qrUrl = (id: string, kind: 'qr.png' | 'qr.svg' | 'poster.png', download = false) => `${path(id)}/${kind}${download ? '?download=1' : ''}`;

export function useLiveCodeMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: liveCodeKeys.all });
  return {
    save: useMutation({
      mutationFn: ({ id, input }: { id: string | null; input: LiveCodeInput }) => (id ? api.put<LiveCode>(path(id), input) : api.post<LiveCode>('/api/live-codes', input)),
      onSuccess,
    }),
    pause: useMutation({ mutationFn: (id: string) => api.post<LiveCode>(`${path(id)}/pause`), onSuccess }),
    resume: useMutation({ mutationFn: (id: string) => api.post<LiveCode>(`${path(id)}/resume`), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(path(id)), onSuccess }),
    saveDefault: useMutation({
      mutationFn: (welcome: WelcomeMessage | null) => api.put<{ welcome: WelcomeMessage | null }>('/api/live-code-settings/welcome', { welcome }),
      onSuccess: () => qc.invalidateQueries({ queryKey: liveCodeKeys.defaultWelcome }),
    }),
  };
}
