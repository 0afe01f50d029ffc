import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../tenancy/permissions.ts';

/**
 * The brand-level commerce pages are for operator leads and up (the server answers 403 to staff).
 * Wrapping the page, not guarding inside it, keeps its queries from firing at all.
 */
export function CommerceGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('commerce.view')) return <Result status="403" title="403" subTitle={t('commerce.noAccess')} data-testid="commerce-no-access" />;
  return <>{children}</>;
}
