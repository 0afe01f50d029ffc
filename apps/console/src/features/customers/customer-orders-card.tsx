import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrderListItem } from '@siyu/contracts';
import { Alert, Button, Card, Flex, Skeleton, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFen, formatTime } from '../../lib/format.ts';
import { BindLinkModal } from '../commerce/bind-link-modal.tsx';
import { BindOrderModal } from '../commerce/bind-order-modal.tsx';
import { OrderStatusTag, PlatformTag } from '../commerce/labels.tsx';
import { OrderNo } from '../commerce/order-columns.tsx';
import { OrderDrawer } from '../commerce/order-drawer.tsx';
import { useCustomerOrders } from '../commerce/orders.api.ts';
import { useCan } from '../tenancy/permissions.ts';

/** The customer's orders from every platform, newest first; binding an order the customer names. */
export function CustomerOrdersCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const canBind = useCan()('order.bind');
  const orders = useCustomerOrders(customerId);
  const [binding, setBinding] = useState(false);
  const [linking, setLinking] = useState(false);
  const [openId, setOpenId] = useState<string | undefined>();
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<OrderListItem> = [
    { title: t('shops.col.platform'), dataIndex: 'platform', width: 72, render: (_, o) => <PlatformTag platform={o.platform} /> },
    { title: t('orders.col.orderNo'), key: 'no', width: 180, render: (_, o) => <OrderNo order={o} /> },
    { title: t('orders.col.titles'), dataIndex: 'titles', ellipsis: { showTitle: true }, render: (v: string) => v || '—' },
    { title: t('orders.col.paid'), dataIndex: 'paidFen', width: 100, align: 'right', render: (v: number | null) => formatFen(v) },
    { title: t('orders.col.status'), key: 'status', width: 80, render: (_, o) => <OrderStatusTag status={o.status} raw={o.rawStatus} /> },
    {
      title: t('orders.col.createdAt'),
      dataIndex: 'createdAt',
      width: 104,
      render: (v: string | null) => <Tooltip title={formatTime(v)}>{formatDate(v)}</Tooltip>,
    },
  ];

  const extra = canBind && (
    <Flex gap={8}>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setBinding(true)} data-testid="bind-order-open">
        {t('bindOrder.open')}
      </Button>
      <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(true)} data-testid="bind-link-open">
        {t('bindOrder.link')}
      </Button>
    </Flex>
  );

  return (
    <Card title={t('customerOrders.title')} extra={extra} styles={{ body: { padding: 0 } }} data-testid="customer-orders-card">
      {orders.isPending ? (
        <Skeleton active style={{ padding: 24 }} />
      ) : orders.isError ? (
        <Alert type="error" showIcon banner title={orders.error.message} />
      ) : (
        <>
          <Table<OrderListItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('customerOrders.empty') }}
            scroll={{ x: 640 }}
            onRow={(o) =>
              ({
                'data-testid': 'customer-order-row',
                onClick: () => setOpenId(o.id),
                style: { cursor: 'pointer' },
              }) as HTMLAttributes<HTMLElement>
            }
          />
          {items.length > 0 && (
            <Flex justify="space-between" align="center" style={{ padding: '8px 16px' }}>
              <Typography.Text type="secondary">{t('customerOrders.count', { count: items.length })}</Typography.Text>
              {orders.hasNextPage && (
                <Button size="small" loading={orders.isFetchingNextPage} onClick={() => orders.fetchNextPage()} data-testid="customer-orders-more">
                  {t('customerOrders.loadMore')}
                </Button>
              )}
            </Flex>
          )}
        </>
      )}
      <OrderDrawer orderId={openId} onClose={() => setOpenId(undefined)} />
      {canBind && <BindOrderModal customerId={customerId} open={binding} onClose={() => setBinding(false)} />}
      {canBind && <BindLinkModal customerId={customerId} open={linking} onClose={() => setLinking(false)} />}
    </Card>
  );
}
