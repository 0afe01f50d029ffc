import { DownloadOutlined } from '@ant-design/icons';
import type { CallList, CallStaffStats } from '@siyu/contracts';
import { App, Alert, Button, Descriptions, Drawer, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { useCan } from '../tenancy/permissions.ts';
import { callListXlsxUrl, useCallListStats, useCloseCallList } from './call-lists.api.ts';
import { ListStatusTag, OUTCOMES } from './call-outcome-tags.tsx';

type Row = CallStaffStats[number];

/** One list: its filter and script, what was left out, per-staff outcomes, export and close. */
export function CallListDrawer({ list, onClose }: { list: CallList | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const stats = useCallListStats(list?.id ?? null);
  const close = useCloseCallList();
  const columns: TableColumnsType<Row> = [
    { title: t('callTasks.staff'), dataIndex: 'name', fixed: 'left' },
    { title: t('calls.counts.total'), dataIndex: 'total' },
    { title: t('calls.counts.pending'), dataIndex: 'pending' },
    ...OUTCOMES.map((o) => ({ title: t(`calls.outcome.${o}`), dataIndex: o, key: o })),
    { title: t('calls.counts.linked'), dataIndex: 'linked' },
  ];
  return (
    <Drawer
      open={!!list}
      onClose={onClose}
      size={860}
      title={list?.name ?? t('calls.detail')}
      destroyOnHidden
      extra={
        list && can('callList.view') && (
          <Space>
            <Button icon={<DownloadOutlined />} href={callListXlsxUrl(list.id)} download data-testid="call-list-export">
              {t('calls.export')}
            </Button>
            {list.status === 'open' && (
              <Popconfirm
                title={t('calls.close')}
                description={<div style={{ maxWidth: 300 }}>{t('calls.closeConfirm')}</div>}
                onConfirm={() => close.mutate(list.id, { onSuccess: () => { message.success(t('calls.closed')); onClose(); } })}
              >
                <Button danger loading={close.isPending}>{t('calls.close')}</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {list && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('calls.col.shops')}>{list.shopNames.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('calls.col.range')}>{`${list.from} ~ ${list.to}`}</Descriptions.Item>
            <Descriptions.Item label={t('calls.form.statuses')}>{list.statuses.map((s) => t(`commerce.status.${s}`)).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('calls.col.status')}><ListStatusTag status={list.status} /></Descriptions.Item>
            <Descriptions.Item label={t('calls.form.assignMode')}>
              {list.assignMode === 'weight' ? t('calls.form.weight') : t('calls.form.roundRobin')}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.col.createdAt')}>{`${formatTime(list.createdAt)} ${list.createdBy ?? ''}`}</Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon title={t('calls.skipped', list.skipped)} />
          <div>
            <Typography.Text strong>{t('calls.script')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{list.script || '—'}</Typography.Paragraph>
          </div>
          <Typography.Text strong>{t('calls.byStaff')}</Typography.Text>
          <Table<Row> rowKey="staffId" size="small" columns={columns} dataSource={stats.data ?? []} loading={stats.isPending} pagination={false} scroll={{ x: 760 }} data-testid="call-list-stats" />
        </Space>
      )}
    </Drawer>
  );
}
