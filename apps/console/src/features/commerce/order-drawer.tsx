import type { OrderDetail, OrderItem } from '@siyu/contracts';
import { Descriptions, Drawer, Flex, Result, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { formatFen, formatTime } from '../../lib/format.ts';
import { OrderStatusTag, PlatformTag, RefundTag } from './labels.tsx';
import { OrderNo } from './order-columns.tsx';
import { useOrder } from './orders.api.ts';

/** One order: its facts, amounts, masked receiver, messages and items. Used by the order list and the customer card. */
export function OrderDrawer({ orderId, onClose }: { orderId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  const o = order.data;
  const missing = order.isError && (isApiError(order.error, 404) || isApiError(order.error, 403));

  return (
    <Drawer
      open={!!orderId}
      onClose={onClose}
      size={820}
      title={t('orders.detail')}
      extra={o && <OrderStatusTag status={o.status} raw={o.rawStatus} />}
      destroyOnHidden
    >
      {order.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : order.isError ? (
        <Result status={missing ? '404' : 'error'} title={missing ? t('orders.notFound') : t('common.loadFailed')} subTitle={order.error.message} />
      ) : o ? (
        <OrderBody order={o} />
      ) : null}
    </Drawer>
  );
}

const money = (fen: number | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>;

function OrderBody({ order: o }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const region = [o.province, o.city !== o.province ? o.city : null, o.district].filter(Boolean).join(' ') || '—';

  const info = [
    { key: 'no', label: t('orders.col.orderNo'), span: 2, children: <OrderNo order={o} copyable /> },
    {
      key: 'shop',
      label: t('orders.col.shop'),
      children: (
        <Flex gap={6} align="center">
          <PlatformTag platform={o.platform} /> {o.shopName}
        </Flex>
      ),
    },
    {
      key: 'customer',
      label: t('orders.col.customer'),
      children: o.customerId ? <Link to={`/customers/${o.customerId}`}>{o.customerName || o.customerId}</Link> : t('orders.noCustomer'),
    },
    { key: 'raw', label: t('orders.field.rawStatus'), children: o.rawStatus || '—' },
    { key: 'refund', label: t('orders.col.refund'), children: <RefundTag state={o.refundState} /> },
    { key: 'created', label: t('orders.col.createdAt'), children: formatTime(o.createdAt) },
    { key: 'paidAt', label: t('orders.field.paidAt'), children: formatTime(o.paidAt) },
    { key: 'shipped', label: t('orders.field.shippedAt'), children: formatTime(o.shippedAt) },
    { key: 'finished', label: t('orders.field.finishedAt'), children: formatTime(o.finishedAt) },
    { key: 'source', label: t('orders.field.source'), span: 2, children: o.source || '—' },
  ];
  const amounts = [
    { key: 'total', label: t('orders.field.total'), children: money(o.totalFen) },
    { key: 'post', label: t('orders.field.post'), children: money(o.postFen) },
    { key: 'discount', label: t('orders.field.discount'), children: money(o.discountFen) },
    { key: 'paid', label: t('orders.field.paid'), children: <Typography.Text strong>{formatFen(o.paidFen)}</Typography.Text> },
    ...(o.refundFen ? [{ key: 'refund', label: t('orders.field.refunded'), children: <Typography.Text type="danger">{formatFen(o.refundFen)}</Typography.Text> }] : []),
  ];
  const receiver = [
    { key: 'buyer', label: t('orders.field.buyer'), children: o.buyerNickMasked || '—' },
    { key: 'name', label: t('orders.field.receiverName'), children: o.receiverNameMasked || '—' },
    { key: 'phone', label: t('orders.field.receiverPhone'), children: o.receiverPhoneMasked || '—' },
    { key: 'region', label: t('orders.field.region'), children: region },
    { key: 'message', label: t('orders.field.buyerMessage'), span: 2, children: <Multiline text={o.buyerMessage} /> },
    { key: 'memo', label: t('orders.field.sellerMemo'), span: 2, children: <Multiline text={o.sellerMemo} /> },
  ];

  const columns: TableColumnsType<OrderItem> = [
    {
      title: t('orders.item.title'),
      key: 'title',
      render: (_, i) => (
        <Flex vertical>
          {i.productId ? <Link to={`/commerce/products?product=${encodeURIComponent(i.productId)}`}>{i.title}</Link> : i.title}
          {i.properties && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.properties}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('orders.item.outerCode'), dataIndex: 'outerCode', width: 120, render: (v: string | null) => v || '—' },
    { title: t('orders.item.price'), dataIndex: 'priceFen', width: 100, align: 'right', render: money },
    { title: t('orders.item.quantity'), dataIndex: 'quantity', width: 64, align: 'right' },
    { title: t('orders.item.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: money },
    { title: t('orders.item.refund'), dataIndex: 'refundState', width: 90, render: (v: OrderItem['refundState']) => <RefundTag state={v} /> },
  ];

  return (
    <Flex vertical gap={24} data-testid="order-detail" data-order-no={o.orderNo}>
      <Descriptions title={t('orders.info')} column={2} size="small" items={info} />
      <Descriptions title={t('orders.amounts')} column={2} size="small" items={amounts} />
      <Descriptions title={t('orders.receiver')} column={2} size="small" items={receiver} />
      <div>
        <Typography.Title level={5}>{t('orders.items')}</Typography.Title>
        <Table<OrderItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={o.items}
          pagination={false}
          scroll={{ x: 640 }}
          onRow={() => ({ 'data-testid': 'order-item-row' }) as HTMLAttributes<HTMLElement>}
        />
      </div>
    </Flex>
  );
}

function Multiline({ text }: { text: string | null }) {
  return text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph> : <>—</>;
}
