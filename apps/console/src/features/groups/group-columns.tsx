import type { GroupListItem } from '@siyu/contracts';
import { Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatTime } from '../../lib/format.ts';

export const GROUP_STATUS_COLOR = { active: 'green', dismissed: 'default' } as const;

/** WeCom allows nameless groups (it shows the members' names instead). */
export function groupName(t: TFunction, name: string): string {
  return name.trim() || t('groups.unnamed');
}

export function groupColumns(t: TFunction): TableColumnsType<GroupListItem> {
  return [
    {
      title: t('groups.col.name'),
      key: 'name',
      render: (_, g) => (
        <Typography.Text strong={!!g.name.trim()} type={g.name.trim() ? undefined : 'secondary'} ellipsis>
          {groupName(t, g.name)}
        </Typography.Text>
      ),
    },
    { title: t('groups.col.owner'), dataIndex: 'ownerName', width: 140, render: (v: string) => v || '—' },
    { title: t('groups.col.members'), dataIndex: 'memberCount', width: 90, align: 'right' },
    { title: t('groups.col.customers'), dataIndex: 'customerCount', width: 90, align: 'right' },
    { title: t('groups.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: t('groups.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: GroupListItem['status']) => <Tag color={GROUP_STATUS_COLOR[s]}>{t(`groups.status.${s}`)}</Tag>,
    },
  ];
}
