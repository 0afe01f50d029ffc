import type { GroupDetail, GroupMember } from '@siyu/contracts';
import { Descriptions, Drawer, Flex, Result, Segmented, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { formatTime } from '../../lib/format.ts';
import { GROUP_STATUS_COLOR, groupName } from './group-columns.tsx';
import { useGroup } from './groups.api.ts';

type MemberFilter = 'all' | 'present' | 'left';

/** A group's info and members, opened from the list (the URL's ?chat= says which). */
export function GroupDrawer({ chatId, onClose }: { chatId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const group = useGroup(chatId);
  const g = group.data;

  return (
    <Drawer
      open={!!chatId}
      onClose={onClose}
      size={760}
      title={g ? groupName(t, g.name) : t('groups.info')}
      extra={g && <Tag color={GROUP_STATUS_COLOR[g.status]}>{t(`groups.status.${g.status}`)}</Tag>}
      destroyOnHidden
    >
      {group.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : group.isError ? (
        <Result
          status={isApiError(group.error, 404) || isApiError(group.error, 403) ? '404' : 'error'}
          title={isApiError(group.error, 404) || isApiError(group.error, 403) ? t('groups.notFound') : t('common.loadFailed')}
          subTitle={group.error.message}
        />
      ) : g ? (
        <GroupBody group={g} />
      ) : null}
    </Drawer>
  );
}

function GroupBody({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<MemberFilter>('all');
  const members = useMemo(
    () => g.members.filter((m) => filter === 'all' || (filter === 'present' ? !m.leftAt : !!m.leftAt)),
    [g.members, filter],
  );

  const columns: TableColumnsType<GroupMember> = [
    {
      title: t('groups.member.name'),
      key: 'name',
      render: (_, m) =>
        m.customerId ? (
          <Link to={`/customers/${m.customerId}`} data-testid="group-member-customer">
            {m.name}
          </Link>
        ) : (
          m.name
        ),
    },
    {
      title: t('groups.member.type'),
      dataIndex: 'type',
      width: 80,
      render: (v: GroupMember['type']) => <Tag color={v === 'staff' ? 'blue' : 'green'}>{t(`groups.member.${v}`)}</Tag>,
    },
    { title: t('groups.member.joinedAt'), dataIndex: 'joinedAt', width: 140, render: (v: string) => formatTime(v) },
    { title: t('groups.member.joinScene'), dataIndex: 'joinSceneLabel', width: 110, render: (v: string) => v || '—' },
    { title: t('groups.member.state'), dataIndex: 'state', width: 120, render: (v: string | null) => (v ? <Tag>{v}</Tag> : '—') },
    { title: t('groups.member.leftAt'), dataIndex: 'leftAt', width: 140, render: (v: string | null) => formatTime(v) },
  ];

  const info = [
    { key: 'owner', label: t('groups.col.owner'), children: g.ownerName || '—' },
    { key: 'createdAt', label: t('groups.col.createdAt'), children: formatTime(g.createdAt) },
    { key: 'members', label: t('groups.col.members'), children: g.memberCount },
    { key: 'customers', label: t('groups.col.customers'), children: g.customerCount },
    { key: 'admins', label: t('groups.admins'), children: g.admins.length ? g.admins.join('、') : '—', span: 2 },
    {
      key: 'notice',
      label: t('groups.notice'),
      span: 2,
      children: g.notice ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{g.notice}</Typography.Paragraph> : '—',
    },
  ];

  return (
    <Flex vertical gap={24} data-testid="group-detail" data-chat-id={g.chatId}>
      <Descriptions column={2} size="small" items={info} data-testid="group-info" />
      <div>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('groups.members')}
          </Typography.Title>
          <Segmented<MemberFilter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={(['all', 'present', 'left'] as const).map((v) => ({ value: v, label: t(`groups.memberFilter.${v}`) }))}
          />
        </Flex>
        <Table<GroupMember>
          rowKey="memberId"
          size="small"
          columns={columns}
          dataSource={members}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 680 }}
          onRow={(m) =>
            ({
              'data-testid': 'group-member-row',
              'data-member-type': m.type,
              style: m.leftAt ? { color: 'rgba(0,0,0,0.45)' } : undefined,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </div>
    </Flex>
  );
}
