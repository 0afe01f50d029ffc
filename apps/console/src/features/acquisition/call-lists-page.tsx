import { PlusOutlined } from '@ant-design/icons';
import type { CallList } from '@siyu/contracts';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { formatTime } from '../../lib/format.ts';
import { useCan } from '../tenancy/permissions.ts';
import { CallListDrawer } from './call-list-drawer.tsx';
import { CallListFormModal } from './call-list-form.tsx';
import { useCallLists } from './call-lists.api.ts';
import { ListStatusTag, OutcomeProgress } from './call-outcome-tags.tsx';

/** 获客 → 电话回访: call lists with their progress per outcome; leads and admins make new ones. */
export function CallListsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const lists = useCallLists();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = lists.data?.find((l) => l.id === openId) ?? null;

  const columns: TableColumnsType<CallList> = [
    { title: t('calls.col.name'), dataIndex: 'name', render: (v: string, l) => <a onClick={() => setOpenId(l.id)}>{v}</a> },
    { title: t('calls.col.shops'), dataIndex: 'shopNames', render: (v: string[]) => v.join('、') },
    { title: t('calls.col.range'), key: 'range', render: (_, l) => `${l.from} ~ ${l.to}` },
    { title: t('calls.col.progress'), key: 'progress', render: (_, l) => <OutcomeProgress counts={l.counts} /> },
    { title: t('calls.col.staff'), dataIndex: 'staff', render: (v: CallList['staff']) => v.map((s) => s.name).join('、') },
    { title: t('calls.col.status'), dataIndex: 'status', render: (v: CallList['status']) => <ListStatusTag status={v} /> },
    { title: t('calls.col.createdAt'), dataIndex: 'createdAt', render: formatTime },
  ];

  return (
    <>
      <PageTitle
        title={t('calls.title')}
        extra={
          can('callList.view') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="call-list-create">
              {t('calls.create')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CallList>
          rowKey="id"
          columns={columns}
          dataSource={lists.data ?? []}
          loading={lists.isPending}
          pagination={false}
          locale={{ emptyText: t('calls.empty') }}
          scroll={{ x: 1200 }}
          data-testid="call-lists-table"
        />
      </Card>
      <CallListFormModal open={creating} onClose={() => setCreating(false)} />
      <CallListDrawer list={open} onClose={() => setOpenId(null)} />
    </>
  );
}
