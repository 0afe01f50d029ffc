import type { Platform, Product } from '@siyu/contracts';
import { Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { PlatformTag } from './labels.tsx';

const VISIBLE_TAGS = 3;

export function ProductTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <>—</>;
  const rest = tags.slice(VISIBLE_TAGS);
  return (
    <Flex wrap gap={4}>
      {tags.slice(0, VISIBLE_TAGS).map((tag) => (
        <Tag key={tag} color="purple" style={{ marginInlineEnd: 0 }}>
          {tag}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

export function Platforms({ platforms }: { platforms: Platform[] }) {
  return platforms.length ? (
    <Flex wrap gap={4}>
      {platforms.map((p) => (
        <PlatformTag key={p} platform={p} />
      ))}
    </Flex>
  ) : (
    <>—</>
  );
}

const count = (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v.toLocaleString()}</span>;

export function productColumns(t: TFunction): TableColumnsType<Product> {
  return [
    {
      title: t('products.col.name'),
      dataIndex: 'name',
      render: (v: string) => (
        <Typography.Text strong ellipsis={{ tooltip: v }} style={{ maxWidth: 360 }}>
          {v}
        </Typography.Text>
      ),
    },
    { title: t('products.col.productLine'), dataIndex: 'productLine', width: 110, render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : '—') },
    { title: t('products.col.category'), dataIndex: 'category', width: 110, render: (v: string | null) => v || '—' },
    { title: t('products.col.tags'), dataIndex: 'tags', width: 200, render: (v: string[]) => <ProductTags tags={v} /> },
    { title: t('products.col.platforms'), dataIndex: 'platforms', width: 150, render: (v: Platform[]) => <Platforms platforms={v} /> },
    { title: t('products.col.skus'), dataIndex: 'skuCount', width: 90, align: 'right', render: count },
    { title: t('products.col.orders'), dataIndex: 'orderCount', width: 90, align: 'right', render: count },
    { title: t('products.col.units'), dataIndex: 'unitsSold', width: 90, align: 'right', render: count },
  ];
}
