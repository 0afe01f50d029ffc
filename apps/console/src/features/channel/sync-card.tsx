import { CloudSyncOutlined, SyncOutlined } from '@ant-design/icons';
import type { SyncKind, SyncRun } from '@siyu/contracts';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { isActiveRun, useStartSync, useSyncOverview } from './channel.api.ts';
import { runDuration, SYNC_STATUS_COLOR, syncStatLabel } from './labels.ts';
import { SyncRunProgress } from './sync-run-progress.tsx';

type Props = { canManage: boolean; configured: boolean };

export function SyncCard({ canManage, configured }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const overview = useSyncOverview();
  const start = useStartSync();
  const current = overview.data?.current ?? null;
  const recent = overview.data?.recent ?? [];
  // The run in progress, else the latest one, so the bars show how the last sync went.
  const shown = current ?? recent[0] ?? null;
  const busy = isActiveRun(current) || start.isPending;

  const run = (kind: SyncKind) => start.mutate(kind, { onSuccess: () => message.success(t('sync.started')) });

  const extra = canManage && (
    <Flex gap={8}>
      <Button type="primary" icon={<SyncOutlined spin={isActiveRun(current)} />} disabled={busy || !configured} loading={start.isPending && start.variables === 'incremental'} onClick={() => run('incremental')} data-testid="sync-now">
        {t('sync.now')}
      </Button>
      <Popconfirm title={t('sync.full')} description={<div style={{ maxWidth: 320 }}>{t('sync.fullConfirm')}</div>} onConfirm={() => run('full')} disabled={busy || !configured}>
        <Button icon={<CloudSyncOutlined />} disabled={busy || !configured} loading={start.isPending && start.variables === 'full'} data-testid="sync-full">
          {t('sync.full')}
        </Button>
      </Popconfirm>
    </Flex>
  );

  const columns: TableColumnsType<SyncRun> = [
    { title: t('sync.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
    { title: t('sync.col.kind'), dataIndex: 'kind', width: 110, render: (k: SyncRun['kind']) => t(`sync.kind.${k}`) },
    {
      title: t('sync.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: SyncRun['status']) => <Tag color={SYNC_STATUS_COLOR[s]}>{t(`sync.status.${s}`)}</Tag>,
    },
    { title: t('sync.col.requestedBy'), dataIndex: 'requestedBy', width: 100, render: (v: string | null) => v ?? t('sync.system') },
    { title: t('sync.col.duration'), key: 'duration', width: 100, render: (_, r) => runDuration(r.startedAt, r.finishedAt) },
    {
      title: t('sync.col.stats'),
      key: 'stats',
      render: (_, r) => {
        const entries = Object.entries(r.stats).filter(([, v]) => v > 0);
        return entries.length ? entries.map(([k, v]) => `${syncStatLabel(k)} ${v.toLocaleString()}`).join(' · ') : '—';
      },
    },
    {
      title: t('sync.col.error'),
      dataIndex: 'error',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
    },
  ];

  return (
    <Card title={t('sync.title')} extra={extra} data-testid="wecom-sync">
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
      {overview.isError && <Alert type="error" showIcon title={overview.error.message} style={{ marginBottom: 16 }} />}
      {overview.isPending ? (
        <Skeleton active />
      ) : shown ? (
        <SyncRunProgress run={shown} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.none')} />
      )}
      {recent.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('sync.recent')}
          </Typography.Title>
          <Table<SyncRun> rowKey="id" size="small" columns={columns} dataSource={recent} pagination={false} scroll={{ x: 900 }} data-testid="sync-runs" />
        </>
      )}
    </Card>
  );
}
