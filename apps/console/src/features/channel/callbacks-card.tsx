import type { CallbackLogItem } from '@siyu/contracts';
import { Alert, Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallbackLog } from './channel.api.ts';
import { CALLBACK_STATUS_COLOR, callbackEventLabel, formatSeconds } from './labels.ts';

/** The latest events WeCom posted, refreshed every 5 s: the quickest way to see the intake works. */
export function CallbacksCard() {
  const { t } = useTranslation();
  const log = useCallbackLog();

  const columns: TableColumnsType<CallbackLogItem> = [
    { title: t('callbacks.col.receivedAt'), dataIndex: 'receivedAt', width: 170, render: (v: string) => formatSeconds(v) },
    {
      title: t('callbacks.col.event'),
      key: 'event',
      width: 140,
      render: (_, c) => (
        <Tooltip title={[c.event, c.changeType].filter(Boolean).join(' / ')}>
          <span>{callbackEventLabel(c.event, c.changeType)}</span>
        </Tooltip>
      ),
    },
    { title: t('callbacks.col.summary'), dataIndex: 'summary', ellipsis: { showTitle: true } },
    {
      title: t('callbacks.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: CallbackLogItem['status']) => <Tag color={CALLBACK_STATUS_COLOR[s]}>{t(`callbacks.status.${s}`)}</Tag>,
    },
    { title: t('callbacks.col.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: t('callbacks.col.error'),
      dataIndex: 'error',
      width: 220,
      ellipsis: { showTitle: true },
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
    },
  ];

  return (
    <Card title={t('callbacks.title')} styles={{ body: { padding: 0 } }} data-testid="wecom-callbacks">
      {log.isError && <Alert type="error" showIcon banner title={log.error.message} />}
      <Table<CallbackLogItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={log.data ?? []}
        loading={log.isPending}
        locale={{ emptyText: t('callbacks.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        onRow={(c) => ({ 'data-testid': 'callback-row', 'data-status': c.status }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
