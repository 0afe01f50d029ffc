import type { CustomerListItem } from '@siyu/contracts';
import { Avatar, Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';

import type { TFunction } from 'i18next';
import { labelOf } from '../../i18n/index.ts';
import { formatTime, region } from '../../lib/format.ts';
import { tagColor } from '../tagging/tag-colors.ts';

const VISIBLE_TAGS = 3;

export function CustomerAvatar({ name, avatarUrl, size }: { name: string; avatarUrl: string | null; size?: number }) {
  return (
    <Avatar src={avatarUrl || undefined} size={size} style={avatarUrl ? undefined : { background: '#1677ff' }}>
      {name.slice(0, 1)}
    </Avatar>
  );
}

function TagList({ tags }: { tags: CustomerListItem['tags'] }) {
  if (tags.length === 0) return <>—</>;
  const shown = tags.slice(0, VISIBLE_TAGS);
  const rest = tags.slice(VISIBLE_TAGS);
  return (
    <Flex wrap gap={4}>
      {shown.map((tag) => (
        <Tag key={tag.id} color={tagColor(tag.color)} style={{ marginInlineEnd: 0 }}>
          {tag.name}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map((r) => r.name).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

export function customerColumns(t: TFunction): TableColumnsType<CustomerListItem> {
  return [
    {
      title: t('customers.col.customer'),
      key: 'customer',
      width: 220,
      render: (_, c) => (
        <Flex align="center" gap={8}>
          <CustomerAvatar name={c.name} avatarUrl={c.avatarUrl} />
          <Flex vertical style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong ellipsis>
              {c.name}
            </Typography.Text>
            {c.nickname && (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {c.nickname}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      ),
    },
    { title: t('customers.col.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('customers.col.region'), key: 'region', width: 130, render: (_, c) => region(c.province, c.city) },
    { title: t('customers.col.source'), dataIndex: 'source', width: 110, render: (v: string | null) => (v ? labelOf('customerSource', v) : '—') },
    { title: t('customers.col.tags'), key: 'tags', render: (_, c) => <TagList tags={c.tags} /> },
    {
      title: t('customers.col.owners'),
      key: 'owners',
      width: 140,
      render: (_, c) => (c.owners.length ? c.owners.map((o) => o.name).join('、') : '—'),
    },
    { title: t('customers.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
  ];
}
