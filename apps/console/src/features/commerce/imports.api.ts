import type { ErrorBody, ImportJob, ImportReject, Platform } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, requestHeaders } from '../../api/client.ts';
import { i18n } from '../../i18n/index.ts';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
  rejects: (id: string) => ['imports', 'rejects', id] as const,
};

export const isActiveJob = (job: Pick<ImportJob, 'status'> | null | undefined): boolean =>
  job?.status === 'queued' || job?.status === 'running';

export const rejectsXlsxUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/rejects.xlsx`;

/** Recent imports, newest first; refreshed every 2 s while one of them is still running. */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: () => api.get<ImportJob[]>('/api/imports'),
    refetchInterval: (q) => (q.state.data?.some(isActiveJob) ? 2000 : false),
  });
}

/**
 * One job, every second while queued or running. When it ends, what it wrote (orders, products,
 * shops' counters, customers) is refetched wherever it is shown.
 */
export function useImportJob(id: string | undefined) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: () => api.get<ImportJob>(`/api/imports/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    refetchInterval: (q) => (isActiveJob(q.state.data) ? 1000 : false),
    meta: { silent: true }, // polled: the card shows the error instead of a toast every second
  });
  const active = isActiveJob(query.data);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) {
      for (const key of [importKeys.list, ['orders'], ['products'], ['shops'], ['commerce'], ['customers']]) {
        void qc.invalidateQueries({ queryKey: key });
      }
    }
    wasActive.current = active;
  }, [active, qc]);
  return query;
}

export function useImportRejects(id: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.rejects(id),
    queryFn: () => api.get<ImportReject[]>(`/api/imports/${encodeURIComponent(id)}/rejects`),
    enabled,
  });
}

export type ImportStart = { files: File[]; shopId?: string; platform?: Platform };

/**
 * multipart/form-data, which the JSON client does not speak; XHR rather than fetch for the upload
 * progress, which matters for exports of tens of megabytes. Errors come back as ApiError, as from `api`.
 */
function upload(input: ImportStart, onProgress: (sent: number, total: number) => void): Promise<ImportJob> {
  const form = new FormData();
  if (input.shopId) form.append('shopId', input.shopId);
  if (input.platform) form.append('platform', input.platform);
  for (const f of input.files) form.append('file', f, f.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', i18n.t('common.networkError')));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) return resolve(data as ImportJob);
      const err = (data as Partial<ErrorBody> | undefined)?.error;
      if (err && typeof err.message === 'string') return reject(new ApiError(xhr.status, err.code, err.message, err.details));
      reject(new ApiError(xhr.status, `HTTP_${xhr.status}`, i18n.t('common.requestFailed', { status: xhr.status })));
    };
    xhr.send(form);
  });
}

/** Starts an import; `sent` is the upload's progress (0–100) until the server answers with the job. */
export function useStartImport() {
  const qc = useQueryClient();
  const [sent, setSent] = useState(0);
  const mutation = useMutation({
    mutationFn: (input: ImportStart) => {
      setSent(0);
      return upload(input, (loaded, total) => setSent(total ? Math.floor((loaded / total) * 100) : 0));
    },
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: importKeys.list });
    },
  });
  return { ...mutation, sent };
}
