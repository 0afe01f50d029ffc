import { useQueryClient } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { setUnauthorizedHandler } from './api/client.ts';
import { AppLayout } from './features/shell/app-layout.tsx';
import { meKey } from './features/tenancy/auth.api.ts';
import { LoginPage } from './features/tenancy/login-page.tsx';

// Pages load on first visit: the overview's ECharts, for one, need not delay the login screen.
function page<K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) {
  const Lazy = lazy(async (): Promise<{ default: () => ReactNode }> => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Skeleton active />}>
      <Lazy />
    </Suspense>
  );
}

const OVERVIEW = page(() => import('./features/overview/overview-page.tsx'), 'OverviewPage');
const CUSTOMERS = page(() => import('./features/customers/customers-page.tsx'), 'CustomersPage');
const CUSTOMER_DETAIL = page(() => import('./features/customers/customer-detail-page.tsx'), 'CustomerDetailPage');
const GROUPS = page(() => import('./features/groups/groups-page.tsx'), 'GroupsPage');
const TAGS = page(() => import('./features/tagging/tags-page.tsx'), 'TagsPage');
const ORG = page(() => import('./features/tenancy/org-page.tsx'), 'OrgPage');
const WECOM = page(() => import('./features/channel/wecom-settings-page.tsx'), 'WecomSettingsPage');
const TOKENS = page(() => import('./features/tenancy/tokens-page.tsx'), 'TokensPage');
const ORDERS = page(() => import('./features/commerce/orders-page.tsx'), 'OrdersPage');
const PRODUCTS = page(() => import('./features/commerce/products-page.tsx'), 'ProductsPage');
const SHOPS = page(() => import('./features/commerce/shops-page.tsx'), 'ShopsPage');
const IMPORTS = page(() => import('./features/commerce/imports-page.tsx'), 'ImportsPage');
const CALL_LISTS = page(() => import('./features/acquisition/call-lists-page.tsx'), 'CallListsPage');
const CALL_TASKS = page(() => import('./features/acquisition/call-tasks-page.tsx'), 'CallTasksPage');
const LIVE_CODES = page(() => import('./features/acquisition/live-codes-page.tsx'), 'LiveCodesPage');
// Customer H5 pages: no login, no menu, mobile width.
const H5_BIND = page(() => import('./features/h5/h5-bind-page.tsx'), 'H5BindPage');

export function AppRoutes() {
  const qc = useQueryClient();
  useEffect(() => {
    // Forgetting the session is enough: AppLayout sees no user and redirects to /login.
    setUnauthorizedHandler(() => qc.setQueryData(meKey, null));
    return () => setUnauthorizedHandler(null);
  }, [qc]);

  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/h5/bind" element={H5_BIND} />
      <Route element={<AppLayout />}>
        <Route index element={OVERVIEW} />
        <Route path="customers" element={CUSTOMERS} />
        <Route path="customers/:id" element={CUSTOMER_DETAIL} />
        <Route path="groups" element={GROUPS} />
        <Route path="tags" element={TAGS} />
        <Route path="org" element={ORG} />
        <Route path="settings/wecom" element={WECOM} />
        <Route path="settings/tokens" element={TOKENS} />
        <Route path="commerce/orders" element={ORDERS} />
        <Route path="commerce/products" element={PRODUCTS} />
        <Route path="commerce/shops" element={SHOPS} />
        <Route path="commerce/imports" element={IMPORTS} />
        <Route path="acquisition/call-lists" element={CALL_LISTS} />
        <Route path="acquisition/call-tasks" element={CALL_TASKS} />
        <Route path="acquisition/live-codes" element={LIVE_CODES} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
