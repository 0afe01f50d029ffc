import type { CustomerListItem } from '@siyu/contracts';
import { Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PersonAvatar } from '../../components/person-avatar.tsx';

import type { TFunction } from 'i18next';
import { formatTime, region } from '../../lib/format.ts';
import { tagColor } from '../tagging/tag-colors.ts';
import { CustomerSource } from '../channel/channel-name.tsx';

const VISIBLE_TAGS = 3;

export function CustomerAvatar({ name, avatarUrl, size }: { name: string; avatarUrl: string | null; size?: number }) {
  return <PersonAvatar name={name} url={avatarUrl} size={size} />;
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
    { title: t('customers.col.source'), dataIndex: 'source', width: 150, ellipsis: true, render: (v: string | null, c) => <CustomerSource source={v} channel={c.sourceChannel} /> },
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
