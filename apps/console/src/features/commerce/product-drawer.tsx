import { UnorderedListOutlined } from '@ant-design/icons';
import type { ProductDetail, Sku } from '@siyu/contracts';
import { Alert, Button, Descriptions, Drawer, Flex, Result, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { formatFen, formatTime } from '../../lib/format.ts';
import { useCan } from '../tenancy/permissions.ts';
import { Platforms, ProductTags } from './product-columns.tsx';
import { ProductEditForm, type KnownValues } from './product-edit-form.tsx';
import { useProduct } from './products.api.ts';

type Props = { productId: string | undefined; known: KnownValues; onClose: () => void };

/** A product's SKUs and counters, and its catalogue fields for those who may edit them. */
export function ProductDrawer({ productId, known, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const product = useProduct(productId);
  const p = product.data;
  const missing = product.isError && (isApiError(product.error, 404) || isApiError(product.error, 403));

  return (
    <Drawer
      open={!!productId}
      onClose={onClose}
      size={760}
      title={p?.name ?? t('products.info')}
      extra={
        p && (
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate(`/commerce/orders?product=${encodeURIComponent(p.id)}`)} data-testid="product-view-orders">
            {t('products.viewOrders')}
          </Button>
        )
      }
      destroyOnHidden
    >
      {product.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : product.isError ? (
        <Result status={missing ? '404' : 'error'} title={missing ? t('products.notFound') : t('common.loadFailed')} subTitle={product.error.message} />
      ) : p ? (
        <ProductBody product={p} known={known} />
      ) : null}
    </Drawer>
  );
}

function ProductBody({ product: p, known }: { product: ProductDetail; known: KnownValues }) {
  const { t } = useTranslation();
  const canEdit = useCan()('product.edit');

  const info = [
    { key: 'line', label: t('products.col.productLine'), children: p.productLine || '—' },
    { key: 'category', label: t('products.col.category'), children: p.category || '—' },
    { key: 'tags', label: t('products.col.tags'), span: 2, children: <ProductTags tags={p.tags} /> },
    { key: 'platforms', label: t('products.col.platforms'), children: <Platforms platforms={p.platforms} /> },
    { key: 'created', label: t('products.createdAt'), children: formatTime(p.createdAt) },
    { key: 'orders', label: t('products.col.orders'), children: p.orderCount.toLocaleString() },
    { key: 'units', label: t('products.col.units'), children: p.unitsSold.toLocaleString() },
  ];

  const columns: TableColumnsType<Sku> = [
    { title: t('products.sku.outerCode'), dataIndex: 'outerCode', width: 140, render: (v: string | null) => v || '—' },
    { title: t('products.sku.properties'), dataIndex: 'properties', render: (v: string | null) => v || '—' },
    { title: t('products.sku.platformSkuId'), dataIndex: 'platformSkuId', width: 150, render: (v: string | null) => v || '—' },
    { title: t('products.sku.price'), dataIndex: 'priceFen', width: 100, align: 'right', render: (v: number | null) => formatFen(v) },
    { title: t('products.sku.orders'), dataIndex: 'orderCount', width: 80, align: 'right' },
  ];

  return (
    <Flex vertical gap={24} data-testid="product-detail">
      <Descriptions column={2} size="small" items={info} />
      <div>
        <Typography.Title level={5}>
          {t('products.skus')} ({p.skus.length})
        </Typography.Title>
        <Table<Sku>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={p.skus}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 600 }}
          onRow={() => ({ 'data-testid': 'sku-row' }) as HTMLAttributes<HTMLElement>}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('products.edit')}</Typography.Title>
        {canEdit ? <ProductEditForm product={p} known={known} /> : <Alert type="info" showIcon title={t('products.readOnly')} />}
      </div>
    </Flex>
  );
}
