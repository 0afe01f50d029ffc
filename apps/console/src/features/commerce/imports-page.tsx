import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../tenancy/permissions.ts';
import { CommerceGate } from './commerce-gate.tsx';
import { ImportHistory } from './import-history.tsx';
import { ImportJobCard } from './import-job-card.tsx';
import { ImportUploadCard } from './import-upload-card.tsx';
import { isActiveJob, useImports } from './imports.api.ts';

/**
 * 导入订单: upload a platform's back-office export, watch it run, read what it did. The shown
 * import is in the URL (?job=…), so a reload mid-import picks the progress up again.
 */
export function ImportsPage() {
  return (
    <CommerceGate>
      <ImportsView />
    </CommerceGate>
  );
}

function ImportsView() {
  const { t } = useTranslation();
  const canImport = useCan()('order.import');
  const [params, setParams] = useSearchParams();
  const imports = useImports();
  const latest = imports.data?.[0];
  // Without a pick, an import still running is the one worth watching.
  const jobId = params.get('job') || (latest && isActiveJob(latest) ? latest.id : undefined);
  const show = (id: string) => setParams((p) => ({ ...Object.fromEntries(p), job: id }), { replace: true });

  return (
    <Flex vertical gap={16}>
      {canImport ? <ImportUploadCard onStarted={show} /> : <Alert type="info" showIcon title={t('imports.readOnly')} />}
      {jobId && <ImportJobCard key={jobId} jobId={jobId} />}
      <ImportHistory selected={jobId} onSelect={show} />
    </Flex>
  );
}
