import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ImportJob, ImportReject, ImportSummary } from '@siyu/contracts';
import { Alert, Button, Card, Col, Flex, Progress, Row, Skeleton, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatTime } from '../../lib/format.ts';
import { isActiveJob, rejectsXlsxUrl, useImportJob, useImportRejects } from './imports.api.ts';
import { fileKindLabel, IMPORT_STATUS_COLOR, PlatformTag } from './labels.tsx';

const STATS: (keyof ImportSummary)[] = [
  'rowsRead',
  'ordersNew',
  'ordersUpdated',
  'ordersUnchanged',
  'items',
  'productsNew',
  'skusNew',
  'customersNew',
  'customersMatched',
  'rowsRejected',
  'ordersFlagged',
];
// Counters that mean "look at this" when above zero.
const WARN: Partial<Record<keyof ImportSummary, string>> = { rowsRejected: '#cf1322', ordersFlagged: '#d46b08' };

/** One import: live progress while it runs, then its summary and the first rejected rows. */
export function ImportJobCard({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useImportJob(jobId);
  const j = job.data;

  return (
    <Card
      title={t('imports.job')}
      extra={j && <Tag color={IMPORT_STATUS_COLOR[j.status]} data-testid="import-status" data-status={j.status}>{t(`imports.status.${j.status}`)}</Tag>}
      data-testid="import-job"
    >
      {job.isPending ? <Skeleton active /> : job.isError ? <Alert type="error" showIcon title={job.error.message} /> : j ? <JobBody job={j} /> : null}
    </Card>
  );
}

function JobBody({ job: j }: { job: ImportJob }) {
  const { t } = useTranslation();
  const active = isActiveJob(j);
  const finished = j.status === 'done' || j.status === 'failed';
  const { bytesRead, bytesTotal, rows } = j.progress;
  const percent = j.status === 'done' ? 100 : bytesTotal ? Math.min(99, Math.floor((bytesRead / bytesTotal) * 100)) : 0;

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        {j.platform && <PlatformTag platform={j.platform} />}
        {j.files.map((f) => (
          <Tag key={f.name} icon={<FileTextOutlined />} style={{ marginInlineEnd: 0 }}>
            {f.name}
            {f.kind && <Typography.Text type="secondary"> · {fileKindLabel(f.kind)}</Typography.Text>}
            {f.encoding && <Typography.Text type="secondary"> · {f.encoding}</Typography.Text>}
            <Typography.Text type="secondary"> · {formatBytes(f.bytes)}</Typography.Text>
          </Tag>
        ))}
        <Typography.Text type="secondary">
          {[j.shopName, j.createdBy, formatTime(j.createdAt)].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Flex>

      <div data-testid="import-progress" data-status={j.status}>
        <Progress percent={percent} status={j.status === 'failed' ? 'exception' : active ? 'active' : 'success'} />
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {j.status === 'queued'
            ? t('imports.queued')
            : t('imports.progress', { read: formatBytes(bytesRead), total: formatBytes(bytesTotal), rows: rows.toLocaleString() })}
        </Typography.Text>
      </div>

      {j.error && <Alert type="error" showIcon title={j.error} />}
      {finished && <SummaryTiles summary={j.summary} />}
      {finished && j.summary.ordersFlagged > 0 && <Alert type="warning" showIcon title={t('imports.flaggedHelp')} />}
      {finished && j.summary.rowsRejected > 0 && <Rejects job={j} />}
    </Flex>
  );
}

function SummaryTiles({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="import-summary">
      {STATS.map((key) => (
        <Col key={key} xs={12} sm={8} md={6} xl={4}>
          <Card size="small" style={{ height: '100%' }} data-testid={`import-stat-${key}`} data-value={summary[key]}>
            <Statistic
              title={t(`imports.summary.${key}`)}
              value={summary[key]}
              styles={{ content: { fontSize: 22, color: summary[key] > 0 ? WARN[key] : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Rejects({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const rejects = useImportRejects(job.id, true);
  const shown = rejects.data ?? [];

  const columns: TableColumnsType<ImportReject> = [
    { title: t('imports.reject.file'), dataIndex: 'file', width: 200, ellipsis: { showTitle: true } },
    { title: t('imports.reject.line'), dataIndex: 'line', width: 80, align: 'right' },
    { title: t('imports.reject.reason'), dataIndex: 'reason', width: 260 },
    {
      title: t('imports.reject.raw'),
      dataIndex: 'raw',
      render: (v: string) => (
        <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{v.slice(0, 1000)}</span>} placement="topLeft">
          <Typography.Text code ellipsis style={{ maxWidth: 420, display: 'inline-block' }}>
            {v.length > 200 ? `${v.slice(0, 200)}…` : v}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.rejects')} ({job.summary.rowsRejected.toLocaleString()})
        </Typography.Title>
        <Flex gap={12} align="center">
          {job.summary.rowsRejected > shown.length && shown.length > 0 && (
            <Typography.Text type="secondary">{t('imports.rejectsFirst', { count: shown.length })}</Typography.Text>
          )}
          <Button icon={<DownloadOutlined />} href={rejectsXlsxUrl(job.id)} download data-testid="import-rejects-download">
            {t('imports.downloadRejects')}
          </Button>
        </Flex>
      </Flex>
      <Table<ImportReject>
        rowKey={(r) => `${r.file}:${r.line}`}
        size="small"
        columns={columns}
        dataSource={shown}
        loading={rejects.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        onRow={() => ({ 'data-testid': 'import-reject-row' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
