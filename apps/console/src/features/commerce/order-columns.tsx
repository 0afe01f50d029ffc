import type { OrderListItem } from '@siyu/contracts';
import { Flex, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { formatFen, formatTime } from '../../lib/format.ts';
import { OrderStatusTag, PlatformTag, RefundTag, SuspectIdTag } from './labels.tsx';

/** 订单号, with the Excel warning under it when the id looks destroyed. */
export function OrderNo({ order, copyable }: { order: Pick<OrderListItem, 'orderNo' | 'idSuspect'>; copyable?: boolean }) {
  return (
    <Flex vertical gap={2} align="flex-start">
      <Typography.Text copyable={copyable ? { text: order.orderNo } : false} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
        {order.orderNo}
      </Typography.Text>
      {order.idSuspect && <SuspectIdTag />}
    </Flex>
  );
}

export function orderColumns(t: TFunction): TableColumnsType<OrderListItem> {
  return [
    { title: t('orders.col.orderNo'), key: 'orderNo', width: 220, render: (_, o) => <OrderNo order={o} /> },
    {
      title: t('orders.col.shop'),
      key: 'shop',
      width: 180,
      render: (_, o) => (
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <PlatformTag platform={o.platform} />
          <Typography.Text ellipsis={{ tooltip: o.shopName }}>{o.shopName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('orders.col.titles'),
      key: 'titles',
      ellipsis: true,
      render: (_, o) => (
        <Typography.Text ellipsis={{ tooltip: o.titles }} style={{ maxWidth: '100%' }}>
          {o.titles || '—'}
          {o.itemCount > 1 && <Typography.Text type="secondary"> · {t('commerce.units', { count: o.itemCount })}</Typography.Text>}
        </Typography.Text>
      ),
    },
    {
      title: t('orders.col.paid'),
      dataIndex: 'paidFen',
      width: 120,
      align: 'right',
      render: (v: number | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(v)}</span>,
    },
    { title: t('orders.col.status'), key: 'status', width: 90, render: (_, o) => <OrderStatusTag status={o.status} raw={o.rawStatus} /> },
    { title: t('orders.col.refund'), dataIndex: 'refundState', width: 90, render: (v: OrderListItem['refundState']) => <RefundTag state={v} /> },
    {
      title: t('orders.col.customer'),
      key: 'customer',
      width: 120,
      render: (_, o) =>
        o.customerId ? (
          // The row opens the order: a click on the customer goes to the customer instead.
          <Link to={`/customers/${o.customerId}`} onClick={(e) => e.stopPropagation()} data-testid="order-customer">
            {o.customerName || o.customerId}
          </Link>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('orders.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span> },
  ];
}
