import { EditOutlined, SyncOutlined } from '@ant-design/icons';
import type { Shop } from '@siyu/contracts';
import { Badge, Button, Flex, Progress, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatTime, percentOf } from '../../lib/format.ts';
import { PlatformTag } from './labels.tsx';

const count = (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v.toLocaleString()}</span>;

/** API 同步: configured or not, on or off, when it last ran, and its last error. */
function SyncState({ shop: s, t }: { shop: Shop; t: TFunction }) {
  if (!s.hasCredentials) return <Badge status="default" text={t('shops.sync.notConfigured')} />;
  return (
    <Flex vertical gap={2} data-testid="shop-sync-state">
      <Badge status={s.lastSyncError ? 'error' : s.syncEnabled ? 'success' : 'default'} text={s.syncEnabled ? t('shops.sync.enabled') : t('shops.sync.disabled')} />
      <Tooltip title={s.syncedUntil ? t('shops.sync.syncedUntil', { time: formatTime(s.syncedUntil) }) : undefined}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.lastSyncAt ? t('shops.sync.lastSync', { time: formatTime(s.lastSyncAt) }) : t('shops.sync.never')}
        </Typography.Text>
      </Tooltip>
      {s.lastSyncError && (
        <Typography.Text type="danger" ellipsis={{ tooltip: s.lastSyncError }} style={{ fontSize: 12, maxWidth: 220 }}>
          {s.lastSyncError}
        </Typography.Text>
      )}
    </Flex>
  );
}

type Actions = { canManage: boolean; syncing: string | null; onEdit: (s: Shop) => void; onSync: (s: Shop) => void };

export function shopColumns(t: TFunction, a: Actions): TableColumnsType<Shop> {
  const columns: TableColumnsType<Shop> = [
    { title: t('shops.col.platform'), dataIndex: 'platform', width: 90, render: (_, s) => <PlatformTag platform={s.platform} /> },
    { title: t('shops.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('shops.col.externalId'), dataIndex: 'externalId', width: 120, render: (v: string | null) => (v ? <code>{v}</code> : '—') },
    { title: t('shops.col.orders'), dataIndex: 'orderCount', width: 90, align: 'right', render: count },
    { title: t('shops.col.buyers'), dataIndex: 'buyerCount', width: 90, align: 'right', render: count },
    { title: t('shops.col.friends'), dataIndex: 'friendCount', width: 90, align: 'right', render: count },
    {
      title: t('shops.col.rate'),
      key: 'rate',
      width: 150,
      render: (_, s) => (
        <Tooltip title={`${s.friendCount.toLocaleString()} / ${s.buyerCount.toLocaleString()}`}>
          <Progress percent={percentOf(s.friendCount, s.buyerCount)} size="small" format={(p) => `${p}%`} data-testid="shop-match-rate" />
        </Tooltip>
      ),
    },
    { title: t('shops.col.sync'), key: 'sync', width: 220, render: (_, s) => <SyncState shop={s} t={t} /> },
    {
      title: t('shops.col.interval'),
      dataIndex: 'syncIntervalMinutes',
      width: 100,
      render: (v: number, s) => (s.hasCredentials ? t('shops.every', { count: v }) : '—'),
    },
  ];
  if (!a.canManage) return columns;
  return [
    ...columns,
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, s) => (
        <Flex gap={4}>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => a.onEdit(s)} data-testid="shop-edit">
            {t('common.edit')}
          </Button>
          <Tooltip title={s.hasCredentials ? undefined : t('shops.syncNeedsCredentials')}>
            <Button
              size="small"
              type="link"
              icon={<SyncOutlined spin={a.syncing === s.id} />}
              disabled={!s.hasCredentials || a.syncing === s.id}
              onClick={() => a.onSync(s)}
              data-testid="shop-sync"
            >
              {t('shops.syncNow')}
            </Button>
          </Tooltip>
        </Flex>
      ),
    },
  ];
}
