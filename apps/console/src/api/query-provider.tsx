import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './client.ts';

// Queries and mutations may set `meta: { silent: true }` when the page shows the error itself
// (login form, the detail page's 404 result).
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/**
 * One place that turns API errors into antd messages; it lives inside antd's <App> so it can use
 * the themed, context-aware `message` instead of the static one.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const notify = useRef<(e: unknown) => void>(() => {});
  notify.current = (e: unknown) => {
    if (isApiError(e, 401)) return; // handled by the redirect to /login
    message.error(e instanceof Error && e.message ? e.message : t('common.loadFailed'));
  };

  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({
          onError: (e, query) => {
            if (!query.meta?.silent) notify.current(e);
          },
        }),
        mutationCache: new MutationCache({
          onError: (e, _vars, _ctx, mutation) => {
            if (!mutation.meta?.silent) notify.current(e);
          },
        }),
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            // Retrying a 4xx only delays the error the user needs to see.
            retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
