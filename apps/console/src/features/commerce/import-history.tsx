import type { ImportJob } from '@siyu/contracts';
import { Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format.ts';
import { useImports } from './imports.api.ts';
import { fileKindLabel, IMPORT_STATUS_COLOR, PlatformTag } from './labels.tsx';

/** 导入记录: recent imports, newest first; a row shows that import above. */
export function ImportHistory({ selected, onSelect }: { selected: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const imports = useImports();

  const columns: TableColumnsType<ImportJob> = [
    { title: t('imports.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: t('imports.col.files'),
      key: 'files',
      render: (_, j) => (
        <Flex vertical gap={2}>
          {j.files.map((f) => (
            <span key={f.name}>
              <Typography.Text ellipsis={{ tooltip: f.name }} style={{ maxWidth: 260 }}>
                {f.name}
              </Typography.Text>
              {f.kind && <Tag style={{ marginInlineStart: 6 }}>{fileKindLabel(f.kind)}</Tag>}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('imports.col.shop'),
      key: 'shop',
      width: 180,
      render: (_, j) => (
        <Flex gap={6} align="center">
          {j.platform && <PlatformTag platform={j.platform} />}
          {j.shopName ?? (j.platform ? null : '—')}
        </Flex>
      ),
    },
    {
      title: t('imports.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: ImportJob['status']) => <Tag color={IMPORT_STATUS_COLOR[s]}>{t(`imports.status.${s}`)}</Tag>,
    },
    {
      title: t('imports.col.summary'),
      key: 'summary',
      width: 240,
      render: (_, j) =>
        j.status === 'done' || j.status === 'failed'
          ? t('imports.resultLine', {
              new: j.summary.ordersNew.toLocaleString(),
              updated: j.summary.ordersUpdated.toLocaleString(),
              rejected: j.summary.rowsRejected.toLocaleString(),
            })
          : '—',
    },
    { title: t('imports.col.by'), dataIndex: 'createdBy', width: 100, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card title={t('imports.history')} styles={{ body: { padding: 0 } }} data-testid="import-history">
      <Table<ImportJob>
        rowKey="id"
        columns={columns}
        dataSource={imports.data ?? []}
        loading={imports.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('imports.historyEmpty') }}
        scroll={{ x: 900 }}
        onRow={(j) =>
          ({
            'data-testid': 'import-row',
            'data-status': j.status,
            onClick: () => onSelect(j.id),
            style: { cursor: 'pointer', background: j.id === selected ? '#e6f4ff' : undefined },
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
