import type {
  CallbackLogItem,
  CustomerWecom,
  SyncKind,
  SyncOverview,
  SyncRun,
  WecomConnection,
  WecomConnectionInput,
  WecomConnectionTest,
} from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/client.ts';

export const wecomKeys = {
  connection: ['wecom', 'connection'] as const,
  sync: ['wecom', 'sync'] as const,
  callbacks: ['wecom', 'callbacks'] as const,
  customer: (id: string) => ['customers', 'wecom', id] as const,
};

const CALLBACK_LIMIT = 50;

/** A run still moving: the sync card polls fast while one exists. */
export const isActiveRun = (run: SyncRun | null | undefined): boolean => run?.status === 'queued' || run?.status === 'running';


/** The corp connection, or null before one is saved. Refreshed now and then for the callback counters. */
export function useWecomConnection() {
  return useQuery({
    queryKey: wecomKeys.connection,
    queryFn: () => api.get<WecomConnection | null>('/api/wecom/connection'),
    refetchInterval: 10_000,
    meta: { silent: true }, // polled: the card shows the error
  });
}

export function useConnectionMutations() {
  const qc = useQueryClient();
  return {
    save: useMutation({
      mutationFn: (input: WecomConnectionInput) => api.put<WecomConnection>('/api/wecom/connection', input),
      onSuccess: (conn) => qc.setQueryData(wecomKeys.connection, conn),
    }),
    test: useMutation({
      mutationFn: () => api.post<WecomConnectionTest>('/api/wecom/connection/test'),
      // The test records its outcome on the connection (status, lastError, lastTestedAt).
      onSettled: () => qc.invalidateQueries({ queryKey: wecomKeys.connection }),
    }),
  };
}

/**
 * The sync overview: every second while a run is queued or running, else every 10 s. When a run
 * ends, what it wrote (customers, groups, tags, staff) is refetched wherever it is shown.
 */
export function useSyncOverview() {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: wecomKeys.sync,
    queryFn: () => api.get<SyncOverview>('/api/wecom/sync'),
    refetchInterval: (q) => (isActiveRun(q.state.data?.current) ? 1000 : 10_000),
    meta: { silent: true }, // polled: the card shows the error instead of a toast every second
  });
  const active = isActiveRun(query.data?.current);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) {
      for (const key of [['customers'], ['groups'], ['tag-groups'], ['staff'], ['departments'], wecomKeys.connection]) {
        void qc.invalidateQueries({ queryKey: key });
      }
    }
    wasActive.current = active;
  }, [active, qc]);
  return query;
}

export function useStartSync() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (kind: SyncKind) => api.post<SyncRun>('/api/wecom/sync', { kind }),
    onSuccess: (run) =>
      qc.setQueryData<SyncOverview>(wecomKeys.sync, (old) => ({ current: run, recent: old?.recent ?? [] })),
    // A 409 SYNC_RUNNING means another run is under way: show it.
    onSettled: () => qc.invalidateQueries({ queryKey: wecomKeys.sync }),
  });
}

export function useCallbackLog() {
  return useQuery({
    queryKey: wecomKeys.callbacks,
    queryFn: () => api.get<CallbackLogItem[]>('/api/wecom/callbacks', { limit: CALLBACK_LIMIT }),
    refetchInterval: 5000,
    meta: { silent: true },
  });
}

export function useCustomerWecom(customerId: string) {
  return useQuery({
    queryKey: wecomKeys.customer(customerId),
    queryFn: () => api.get<CustomerWecom>(`/api/customers/${encodeURIComponent(customerId)}/wecom`),
    meta: { silent: true }, // the card shows its own error
  });
}
